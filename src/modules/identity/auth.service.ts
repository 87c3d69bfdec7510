/**
 * Signing in and out: password check with throttling, the TOTP second step,
 * and the audit trail of every attempt. Never says which of username or
 * password was wrong, and spends the same time on unknown usernames.
 */
import { isoNow } from '../../core/clock.js';
import { verifyAgainstDummy, verifyPassword } from '../../core/passwords.js';
import { verifyTotp } from '../../core/totp.js';
import { deleteSession } from './credentials.repository.js';
import type { CurrentUser, IdentityDeps, Principal, RequestOrigin } from './identity.types.js';
import { toCurrentUser } from './identity.presenter.js';
import { openSession } from './sessions.js';
import {
  addressThrottleRule,
  lockedForSeconds,
  recordFailure,
  resetFailures,
  type ThrottleRule,
} from './throttle.js';
import { findUser, findUserByUsername, updateUser } from './users.repository.js';

export type LoginOutcome =
  | { kind: 'signed_in'; user: CurrentUser; sessionSecret: string }
  | { kind: 'mfa_required'; sessionSecret: string }
  | { kind: 'invalid' }
  | { kind: 'throttled'; retryAfterSeconds: number };

export type MfaOutcome =
  | { kind: 'signed_in'; user: CurrentUser; sessionSecret: string }
  | { kind: 'invalid' }
  | { kind: 'throttled'; retryAfterSeconds: number };

function accountRule(deps: IdentityDeps): ThrottleRule {
  const { accountFailureLimit, throttleWindowMinutes, lockoutMinutes } = deps.settings;
  return { limit: accountFailureLimit, windowMinutes: throttleWindowMinutes, lockoutMinutes };
}

export async function login(
  deps: IdentityDeps,
  input: { username: string; password: string },
  origin: RequestOrigin,
): Promise<LoginOutcome> {
  const accountKey = `login:account:${input.username}`;
  const addressKey = `login:address:${origin.address}`;
  const retryAfterSeconds = Math.max(
    await lockedForSeconds(deps.db, deps.clock, accountKey),
    await lockedForSeconds(deps.db, deps.clock, addressKey),
  );
  if (retryAfterSeconds > 0) {
    await deps.audit.record({
      action: 'auth.login_throttled',
      outcome: 'denied',
      address: origin.address,
      requestId: origin.requestId,
      details: { username: input.username },
    });
    return { kind: 'throttled', retryAfterSeconds };
  }

  const row = await findUserByUsername(deps.db, input.username);
  const passwordOk = row
    ? await verifyPassword(input.password, row.password_hash)
    : await verifyAgainstDummy(input.password);
  if (!row || !passwordOk || row.disabled === 1) {
    const lockedAccount = await recordFailure(deps.db, deps.clock, accountKey, accountRule(deps));
    const lockedAddress = await recordFailure(
      deps.db,
      deps.clock,
      addressKey,
      addressThrottleRule(deps.settings),
    );
    await deps.audit.record({
      action: 'auth.login_failed',
      outcome: 'failure',
      target: row ? { type: 'user', id: row.id } : undefined,
      address: origin.address,
      requestId: origin.requestId,
      details: {
        username: input.username,
        reason: !row
          ? 'unknown_user'
          : row.disabled === 1 && passwordOk
            ? 'disabled'
            : 'wrong_password',
        ...(lockedAccount || lockedAddress
          ? { locked: lockedAccount ? 'account' : 'address' }
          : {}),
      },
    });
    return { kind: 'invalid' };
  }

  await resetFailures(deps.db, accountKey);
  const user = toCurrentUser(row);
  const actor = { userId: user.userId, orgId: user.orgId };
  if (user.mfaEnabled) {
    const sessionSecret = await openSession(deps, user.userId, false, origin.address);
    await deps.audit.record({
      action: 'auth.login',
      outcome: 'success',
      actor,
      address: origin.address,
      requestId: origin.requestId,
      details: { step: 'password', mfa: 'pending' },
    });
    return { kind: 'mfa_required', sessionSecret };
  }
  const sessionSecret = await openSession(deps, user.userId, true, origin.address);
  await updateUser(deps.db, user.userId, { last_login_at: isoNow(deps.clock) });
  await deps.audit.record({
    action: 'auth.login',
    outcome: 'success',
    actor,
    address: origin.address,
    requestId: origin.requestId,
    details: { mfa: 'not_enrolled' },
  });
  return { kind: 'signed_in', user, sessionSecret };
}

/** The second step: the pending session is replaced by a fresh one (no session fixation). */
export async function completeMfa(
  deps: IdentityDeps,
  principal: Principal,
  code: string,
  origin: RequestOrigin,
): Promise<MfaOutcome> {
  const key = `mfa:user:${principal.user.userId}`;
  const actor = { userId: principal.user.userId, orgId: principal.user.orgId };
  const retryAfterSeconds = await lockedForSeconds(deps.db, deps.clock, key);
  if (retryAfterSeconds > 0) {
    await deps.audit.record({
      action: 'auth.mfa_throttled',
      outcome: 'denied',
      actor,
      address: origin.address,
      requestId: origin.requestId,
    });
    return { kind: 'throttled', retryAfterSeconds };
  }
  const row = await findUser(deps.db, principal.user.userId);
  const counter = row?.mfa_secret
    ? verifyTotp(row.mfa_secret, code, deps.clock.now(), row.mfa_last_counter)
    : null;
  if (!row || counter === null) {
    const locked = await recordFailure(deps.db, deps.clock, key, accountRule(deps));
    await deps.audit.record({
      action: 'auth.mfa_failed',
      outcome: 'failure',
      actor,
      address: origin.address,
      requestId: origin.requestId,
      details: locked ? { locked: 'mfa' } : {},
    });
    return { kind: 'invalid' };
  }
  await resetFailures(deps.db, key);
  await updateUser(deps.db, row.id, {
    mfa_last_counter: counter,
    last_login_at: isoNow(deps.clock),
  });
  if (principal.sessionIdHash) await deleteSession(deps.db, principal.sessionIdHash);
  const sessionSecret = await openSession(deps, row.id, true, origin.address);
  await deps.audit.record({
    action: 'auth.login',
    outcome: 'success',
    actor,
    address: origin.address,
    requestId: origin.requestId,
    details: { step: 'mfa', mfa: 'verified' },
  });
  return { kind: 'signed_in', user: toCurrentUser(row), sessionSecret };
}

export async function logout(
  deps: IdentityDeps,
  principal: Principal,
  origin: RequestOrigin,
): Promise<void> {
  if (principal.sessionIdHash) await deleteSession(deps.db, principal.sessionIdHash);
  await deps.audit.record({
    action: 'auth.logout',
    outcome: 'success',
    actor: { userId: principal.user.userId, orgId: principal.user.orgId },
    address: origin.address,
    requestId: origin.requestId,
  });
}
