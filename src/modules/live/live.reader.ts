/**
 * Who an open stream is delivering to, decided again for every event: a
 * stream lives for hours, so the user's roles, organisation and standing
 * are read fresh each time rather than trusted from when it opened. A
 * deactivated user, an ended session or a revoked token gets `undefined`,
 * and the stream closes.
 */
import type { Clock } from '../../core/clock.js';
import type { Executor } from '../../storage/executor.js';
import { findApiToken, findSessionWithUser } from '../identity/credentials.repository.js';
import { toCurrentUser } from '../identity/identity.presenter.js';
import type { CurrentUser, Principal } from '../identity/identity.types.js';
import { findUser } from '../identity/users.repository.js';

export interface ReaderDeps {
  db: Executor;
  clock: Clock;
}

export async function rereadPrincipalUser(
  deps: ReaderDeps,
  principal: Principal,
): Promise<CurrentUser | undefined> {
  const now = deps.clock.now().getTime();
  if (principal.via === 'session' && principal.sessionIdHash !== undefined) {
    // One query: the session and its user, as authentication reads them.
    const found = await findSessionWithUser(deps.db, principal.sessionIdHash);
    if (!found || found.user.disabled !== 0) return undefined;
    if (new Date(found.session.expires_at).getTime() <= now) return undefined;
    return toCurrentUser(found.user);
  }
  if (principal.via === 'token' && principal.tokenId !== undefined) {
    const token = await findApiToken(deps.db, principal.tokenId);
    if (!token || token.revoked_at !== null || new Date(token.expires_at).getTime() <= now)
      return undefined;
  }
  return currentUserById(deps.db, principal.user.userId);
}

/** The user as the policy sees them now, or undefined when gone or deactivated. */
export async function currentUserById(
  db: Executor,
  userId: string,
): Promise<CurrentUser | undefined> {
  const row = await findUser(db, userId);
  if (!row || row.disabled !== 0) return undefined;
  return toCurrentUser(row);
}
