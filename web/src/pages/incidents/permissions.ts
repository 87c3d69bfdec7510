import type { CurrentUser, Role } from '../../api/types';

/** The roles the sharing policy lets write and correct records (core/policy EDITING_ROLES). */
export const EDITING_ROLES: readonly Role[] = ['analyst', 'duty_officer', 'org_admin'];

export function canWriteIncidents(user: CurrentUser): boolean {
  return user.roles.some((role) => EDITING_ROLES.includes(role));
}

/** Only the originating organisation's editors correct or revoke an incident. */
export function canEditIncident(user: CurrentUser, incident: { createdBy: string }): boolean {
  return canWriteIncidents(user) && incident.createdBy === user.organisation.id;
}
