/**
 * The deadlines a journey runs on, written in the caller's transaction with
 * the change that makes them due: a check-in due (the interval plus the
 * grace period after the start or the last check-in) and the arrival due
 * (the planned arrival plus grace). The scheduler fires them through
 * movements.deadlines.ts, also after a restart.
 */
import type { Executor } from '../../storage/executor.js';
import { cancelDeadlines, scheduleDeadline } from '../scheduler/deadlines.repository.js';
import type { MovementDeps } from './movements.records.js';
import type { MovementRow } from './movements.repository.js';

export const CHECKIN_DUE = 'movement.checkin-due';
export const ARRIVAL_DUE = 'movement.arrival-due';

const MINUTE_MS = 60_000;
const plus = (iso: string, minutes: number) =>
  new Date(new Date(iso).getTime() + minutes * MINUTE_MS).toISOString();

/** When the next check-in is expected after one at `from` (what the field page is told). */
export function nextCheckinDueAt(from: string, intervalMinutes: number): string {
  return plus(from, intervalMinutes);
}

type Journey = Pick<MovementRow, 'id' | 'checkin_interval_minutes' | 'planned_arrival'>;
type ScheduleDeps = Pick<MovementDeps, 'clock' | 'protection'>;

/** On start: the first check-in due and the arrival due. */
export async function scheduleJourneyDeadlines(
  deps: ScheduleDeps,
  trx: Executor,
  movement: Journey,
): Promise<void> {
  const now = deps.clock.now().toISOString();
  await scheduleCheckinDue(deps, trx, movement, now);
  await scheduleDeadline(
    trx,
    {
      kind: ARRIVAL_DUE,
      subjectId: movement.id,
      dueAt: plus(movement.planned_arrival, deps.protection.checkinGraceMinutes),
    },
    now,
  );
}

/** Replaces the pending check-in deadline with one counted from `from`. */
export async function scheduleCheckinDue(
  deps: ScheduleDeps,
  trx: Executor,
  movement: Journey,
  from: string,
  grace = deps.protection.checkinGraceMinutes,
): Promise<void> {
  await cancelDeadlines(trx, movement.id, [CHECKIN_DUE]);
  await scheduleDeadline(
    trx,
    {
      kind: CHECKIN_DUE,
      subjectId: movement.id,
      dueAt: plus(nextCheckinDueAt(from, movement.checkin_interval_minutes), grace),
    },
    deps.clock.now().toISOString(),
  );
}

/** Arrived, closed, cancelled or rejected: nothing more is due. */
export async function cancelMovementDeadlines(trx: Executor, movementId: string): Promise<void> {
  await cancelDeadlines(trx, movementId, [CHECKIN_DUE, ARRIVAL_DUE]);
}
