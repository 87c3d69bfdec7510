/**
 * Who may do what with movements, where the server's `allowedActions` does
 * not say it (requests, risk, the manifest). The server checks again: these
 * only keep buttons away from those it would refuse.
 */
import type { Movement } from '../../api/movements';
import type { CurrentUser, Role } from '../../api/types';

const EDITING_ROLES: readonly Role[] = ['analyst', 'duty_officer', 'org_admin'];

/** Editors request movements for their organisation. */
export function canRequestMovements(user: CurrentUser): boolean {
  return user.roles.some((role) => EDITING_ROLES.includes(role));
}

/** A duty officer overrides the computed risk level, with a reason. */
export function canOverrideRisk(user: CurrentUser): boolean {
  return user.roles.includes('duty_officer');
}

/** Assessing again: the requester's editors and duty officers. */
export function canAssessRisk(user: CurrentUser, movement: Movement): boolean {
  return (
    user.roles.includes('duty_officer') ||
    (user.organisation.id === movement.requesterOrgId &&
      user.roles.some((role) => EDITING_ROLES.includes(role)))
  );
}

/** The named manifest is personal data: only the requester and escort organisations. */
export function mayReadManifest(user: CurrentUser, movement: Movement): boolean {
  return (
    user.organisation.id === movement.requesterOrgId ||
    (movement.escort !== null && user.organisation.id === movement.escort.orgId)
  );
}
