/** The audience rule by level, and who may acknowledge (pure). */
import { describe, expect, it } from 'vitest';
import type { Reader, Role } from '../../core/policy/types.js';
import {
  audienceScope,
  inAlarmAudience,
  isFieldOnly,
  mayAcknowledge,
  type AlarmAudienceFacts,
} from './alarms.audience.js';

const reader = (orgId: string, roles: Role[]): Reader => ({
  userId: `user-${orgId}-${roles.join('+')}`,
  orgId,
  groupIds: [],
  roles,
  active: true,
});
const alarm = (level: number, reason = 'missed_checkin'): AlarmAudienceFacts => ({
  level,
  reason,
  requesterOrgId: 'requester',
  escortOrgId: 'escort',
  siteOperatorOrgIds: ['operator', null],
});
const sees = (r: Reader, a: AlarmAudienceFacts) => inAlarmAudience(audienceScope(r), a);

describe('alarm audience', () => {
  it('reaches the requester and escort organisations from L1, whatever their roles', () => {
    expect(sees(reader('requester', ['viewer']), alarm(1))).toBe(true);
    expect(sees(reader('escort', ['field']), alarm(1))).toBe(true);
    expect(sees(reader('elsewhere', ['analyst']), alarm(3))).toBe(false);
  });

  it('adds duty officers and the site operators’ org admins at L2', () => {
    expect(sees(reader('elsewhere', ['duty_officer']), alarm(1))).toBe(false);
    expect(sees(reader('elsewhere', ['duty_officer']), alarm(2))).toBe(true);
    expect(sees(reader('operator', ['org_admin']), alarm(1))).toBe(false);
    expect(sees(reader('operator', ['org_admin']), alarm(2))).toBe(true);
    expect(sees(reader('operator', ['analyst']), alarm(3))).toBe(false);
    expect(sees(reader('elsewhere', ['org_admin']), alarm(3))).toBe(false);
  });

  it('adds liaison officers at L3', () => {
    expect(sees(reader('elsewhere', ['liaison']), alarm(2))).toBe(false);
    expect(sees(reader('elsewhere', ['liaison']), alarm(3))).toBe(true);
  });

  it('never shows a duress alarm to a user whose only operational role is field', () => {
    expect(sees(reader('escort', ['field']), alarm(3, 'duress'))).toBe(false);
    expect(sees(reader('requester', ['field', 'analyst']), alarm(3, 'duress'))).toBe(false);
    expect(sees(reader('requester', ['field', 'duty_officer']), alarm(3, 'duress'))).toBe(true);
    expect(sees(reader('requester', ['analyst']), alarm(1, 'duress'))).toBe(true);
    expect(isFieldOnly(['viewer'])).toBe(false);
  });

  it('lets duty officers, org admins, liaison and field users acknowledge, field not for duress', () => {
    expect(mayAcknowledge(reader('x', ['duty_officer']), alarm(2))).toBe(true);
    expect(mayAcknowledge(reader('x', ['org_admin']), alarm(2))).toBe(true);
    expect(mayAcknowledge(reader('x', ['liaison']), alarm(3))).toBe(true);
    expect(mayAcknowledge(reader('x', ['field']), alarm(1))).toBe(true);
    expect(mayAcknowledge(reader('x', ['field']), alarm(1, 'duress'))).toBe(false);
    expect(mayAcknowledge(reader('x', ['analyst', 'viewer']), alarm(1))).toBe(false);
  });
});
