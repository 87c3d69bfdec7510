/**
 * Who an alarm reaches, by its current level — the pure rule; the repository
 * (alarms.repository.ts) states the same rule as SQL for lists, and every
 * alarm it returns is checked here again.
 *
 *   L1  the users of the movement's requester and escort organisations
 *   L2  + every duty officer, and the org_admins of the organisations that
 *         operate the movement's origin or destination site
 *   L3  + every liaison officer
 *
 * On top of the audience the reader must be able to read the movement's
 * record (the sharing policy: read filter, then canRead). A duress alarm is
 * never shown to a user whose only operational role is 'field': the phone
 * that sent the duress code may be in someone else's hands.
 */
import type { Reader, Role } from '../../core/policy/types.js';
import type { AlarmLevel } from './alarms.service.js';

/** Roles that act on movements and alarms; other roles (viewer, analyst, admin) do not count. */
const OPERATIONAL_ROLES: readonly Role[] = ['duty_officer', 'field', 'liaison', 'org_admin'];

/** Roles that may acknowledge an alarm they see ('field' only for alarms other than duress). */
const ACKNOWLEDGING_ROLES: readonly Role[] = ['duty_officer', 'org_admin', 'liaison', 'field'];

/** What of a reader the audience rule looks at, worked out once per request. */
export interface AlarmAudienceScope {
  orgId: string;
  /** The level from which the reader's role alone brings any alarm (2 duty officer, 3 liaison). */
  roleLevel: AlarmLevel | undefined;
  /** org_admin: sees alarms from L2 on for movements from or to a site its organisation operates. */
  siteOperatorAdmin: boolean;
  seesDuress: boolean;
}

/** The facts about an alarm and its movement the audience depends on. */
export interface AlarmAudienceFacts {
  level: number;
  reason: string;
  requesterOrgId: string;
  escortOrgId: string | null;
  /** Operators of the origin and destination sites (null when a place is not a site). */
  siteOperatorOrgIds: readonly (string | null)[];
}

export function isFieldOnly(roles: readonly Role[]): boolean {
  const operational = roles.filter((role) => OPERATIONAL_ROLES.includes(role));
  return operational.length > 0 && operational.every((role) => role === 'field');
}

export function audienceScope(reader: Reader): AlarmAudienceScope {
  const roleLevel: AlarmLevel | undefined = reader.roles.includes('duty_officer')
    ? 2
    : reader.roles.includes('liaison')
      ? 3
      : undefined;
  return {
    orgId: reader.orgId,
    roleLevel,
    siteOperatorAdmin: reader.roles.includes('org_admin'),
    seesDuress: !isFieldOnly(reader.roles),
  };
}

/** Whether the alarm, at its current level, reaches this reader (the policy is checked apart). */
export function inAlarmAudience(scope: AlarmAudienceScope, alarm: AlarmAudienceFacts): boolean {
  if (alarm.reason === 'duress' && !scope.seesDuress) return false;
  if (alarm.requesterOrgId === scope.orgId || alarm.escortOrgId === scope.orgId) return true;
  if (scope.roleLevel !== undefined && alarm.level >= scope.roleLevel) return true;
  return (
    scope.siteOperatorAdmin &&
    alarm.level >= 2 &&
    alarm.siteOperatorOrgIds.some((orgId) => orgId === scope.orgId)
  );
}

/** Whether a reader who sees the alarm may acknowledge it. */
export function mayAcknowledge(reader: Reader, alarm: Pick<AlarmAudienceFacts, 'reason'>): boolean {
  if (alarm.reason === 'duress' && isFieldOnly(reader.roles)) return false;
  return reader.roles.some((role) => ACKNOWLEDGING_ROLES.includes(role));
}
