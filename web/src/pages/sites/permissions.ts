/**
 * Who may do what with sites, as the server decides it (core/policy
 * canEdit; sites.service for people counts). The server checks again: these
 * only keep buttons away from those it would refuse.
 */
import type { CurrentUser, Role } from '../../api/types';
import type { Site } from '../../api/sites';

const EDITING_ROLES: readonly Role[] = ['analyst', 'duty_officer', 'org_admin'];

export function canWriteSites(user: CurrentUser): boolean {
  return user.roles.some((role) => EDITING_ROLES.includes(role));
}

/**
 * Today's people on site: users of the operator or guard organisation with
 * an editing role or 'field', and the site's own editors. The server's
 * `mayRecordPeople`, when it sends one, decides.
 */
export function canRecordPeople(user: CurrentUser, site: Site): boolean {
  if (site.revoked) return false;
  if (site.mayRecordPeople !== undefined) return site.mayRecordPeople;
  if (site.canEdit) return true;
  const ownOrg = user.organisation.id;
  const siteOrg = site.operator.id === ownOrg || site.guard.id === ownOrg;
  return siteOrg && user.roles.some((role) => role === 'field' || EDITING_ROLES.includes(role));
}
