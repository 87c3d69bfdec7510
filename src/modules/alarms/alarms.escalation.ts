/**
 * The 'alarm.escalate' deadline: an alarm nobody acknowledged reaches its
 * next level (raiseAlarm writes the level, the audit entry, the live event
 * and the deadline of the level after). An alarm acknowledged, resolved or
 * already at that level in the meantime stays as it is: acknowledging and
 * resolving cancel this deadline, but a deadline may fire in the same instant.
 */
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../storage/schema.js';
import type { DeadlineHandlers } from '../scheduler/scheduler.types.js';
import { findAlarm } from './alarms.repository.js';
import { ESCALATE_ALARM, raiseAlarm, type AlarmDeps, type AlarmReason } from './alarms.service.js';

const ALARM_REASONS: readonly AlarmReason[] = ['missed_checkin', 'duress', 'overdue_arrival'];
const escalationPayloadSchema = z.object({ toLevel: z.union([z.literal(2), z.literal(3)]) });

const isAlarmReason = (reason: string): reason is AlarmReason =>
  (ALARM_REASONS as readonly string[]).includes(reason);

/** Raises the alarm to `toLevel` in the caller's transaction; false when nothing was to be done. */
export async function escalateAlarm(
  deps: AlarmDeps,
  trx: Transaction<Database>,
  alarmId: string,
  toLevel: 2 | 3,
): Promise<boolean> {
  const alarm = await findAlarm(trx, alarmId);
  if (!alarm || alarm.acknowledged_at !== null || alarm.resolved_at !== null) return false;
  if (alarm.level >= toLevel) return false;
  // A stored reason outside the vocabulary is a bug: the scheduler records it and retries.
  if (!isAlarmReason(alarm.reason)) throw new Error(`alarm ${alarmId} has unknown reason`);
  await raiseAlarm(deps, trx, {
    movementId: alarm.movement_id,
    reason: alarm.reason,
    level: toLevel,
    lastPosition: null, // raiseAlarm keeps the position of the open alarm
  });
  return true;
}

/** The alarms module's deadline handlers, composed by app/workers.ts. */
export function alarmDeadlineHandlers(deps: AlarmDeps): DeadlineHandlers {
  return {
    [ESCALATE_ALARM]: async (trx, deadline) => {
      const payload = escalationPayloadSchema.parse(JSON.parse(deadline.payload));
      await escalateAlarm(deps, trx, deadline.subject_id, payload.toLevel);
    },
  };
}
