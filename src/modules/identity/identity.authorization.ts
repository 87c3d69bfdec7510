/**
 * Who may administer whom. Pure rules, separate from the sharing policy
 * (which decides over shareable records): node administrators manage the
 * whole node; organisation administrators manage their own organisation's
 * users and may never hand out node_admin.
 */
import type { Role } from '../../core/policy/types.js';
import type { CurrentUser } from './identity.types.js';

const has = (user: CurrentUser, role: Role): boolean => user.active && user.roles.includes(role);

export const isNodeAdmin = (user: CurrentUser): boolean => has(user, 'node_admin');
export const isAdmin = (user: CurrentUser): boolean => isNodeAdmin(user) || has(user, 'org_admin');

export function canManageOrganisations(actor: CurrentUser): boolean {
  return isNodeAdmin(actor);
}

/** May the actor see or change users of this organisation? */
export function canManageUsersOf(actor: CurrentUser, orgId: string): boolean {
  return isNodeAdmin(actor) || (has(actor, 'org_admin') && actor.orgId === orgId);
}

export function canGrantRoles(actor: CurrentUser, roles: readonly Role[]): boolean {
  return isNodeAdmin(actor) || (has(actor, 'org_admin') && !roles.includes('node_admin'));
}

/** Nobody changes their own roles or disables themselves: that is how nodes get locked out. */
export function canChangeAccountOf(actor: CurrentUser, targetUserId: string): boolean {
  return actor.userId !== targetUserId;
}

const RECORD_WRITING_ROLES: readonly Role[] = [
  'analyst',
  'duty_officer',
  'field',
  'liaison',
  'org_admin',
  'node_admin',
];

/**
 * May the actor look people up to name them on a TLP:RED release list? Those
 * who write records may; viewers read and never release.
 */
export function canConsultDirectory(actor: CurrentUser): boolean {
  return RECORD_WRITING_ROLES.some((role) => has(actor, role));
}
