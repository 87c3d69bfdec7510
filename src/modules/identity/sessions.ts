/** Opening browser sessions: a random secret in the cookie, its hash in the database. */
import { isoNow } from '../../core/clock.js';
import { newSecret, sha256Hex } from '../../core/secrets.js';
import { insertSession } from './credentials.repository.js';
import type { IdentityDeps } from './identity.types.js';

const MFA_PENDING_MINUTES = 5;

export async function openSession(
  deps: IdentityDeps,
  userId: string,
  mfaVerified: boolean,
  address: string,
): Promise<string> {
  const secret = newSecret();
  const now = deps.clock.now().getTime();
  const lifetimeMs = mfaVerified
    ? deps.settings.sessionAbsoluteHours * 3_600_000
    : MFA_PENDING_MINUTES * 60_000;
  await insertSession(deps.db, {
    id_hash: sha256Hex(secret),
    user_id: userId,
    mfa_verified: mfaVerified ? 1 : 0,
    created_at: isoNow(deps.clock),
    last_seen_at: isoNow(deps.clock),
    expires_at: new Date(now + lifetimeMs).toISOString(),
    address,
  });
  return secret;
}
