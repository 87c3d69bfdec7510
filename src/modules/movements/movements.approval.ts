/**
 * Deciding a submitted movement: approve, reject or return it. Beyond the
 * transition table, the decider is never the person who requested it; high
 * risk needs a duty officer; critical needs two different duty officers —
 * the first approval is recorded and the movement stays 'submitted'.
 */
import { isoNow } from '../../core/clock.js';
import { fail, ok, type Result } from '../../core/result.js';
import type { MovementState, RiskLevel } from '../../core/vocabulary/protection.js';
import { afterCommit, inTransaction } from '../../storage/executor.js';
import type { CurrentUser, RequestOrigin } from '../identity/identity.types.js';
import { actorOf } from '../intel/intel.records.js';
import {
  MOVEMENT_TYPE,
  movementFor,
  type MovementDeps,
  type MovementError,
} from './movements.records.js';
import { insertApproval, listApprovals, type MovementWithRecord } from './movements.repository.js';
import { approvalRefusal, approvalsNeeded, checkAction } from './movements.transitions.js';
import { recordTransition } from './movements.workflow.js';

export type Decision = 'approve' | 'reject' | 'return';

export interface DecisionOutcome {
  state: MovementState;
  /** Approvals so far and how many the risk level needs (a critical movement needs 2). */
  approvals: number;
  required: number;
}

const REFUSALS = {
  self_approval: 'self_approval',
  approver_role: 'approver_role',
  second_approver: 'second_approver',
} as const satisfies Record<string, MovementError>;

export async function decideMovement(
  deps: MovementDeps,
  id: string,
  decision: Decision,
  actor: CurrentUser,
  reason: string | undefined,
  origin?: RequestOrigin,
): Promise<Result<DecisionOutcome, MovementError>> {
  const found = await movementFor(deps, id, actor);
  if (!found.ok) return found;
  const movement = found.value;
  const allowed = checkAction(decision, {
    actor,
    movement: {
      state: movement.state,
      requesterOrgId: movement.requester_org_id,
      escortOrgId: movement.escort_org_id,
    },
  });
  if (!allowed.ok) return fail(allowed.error);
  const level = movement.risk_level as RiskLevel | null;
  const approvedBy = (await listApprovals(deps.db, id)).map((a) => a.approver_user_id);
  const refusal = approvalRefusal(
    actor,
    { requestedByUser: movement.requested_by_user, riskLevel: level, approvedBy },
    decision,
  );
  if (refusal) return fail(REFUSALS[refusal]);
  const required = approvalsNeeded(level);
  try {
    return ok(
      await decide(deps, movement, decision, actor, reason, { approvedBy, required }, origin),
    );
  } catch (error) {
    if (error instanceof StateChanged) return fail('wrong_state');
    throw error;
  }
}

/** Thrown inside the transaction to roll back the approval row when the state moved meanwhile. */
class StateChanged extends Error {}

async function decide(
  deps: MovementDeps,
  movement: MovementWithRecord,
  decision: Decision,
  actor: CurrentUser,
  reason: string | undefined,
  { approvedBy, required }: { approvedBy: readonly string[]; required: number },
  origin?: RequestOrigin,
): Promise<DecisionOutcome> {
  const id = movement.id;
  return inTransaction(deps.db, async (trx): Promise<DecisionOutcome> => {
    const from = 'submitted';
    if (decision !== 'approve') {
      const to = decision === 'reject' ? 'rejected' : 'returned';
      const done = await recordTransition(
        deps,
        trx,
        movement,
        { from, to, reason },
        actorOf(actor),
        origin,
      );
      if (!done) throw new StateChanged();
      return { state: to, approvals: approvedBy.length, required };
    }
    await insertApproval(trx, {
      movement_id: id,
      approver_user_id: actor.userId,
      approved_at: isoNow(deps.clock),
    });
    const approvals = approvedBy.length + 1;
    if (approvals >= required) {
      const done = await recordTransition(
        deps,
        trx,
        movement,
        { from, to: 'approved', reason },
        actorOf(actor),
        origin,
      );
      if (!done) throw new StateChanged();
      return { state: 'approved', approvals, required };
    }
    // First of two approvals: recorded and audited; the state waits for the second.
    await deps.audit.record(
      {
        action: 'movement.transition',
        outcome: 'success',
        actor: actorOf(actor),
        target: { type: MOVEMENT_TYPE, id },
        address: origin?.address,
        requestId: origin?.requestId,
        details: { from, to: from, approvals, required },
      },
      trx,
    );
    afterCommit(trx, () => deps.live.publish({ channel: 'movement', id, change: 'approval' }));
    return { state: 'submitted', approvals, required };
  });
}
