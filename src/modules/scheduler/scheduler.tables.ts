/**
 * Deadlines: things that must happen at a time even if every process
 * restarts in between (a check-in due, an escalation step). Fired by
 * scheduler.service.ts, once each, also with several processes on PostgreSQL.
 */
export interface DeadlinesTable {
  id: string;
  /** Which handler fires it, e.g. 'movement.checkin-due', 'alarm.escalate', 'alert.escalate'. */
  kind: string;
  /** The movement, alarm or alert it is about. */
  subject_id: string;
  due_at: string;
  /** JSON object for the handler. */
  payload: string;
  /** pending | fired | cancelled | failed */
  state: string;
  created_at: string;
  fired_at: string | null;
  attempts: number;
  last_error: string | null;
}
