/** Movement alarms: a missed check-in, a duress check-in, an overdue arrival; escalated L1 → L2 → L3. */
export interface AlarmsTable {
  id: string;
  movement_id: string;
  /** missed_checkin | duress | overdue_arrival */
  reason: string;
  /** 1, 2 or 3: who it has reached so far (see alarms.audience.ts). */
  level: number;
  raised_at: string;
  escalated_at: string | null;
  /** The last known position and when it was reported (null before the first check-in). */
  last_lat: number | null;
  last_lon: number | null;
  last_checkin_at: string | null;
  acknowledged_at: string | null;
  acknowledged_by_user: string | null;
  /** Set when the movement checks in again (not for duress) or is closed. */
  resolved_at: string | null;
}
