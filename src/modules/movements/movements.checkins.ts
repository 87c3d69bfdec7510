/**
 * Check-ins from the field. Each carries the device's own id (clientId): a
 * device that was offline replays its queue, and a check-in already stored
 * answers exactly as it did the first time, creating and raising nothing.
 *
 * The duress code is accepted like the check-in code and the answer is the
 * same, field for field; the node stores duress=1 and raises the L3 alarm.
 * Everything a watcher of the phone could see afterwards (the state going
 * back to in transit, the last position, the next check-in due) also
 * happens as for a normal check-in; only the missed-check-in alarm is left
 * open, for the responders. Whether a check-in was made under duress is
 * shown only to duty officers and liaison officers (never to role field).
 */
import { isoNow } from '../../core/clock.js';
import { verifyPassword } from '../../core/passwords.js';
import { fail, ok, type Result } from '../../core/result.js';
import { afterCommit, inTransaction } from '../../storage/executor.js';
import { raiseAlarm, resolveAlarms } from '../alarms/alarms.service.js';
import type { CurrentUser, RequestOrigin } from '../identity/identity.types.js';
import { actorOf } from '../intel/intel.records.js';
import {
  findCheckin,
  findCodes,
  insertCheckin,
  type CheckinRow,
} from './movements.field.repository.js';
import {
  MOVEMENT_TYPE,
  movementFor,
  type MovementDeps,
  type MovementError,
} from './movements.records.js';
import { updateMovementRow, type MovementRow } from './movements.repository.js';
import { nextCheckinDueAt, scheduleCheckinDue } from './movements.schedule.js';
import type { CheckinInput } from './movements.schema.js';
import { ACTIVE_STATES, mayAct, TRANSITIONS } from './movements.transitions.js';
import { recordTransition } from './movements.workflow.js';

/** The one answer shape, for normal, duress and replayed check-ins alike. */
export interface CheckinAnswer {
  accepted: true;
  clientId: string;
  nextDueAt: string;
}

const answerFor = (row: CheckinRow, movement: MovementRow): CheckinAnswer => ({
  accepted: true,
  clientId: row.client_id,
  nextDueAt: nextCheckinDueAt(row.received_at, movement.checkin_interval_minutes),
});

/** Which code it is; both are always compared, so the time taken does not tell them apart. */
async function matchCode(
  deps: Pick<MovementDeps, 'db'>,
  movementId: string,
  code: string,
): Promise<'checkin' | 'duress' | undefined> {
  const codes = await findCodes(deps.db, movementId);
  if (!codes) return undefined;
  const [normal, duress] = await Promise.all([
    verifyPassword(code, codes.checkin_hash),
    verifyPassword(code, codes.duress_hash),
  ]);
  return normal ? 'checkin' : duress ? 'duress' : undefined;
}

export async function recordCheckin(
  deps: MovementDeps,
  id: string,
  input: CheckinInput,
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<CheckinAnswer, MovementError>> {
  const found = await movementFor(deps, id, actor);
  if (!found.ok) return found;
  const movement = found.value;
  const context = {
    actor,
    movement: {
      state: movement.state,
      requesterOrgId: movement.requester_org_id,
      escortOrgId: movement.escort_org_id,
    },
  };
  if (!mayAct(TRANSITIONS.checkin.who, context)) return fail('forbidden');
  const earlier = await findCheckin(deps.db, id, input.clientId);
  if (!ACTIVE_STATES.includes(movement.state as never) && !earlier) return fail('checkin_refused');
  const code = await matchCode(deps, id, input.code);
  if (!code) return fail('wrong_code');
  if (earlier) return ok(answerFor(earlier, movement));
  const now = isoNow(deps.clock);
  const row: CheckinRow = {
    movement_id: id,
    client_id: input.clientId,
    recorded_at: input.recordedAt,
    received_at: now,
    lat: input.lat,
    lon: input.lon,
    kind: input.kind,
    duress: code === 'duress' ? 1 : 0,
    by_user: actor.userId,
    note: input.note ?? null,
  };
  const stored = await inTransaction(deps.db, async (trx) => {
    if (!(await insertCheckin(trx, row))) {
      // The same queue arrived twice at once: the other request stored it.
      return (await findCheckin(trx, id, input.clientId)) ?? row;
    }
    const position = { lat: input.lat, lon: input.lon, at: input.recordedAt };
    // A replayed queue may deliver an older position after a newer one.
    if (!movement.last_checkin_at || input.recordedAt >= movement.last_checkin_at) {
      await updateMovementRow(trx, id, {
        last_lat: input.lat,
        last_lon: input.lon,
        last_checkin_at: input.recordedAt,
        updated_at: now,
      });
    }
    if (movement.state === 'overdue') {
      await recordTransition(
        deps,
        trx,
        movement,
        { from: 'overdue', to: 'in_transit' },
        actorOf(actor),
        origin,
      );
    }
    await scheduleCheckinDue(deps, trx, movement, now);
    if (code === 'duress') {
      await raiseAlarm(deps, trx, {
        movementId: id,
        reason: 'duress',
        level: 3,
        lastPosition: position,
      });
    } else {
      await resolveAlarms(deps, trx, id, ['missed_checkin']);
    }
    await deps.audit.record(
      {
        action: 'movement.checkin',
        outcome: 'success',
        actor: actorOf(actor),
        target: { type: MOVEMENT_TYPE, id },
        address: origin?.address,
        requestId: origin?.requestId,
        details: { clientId: input.clientId, kind: input.kind },
      },
      trx,
    );
    afterCommit(trx, () => deps.live.publish({ channel: 'movement', id, change: 'checked-in' }));
    return row;
  });
  return ok(answerFor(stored, movement));
}

/** Whether this reader is told which check-ins were made under duress. */
export function seesDuress(reader: CurrentUser): boolean {
  return (
    !reader.roles.includes('field') &&
    (reader.roles.includes('duty_officer') || reader.roles.includes('liaison'))
  );
}
