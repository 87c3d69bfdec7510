/**
 * What the scheduler does when a movement's deadline falls due. Each handler
 * runs inside the transaction that marks its deadline fired, so the state
 * change, the alarm and the next deadline commit with it or not at all.
 *
 * - checkin-due: a movement in transit becomes overdue (a transition by the
 *   node, 'system'); while in transit or overdue it raises the L1
 *   'missed_checkin' alarm with the last known position and expects the next
 *   check-in one interval later.
 * - arrival-due: a movement still on the road raises L1 'overdue_arrival'.
 *
 * A deadline that finds the movement elsewhere (arrived, closed, in an
 * incident) does nothing: cancelling it may have lost a race with firing.
 */
import { raiseAlarm, type LastPosition } from '../alarms/alarms.service.js';
import type { DeadlineHandler, DeadlineHandlers } from '../scheduler/scheduler.types.js';
import type { MovementDeps } from './movements.records.js';
import { findMovementsByIds, type MovementRow } from './movements.repository.js';
import { ARRIVAL_DUE, CHECKIN_DUE, scheduleCheckinDue } from './movements.schedule.js';
import { recordTransition } from './movements.workflow.js';

export function lastPositionOf(movement: MovementRow): LastPosition | null {
  if (movement.last_lat === null || movement.last_lon === null || !movement.last_checkin_at) {
    return null;
  }
  return { lat: movement.last_lat, lon: movement.last_lon, at: movement.last_checkin_at };
}

export function movementDeadlineHandlers(deps: MovementDeps): DeadlineHandlers {
  const checkinDue: DeadlineHandler = async (trx, deadline) => {
    const [movement] = await findMovementsByIds(trx, [deadline.subject_id]);
    if (!movement || (movement.state !== 'in_transit' && movement.state !== 'overdue')) return;
    if (movement.state === 'in_transit') {
      await recordTransition(
        deps,
        trx,
        movement,
        { from: 'in_transit', to: 'overdue', reason: 'missed check-in' },
        'system',
      );
    }
    await raiseAlarm(deps, trx, {
      movementId: movement.id,
      reason: 'missed_checkin',
      level: 1,
      lastPosition: lastPositionOf(movement),
    });
    // The next one is due an interval from now; the grace period was spent on this one.
    await scheduleCheckinDue(deps, trx, movement, deps.clock.now().toISOString(), 0);
  };

  const arrivalDue: DeadlineHandler = async (trx, deadline) => {
    const [movement] = await findMovementsByIds(trx, [deadline.subject_id]);
    if (!movement || !['in_transit', 'overdue', 'incident'].includes(movement.state)) return;
    await raiseAlarm(deps, trx, {
      movementId: movement.id,
      reason: 'overdue_arrival',
      level: 1,
      lastPosition: lastPositionOf(movement),
    });
  };

  return { [CHECKIN_DUE]: checkinDue, [ARRIVAL_DUE]: arrivalDue };
}
