/**
 * Turns a session cookie or an API token into a Principal, or nothing.
 * Runs on every request, so it is one indexed query plus, for tokens, the
 * audit entry that records the token's use.
 */
import { isoNow } from '../../core/clock.js';
import { sha256Hex } from '../../core/secrets.js';
import {
  findApiTokenWithUser,
  findSessionWithUser,
  updateApiToken,
  updateSession,
} from './credentials.repository.js';
import { parseScopes, toCurrentUser } from './identity.presenter.js';
import type { IdentityDeps, Principal, RequestOrigin } from './identity.types.js';

/** Last-seen times are refreshed at most this often, to keep requests read-only. */
const TOUCH_INTERVAL_MS = 60_000;
export const API_TOKEN_PREFIX = 'tdm_';

export type SessionAuthentication = { principal: Principal; mfaPending: boolean } | undefined;

export async function authenticateSession(
  deps: IdentityDeps,
  secret: string,
): Promise<SessionAuthentication> {
  const idHash = sha256Hex(secret);
  const found = await findSessionWithUser(deps.db, idHash);
  if (!found || found.user.disabled === 1) return undefined;
  const now = deps.clock.now().getTime();
  const idleLimit =
    new Date(found.session.last_seen_at).getTime() + deps.settings.sessionIdleMinutes * 60_000;
  if (new Date(found.session.expires_at).getTime() <= now || idleLimit <= now) return undefined;
  if (now - new Date(found.session.last_seen_at).getTime() > TOUCH_INTERVAL_MS) {
    await updateSession(deps.db, idHash, { last_seen_at: isoNow(deps.clock) });
  }
  return {
    principal: {
      user: toCurrentUser(found.user),
      via: 'session',
      scopes: 'session',
      sessionIdHash: idHash,
    },
    mfaPending: found.session.mfa_verified === 0,
  };
}

export async function authenticateToken(
  deps: IdentityDeps,
  bearer: string,
  origin: RequestOrigin,
): Promise<Principal | undefined> {
  if (!bearer.startsWith(API_TOKEN_PREFIX)) return undefined;
  const found = await findApiTokenWithUser(deps.db, sha256Hex(bearer));
  if (!found) return undefined;
  const { token, user: row } = found;
  const now = deps.clock.now();
  if (token.revoked_at !== null || new Date(token.expires_at) <= now || row.disabled === 1)
    return undefined;
  const user = toCurrentUser(row);
  if (
    token.last_used_at === null ||
    now.getTime() - new Date(token.last_used_at).getTime() > TOUCH_INTERVAL_MS
  ) {
    await updateApiToken(deps.db, token.id, { last_used_at: isoNow(deps.clock) });
  }
  await deps.audit.record({
    action: 'token.used',
    outcome: 'success',
    actor: { userId: user.userId, orgId: user.orgId },
    target: { type: 'api_token', id: token.id },
    address: origin.address,
    requestId: origin.requestId,
  });
  return { user, via: 'token', scopes: parseScopes(token.scopes), tokenId: token.id };
}
