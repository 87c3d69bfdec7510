/**
 * The movement state machine as data: for each action, the states it may
 * start from, the state it leads to, and who may take it. `checkAction` is
 * the one function that decides (role, state, the actor's organisation);
 * approvals add their own rules (not the requester, risk level) on top in
 * movements.approval.ts. Pure: no I/O, so the UI's allowedActions and the
 * services ask the same thing.
 */
import type { Role } from '../../core/policy/types.js';
import type { MovementState, RiskLevel } from '../../core/vocabulary/protection.js';

export const MOVEMENT_ACTIONS = [
  'edit',
  'submit',
  'approve',
  'reject',
  'return',
  'assignEscort',
  'start',
  'arrive',
  'close',
  'cancel',
  'incident',
  'checkin',
] as const;
export type MovementAction = (typeof MOVEMENT_ACTIONS)[number];

/**
 * Who may take an action:
 * - requester: editors (analyst, duty_officer, org_admin) of the requesting organisation;
 * - approver: a duty_officer or org_admin of any organisation that reads it;
 * - escort_assigner: a duty_officer, or an org_admin of the escort organisation;
 * - crew: field or duty_officer users of the requester or escort organisation,
 *   or a duty_officer of any organisation that reads it (the operations room);
 * - closer: requester editors or any duty_officer who reads it;
 * - reporter: any non-viewer of the requester or escort organisation, or a duty_officer;
 * - checker: field or duty_officer users of the requester or escort organisation.
 */
type Who =
  'requester' | 'approver' | 'escort_assigner' | 'crew' | 'closer' | 'reporter' | 'checker';

interface Rule {
  from: readonly MovementState[];
  /** undefined: the state does not change (an edit, a check-in, a critical first approval). */
  to: MovementState | undefined;
  who: Who;
}

export const TRANSITIONS: Readonly<Record<MovementAction, Rule>> = {
  edit: { from: ['draft', 'returned'], to: undefined, who: 'requester' },
  submit: { from: ['draft', 'returned'], to: 'submitted', who: 'requester' },
  approve: { from: ['submitted'], to: 'approved', who: 'approver' },
  reject: { from: ['submitted'], to: 'rejected', who: 'approver' },
  return: { from: ['submitted'], to: 'returned', who: 'approver' },
  assignEscort: {
    from: ['approved', 'escort_assigned'],
    to: 'escort_assigned',
    who: 'escort_assigner',
  },
  start: { from: ['escort_assigned'], to: 'in_transit', who: 'crew' },
  arrive: { from: ['in_transit', 'overdue', 'incident'], to: 'arrived', who: 'crew' },
  close: { from: ['arrived', 'incident'], to: 'closed', who: 'closer' },
  cancel: {
    from: ['draft', 'submitted', 'returned', 'approved', 'escort_assigned'],
    to: 'cancelled',
    who: 'requester',
  },
  incident: { from: ['in_transit', 'overdue'], to: 'incident', who: 'reporter' },
  checkin: { from: ['in_transit', 'overdue'], to: undefined, who: 'checker' },
};

/** States in which the movement is on the road: deadlines run, check-ins are taken. */
export const ACTIVE_STATES: readonly MovementState[] = ['in_transit', 'overdue'];

const EDITORS: readonly Role[] = ['analyst', 'duty_officer', 'org_admin'];

export interface ActionContext {
  actor: { userId: string; orgId: string; roles: readonly Role[]; active: boolean };
  movement: { state: string; requesterOrgId: string; escortOrgId: string | null };
  /** For assign_escort: the organisation named as escort. */
  escortOrgId?: string | undefined;
}

export type ActionRefusal = 'forbidden' | 'wrong_state';

function hasAny(roles: readonly Role[], wanted: readonly Role[]): boolean {
  return roles.some((role) => wanted.includes(role));
}

export function mayAct(who: Who, context: ActionContext): boolean {
  const { actor, movement } = context;
  if (!actor.active) return false;
  const ofRequester = actor.orgId === movement.requesterOrgId;
  const ofEscort = movement.escortOrgId !== null && actor.orgId === movement.escortOrgId;
  const duty = actor.roles.includes('duty_officer');
  switch (who) {
    case 'requester':
      return ofRequester && hasAny(actor.roles, EDITORS);
    case 'approver':
      return hasAny(actor.roles, ['duty_officer', 'org_admin']);
    case 'escort_assigner':
      return duty || (actor.roles.includes('org_admin') && context.escortOrgId === actor.orgId);
    case 'crew':
      return duty || ((ofRequester || ofEscort) && actor.roles.includes('field'));
    case 'closer':
      return duty || (ofRequester && hasAny(actor.roles, EDITORS));
    case 'reporter':
      return duty || ((ofRequester || ofEscort) && hasAny(actor.roles, [...EDITORS, 'field']));
    case 'checker':
      return (ofRequester || ofEscort) && hasAny(actor.roles, ['field', 'duty_officer']);
  }
}

/** Whether the actor may take the action now; the refusal says which rule stopped it. */
export function checkAction(
  action: MovementAction,
  context: ActionContext,
): { ok: true; to: MovementState | undefined } | { ok: false; error: ActionRefusal } {
  const rule = TRANSITIONS[action];
  if (!mayAct(rule.who, context)) return { ok: false, error: 'forbidden' };
  if (!(rule.from as readonly string[]).includes(context.movement.state)) {
    return { ok: false, error: 'wrong_state' };
  }
  return { ok: true, to: rule.to };
}

/** Actions the reader could take now (the UI shows these buttons; the server still checks). */
export function allowedActions(
  context: ActionContext,
  approval: { requestedByUser: string; riskLevel: RiskLevel | null; approvedBy: readonly string[] },
): MovementAction[] {
  return MOVEMENT_ACTIONS.filter((action) => {
    const escortContext =
      action === 'assignEscort' ? { ...context, escortOrgId: context.actor.orgId } : context;
    if (!checkAction(action, escortContext).ok) return false;
    if (action === 'approve' || action === 'reject' || action === 'return') {
      return approvalRefusal(context.actor, approval, action) === undefined;
    }
    return true;
  });
}

export type ApprovalRefusal = 'self_approval' | 'approver_role' | 'second_approver';

/**
 * Decision rules beyond the table: never the requester, duty officers for
 * high and critical, and (approving only) a second approver must be another person.
 */
export function approvalRefusal(
  actor: ActionContext['actor'],
  approval: { requestedByUser: string; riskLevel: RiskLevel | null; approvedBy: readonly string[] },
  action: 'approve' | 'reject' | 'return',
): ApprovalRefusal | undefined {
  if (actor.userId === approval.requestedByUser) return 'self_approval';
  const level = approval.riskLevel ?? 'low';
  if ((level === 'high' || level === 'critical') && !actor.roles.includes('duty_officer')) {
    return 'approver_role';
  }
  if (action === 'approve' && approval.approvedBy.includes(actor.userId)) return 'second_approver';
  return undefined;
}

/** How many different approvers a movement at this risk level needs. */
export function approvalsNeeded(level: RiskLevel | null): number {
  return level === 'critical' ? 2 : 1;
}
