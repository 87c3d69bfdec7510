/**
 * Assigning the escort of an approved movement: organisation, unit, call
 * sign, strength and vehicles go into a new version of the request (the
 * escort is part of what was agreed); the check-in and duress codes never do
 * — they are stored apart as scrypt hashes (movement_codes) and compared on
 * every check-in.
 *
 * The escort organisation must read the movement to check in, so for
 * TLP:AMBER(+STRICT) it joins the release list in the same version. This is
 * the one widening not made by the originator: requesting an escort is the
 * requester's consent to share the movement with it. A TLP:RED movement is
 * not widened (named people only); its requester must name the escort.
 */
import { isoNow } from '../../core/clock.js';
import { hashPassword } from '../../core/passwords.js';
import { fail, ok, type Result } from '../../core/result.js';
import type { MovementState } from '../../core/vocabulary/protection.js';
import { inTransaction } from '../../storage/executor.js';
import { findOrganisation } from '../identity/organisations.repository.js';
import type { CurrentUser, RequestOrigin } from '../identity/identity.types.js';
import { actorOf, nextVersionOf, parseBody, sharingOf } from '../intel/intel.records.js';
import { storeRecordVersion } from '../records/records.repository.js';
import { nextModified } from '../records/versions.js';
import { saveCodes } from './movements.field.repository.js';
import {
  MOVEMENT_TYPE,
  movementFor,
  type MovementDeps,
  type MovementError,
} from './movements.records.js';
import { updateMovementRow } from './movements.repository.js';
import type { EscortInput } from './movements.schema.js';
import { checkAction } from './movements.transitions.js';
import { recordTransition } from './movements.workflow.js';

class StateChanged extends Error {}

export async function assignEscort(
  deps: MovementDeps,
  id: string,
  input: EscortInput,
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<MovementState, MovementError>> {
  const found = await movementFor(deps, id, actor);
  if (!found.ok) return found;
  const movement = found.value;
  const allowed = checkAction('assignEscort', {
    actor,
    movement: {
      state: movement.state,
      requesterOrgId: movement.requester_org_id,
      escortOrgId: movement.escort_org_id,
    },
    escortOrgId: input.orgId,
  });
  if (!allowed.ok) return fail(allowed.error);
  if (!(await findOrganisation(deps.db, input.orgId))) return fail('unknown_escort_org');
  const [checkinHash, duressHash] = await Promise.all([
    hashPassword(input.checkinCode),
    hashPassword(input.duressCode),
  ]);
  const escort = {
    orgId: input.orgId,
    unit: input.unit,
    callSign: input.callSign,
    strength: input.strength,
    vehicles: input.vehicles,
  };
  const sharing = sharingOf(movement.record);
  const widens = sharing.marking === 'TLP:AMBER' || sharing.marking === 'TLP:AMBER+STRICT';
  if (
    widens &&
    input.orgId !== movement.record.created_by &&
    !sharing.releasableTo.includes(input.orgId)
  ) {
    sharing.releasableTo = [...sharing.releasableTo, input.orgId];
  }
  const modified = nextModified(deps.clock.now(), movement.record.modified);
  const version = nextVersionOf(
    movement.record,
    sharing,
    { ...parseBody(movement.record.body), escort },
    modified,
    false,
  );
  const now = isoNow(deps.clock);
  try {
    await inTransaction(deps.db, async (trx) => {
      if (movement.state === 'approved') {
        const done = await recordTransition(
          deps,
          trx,
          movement,
          { from: 'approved', to: 'escort_assigned' },
          actorOf(actor),
          origin,
        );
        if (!done) throw new StateChanged();
      }
      await storeRecordVersion(trx, version, now);
      await updateMovementRow(trx, id, { escort_org_id: input.orgId, updated_at: now });
      await saveCodes(trx, {
        movement_id: id,
        checkin_hash: checkinHash,
        duress_hash: duressHash,
        set_at: now,
        set_by_user: actor.userId,
      });
      await deps.audit.record(
        {
          action: 'movement.escort_assigned',
          outcome: 'success',
          actor: actorOf(actor),
          target: { type: MOVEMENT_TYPE, id },
          address: origin?.address,
          requestId: origin?.requestId,
          details: { escortOrgId: input.orgId, unit: input.unit, callSign: input.callSign },
        },
        trx,
      );
    });
  } catch (error) {
    if (error instanceof StateChanged) return fail('wrong_state');
    throw error;
  }
  return ok('escort_assigned');
}
