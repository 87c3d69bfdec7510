/**
 * Movement alarms: raised by a missed check-in or arrival (L1) or a duress
 * check-in (L3 at once), escalated L1 → L2 → L3 by deadlines while nobody
 * acknowledges them, resolved when the movement checks in again. Owns the
 * rule that a movement has at most one open alarm per reason; must never
 * tell the field device that a duress alarm exists.
 */
import { isoNow } from '../../core/clock.js';
import type { Clock } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import type { ProtectionSettings } from '../../core/protection-settings.js';
import { afterCommit, type Executor } from '../../storage/executor.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { LiveBus } from '../live/live.bus.js';
import { cancelDeadlines, scheduleDeadline } from '../scheduler/deadlines.repository.js';

export interface AlarmDeps {
  db: Executor;
  clock: Clock;
  audit: AuditLog;
  live: LiveBus;
  protection: ProtectionSettings;
}

export type AlarmReason = 'missed_checkin' | 'duress' | 'overdue_arrival';
export type AlarmLevel = 1 | 2 | 3;
export const ESCALATE_ALARM = 'alarm.escalate';

export interface LastPosition {
  lat: number;
  lon: number;
  at: string;
}

const minutes = (n: number) => n * 60_000;

/** When an alarm now at `level` reaches the next level, or undefined at L3. */
export function nextEscalationAt(
  settings: ProtectionSettings,
  level: AlarmLevel,
  from: Date,
): string | undefined {
  if (level >= 3) return undefined;
  const delay = level === 1 ? settings.alarmL2AfterMinutes : settings.alarmL3AfterMinutes;
  return new Date(from.getTime() + minutes(delay)).toISOString();
}

/**
 * Raises an alarm in the caller's transaction, or raises the level of the
 * movement's open alarm for the same reason. Returns the alarm's id.
 */
export async function raiseAlarm(
  deps: AlarmDeps,
  trx: Executor,
  input: {
    movementId: string;
    reason: AlarmReason;
    level: AlarmLevel;
    lastPosition: LastPosition | null;
  },
): Promise<string> {
  const now = isoNow(deps.clock);
  const open = await trx
    .selectFrom('alarms')
    .selectAll()
    .where('movement_id', '=', input.movementId)
    .where('reason', '=', input.reason)
    .where('resolved_at', 'is', null)
    .executeTakeFirst();
  let id: string;
  let change: string;
  if (open) {
    id = open.id;
    if (open.level >= input.level) return id;
    await trx
      .updateTable('alarms')
      .set({ level: input.level, escalated_at: now })
      .where('id', '=', id)
      .execute();
    await cancelDeadlines(trx, id, [ESCALATE_ALARM]);
    change = 'escalated';
  } else {
    id = newId('alarm');
    await trx
      .insertInto('alarms')
      .values({
        id,
        movement_id: input.movementId,
        reason: input.reason,
        level: input.level,
        raised_at: now,
        escalated_at: null,
        last_lat: input.lastPosition?.lat ?? null,
        last_lon: input.lastPosition?.lon ?? null,
        last_checkin_at: input.lastPosition?.at ?? null,
        acknowledged_at: null,
        acknowledged_by_user: null,
        resolved_at: null,
      })
      .execute();
    change = 'raised';
  }
  const escalateAt = nextEscalationAt(deps.protection, input.level, deps.clock.now());
  if (escalateAt !== undefined) {
    await scheduleDeadline(
      trx,
      {
        kind: ESCALATE_ALARM,
        subjectId: id,
        dueAt: escalateAt,
        payload: { toLevel: input.level + 1 },
      },
      now,
    );
  }
  await deps.audit.record(
    {
      action: change === 'raised' ? 'alarm.raised' : 'alarm.escalated',
      outcome: 'success',
      target: { type: 'movement', id: input.movementId },
      details: { alarmId: id, reason: input.reason, level: input.level },
    },
    trx,
  );
  afterCommit(trx, () => deps.live.publish({ channel: 'alarm', id, change }));
  return id;
}

/** Resolves the movement's open alarms for these reasons (it checked in, arrived or closed). */
export async function resolveAlarms(
  deps: AlarmDeps,
  trx: Executor,
  movementId: string,
  reasons: readonly AlarmReason[],
): Promise<string[]> {
  const open = await trx
    .selectFrom('alarms')
    .select('id')
    .where('movement_id', '=', movementId)
    .where('reason', 'in', reasons)
    .where('resolved_at', 'is', null)
    .execute();
  if (open.length === 0) return [];
  const ids = open.map((row) => row.id);
  await trx
    .updateTable('alarms')
    .set({ resolved_at: isoNow(deps.clock) })
    .where('id', 'in', ids)
    .execute();
  for (const id of ids) await cancelDeadlines(trx, id, [ESCALATE_ALARM]);
  afterCommit(trx, () => {
    for (const id of ids) deps.live.publish({ channel: 'alarm', id, change: 'resolved' });
  });
  return ids;
}
