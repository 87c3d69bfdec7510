/**
 * Login, MFA and credential throttling: after too many failures within a
 * window, a key (an account, an address, a user's MFA) is locked for a while
 * and every attempt is refused before any password or token is checked.
 */
import type { Clock } from '../../core/clock.js';
import type { Executor } from '../../storage/executor.js';
import type { IdentitySettings } from './identity.types.js';
import { clearThrottle, findThrottle, saveThrottle } from './throttle.repository.js';

export interface ThrottleRule {
  limit: number;
  windowMinutes: number;
  lockoutMinutes: number;
}

const MINUTE = 60_000;

/**
 * The one key under which an address's failed machine credentials count: API
 * tokens however sent (Bearer, or the password of TAXII's Basic) and peer
 * signatures. One budget per address, so alternating schemes buys no attempts.
 */
export function credentialAddressKey(address: string): string {
  return `credentials:address:${address}`;
}

/** How many failures from one address lock it, within which window, for how long. */
export function addressThrottleRule(settings: IdentitySettings): ThrottleRule {
  const { addressFailureLimit, throttleWindowMinutes, lockoutMinutes } = settings;
  return { limit: addressFailureLimit, windowMinutes: throttleWindowMinutes, lockoutMinutes };
}

/** Seconds until the key is unlocked, or 0 when it is not locked. */
export async function lockedForSeconds(db: Executor, clock: Clock, key: string): Promise<number> {
  const row = await findThrottle(db, key);
  if (!row?.locked_until) return 0;
  const remaining = new Date(row.locked_until).getTime() - clock.now().getTime();
  return remaining > 0 ? Math.ceil(remaining / 1000) : 0;
}

/** Counts one failure; returns true when this failure locked the key. */
export async function recordFailure(
  db: Executor,
  clock: Clock,
  key: string,
  rule: ThrottleRule,
): Promise<boolean> {
  const now = clock.now();
  const row = await findThrottle(db, key);
  const windowOpen =
    row !== undefined &&
    now.getTime() - new Date(row.window_started_at).getTime() < rule.windowMinutes * MINUTE;
  const failures = windowOpen ? row.failures + 1 : 1;
  const locks = failures >= rule.limit;
  await saveThrottle(db, {
    key,
    failures: locks ? 0 : failures,
    window_started_at: windowOpen ? row.window_started_at : now.toISOString(),
    locked_until: locks
      ? new Date(now.getTime() + rule.lockoutMinutes * MINUTE).toISOString()
      : null,
  });
  return locks;
}

export async function resetFailures(db: Executor, key: string): Promise<void> {
  await clearThrottle(db, key);
}
