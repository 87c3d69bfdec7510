/**
 * State changes of a movement: the one writer of `movements.state`. Each
 * change is checked against the transition table (movements.transitions.ts),
 * made conditional on the state it was checked in (a concurrent change makes
 * it refuse instead of overwrite), recorded in movement_transitions with the
 * audit entry, and published live after commit. Deadlines follow the state:
 * starting schedules them, arriving, closing and cancelling cancel them.
 *
 * A transition is not a record version: the request stays as it was approved.
 */
import { isoNow } from '../../core/clock.js';
import { fail, ok, type Result } from '../../core/result.js';
import type { MovementState } from '../../core/vocabulary/protection.js';
import { afterCommit, inTransaction, type Executor } from '../../storage/executor.js';
import { resolveAlarms } from '../alarms/alarms.service.js';
import type { CurrentUser, RequestOrigin } from '../identity/identity.types.js';
import { actorOf } from '../intel/intel.records.js';
import { cancelMovementDeadlines, scheduleJourneyDeadlines } from './movements.schedule.js';
import {
  MOVEMENT_TYPE,
  movementFor,
  type MovementDeps,
  type MovementError,
} from './movements.records.js';
import { clearApprovals, insertTransition, type MovementRow } from './movements.repository.js';
import { checkAction, type MovementAction } from './movements.transitions.js';
import { assessAndStoreRisk, gatherRisk } from './risk.service.js';

/** Who made a change: a person, or the node itself (a missed deadline). */
export type TransitionActor = { userId: string; orgId: string } | 'system';

const ENDED: readonly MovementState[] = ['arrived', 'closed', 'cancelled', 'rejected'];

/**
 * Moves the movement from `from` to `to` in the caller's transaction, with
 * its transition row, audit entry, deadlines and live event. False when the
 * state was no longer `from` (someone else changed it first).
 */
export async function recordTransition(
  deps: MovementDeps,
  trx: Executor,
  movement: Pick<MovementRow, 'id' | 'checkin_interval_minutes' | 'planned_arrival'>,
  change: { from: MovementState; to: MovementState; reason?: string | undefined },
  by: TransitionActor,
  origin?: RequestOrigin,
): Promise<boolean> {
  const at = isoNow(deps.clock);
  const updated = await trx
    .updateTable('movements')
    .set({ state: change.to, updated_at: at })
    .where('id', '=', movement.id)
    .where('state', '=', change.from)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) return false;
  const person = by === 'system' ? undefined : by;
  await insertTransition(trx, {
    movement_id: movement.id,
    from_state: change.from,
    to_state: change.to,
    at,
    by_user: person?.userId ?? 'system',
    by_org: person?.orgId ?? 'system',
    reason: change.reason ?? null,
  });
  if (change.from === 'escort_assigned' && change.to === 'in_transit') {
    await scheduleJourneyDeadlines(deps, trx, movement);
  }
  if (ENDED.includes(change.to)) {
    await cancelMovementDeadlines(trx, movement.id);
    const reasons =
      change.to === 'arrived'
        ? (['missed_checkin', 'overdue_arrival'] as const)
        : (['missed_checkin', 'overdue_arrival', 'duress'] as const);
    await resolveAlarms(deps, trx, movement.id, reasons);
  }
  await deps.audit.record(
    {
      action: 'movement.transition',
      outcome: 'success',
      ...(person ? { actor: person } : {}),
      target: { type: MOVEMENT_TYPE, id: movement.id },
      address: origin?.address,
      requestId: origin?.requestId,
      details: {
        from: change.from,
        to: change.to,
        ...(change.reason ? { reason: change.reason } : {}),
      },
    },
    trx,
  );
  afterCommit(trx, () =>
    deps.live.publish({ channel: 'movement', id: movement.id, change: change.to }),
  );
  return true;
}

/** Actions that are a plain transition (approval and escort have their own services). */
export type SimpleAction = Exclude<MovementAction, 'edit' | 'approve' | 'assignEscort' | 'checkin'>;

/** Takes a plain action: check, then transition; submitting also assesses the risk afresh. */
export async function takeAction(
  deps: MovementDeps,
  id: string,
  action: SimpleAction,
  actor: CurrentUser,
  reason: string | undefined,
  origin?: RequestOrigin,
): Promise<Result<MovementState, MovementError>> {
  const found = await movementFor(deps, id, actor);
  if (!found.ok) return found;
  const movement = found.value;
  const allowed = checkAction(action, {
    actor,
    movement: {
      state: movement.state,
      requesterOrgId: movement.requester_org_id,
      escortOrgId: movement.escort_org_id,
    },
  });
  if (!allowed.ok) return fail(allowed.error);
  const to = allowed.to ?? (movement.state as MovementState);
  // Risk is gathered with the submitter's eyes before the transaction (reads only).
  const risk = action === 'submit' ? await gatherRisk(deps, movement, actor) : undefined;
  const moved = await inTransaction(deps.db, async (trx) => {
    const done = await recordTransition(
      deps,
      trx,
      movement,
      { from: movement.state as MovementState, to, reason },
      actorOf(actor),
      origin,
    );
    if (!done) return false;
    if (action === 'submit') {
      await clearApprovals(trx, movement.id);
      if (risk) await assessAndStoreRisk(deps, trx, movement.id, risk, actor);
    }
    return true;
  });
  return moved ? ok(to) : fail('wrong_state');
}
