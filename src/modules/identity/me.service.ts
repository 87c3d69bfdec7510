/** What signed-in users do to their own account: profile, MFA enrolment, API tokens. */
import { isoNow } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import { fail, ok, type Result } from '../../core/result.js';
import { newSecret, sha256Hex } from '../../core/secrets.js';
import { newTotpSecret, otpauthUrl, verifyTotp } from '../../core/totp.js';
import { inTransaction } from '../../storage/executor.js';
import { API_TOKEN_PREFIX } from './authenticate.service.js';
import {
  findApiToken,
  insertApiToken,
  listApiTokensOfUser,
  updateApiToken,
} from './credentials.repository.js';
import type { Locale, TokenInput } from './identity.schema.js';
import type { CurrentUser, IdentityDeps, RequestOrigin } from './identity.types.js';
import { presentApiToken, toCurrentUser } from './identity.presenter.js';
import { findUser, updateUser } from './users.repository.js';

const MFA_ISSUER = 'Tandem';
const actorOf = (user: CurrentUser) => ({ userId: user.userId, orgId: user.orgId });

export async function updateProfile(
  deps: IdentityDeps,
  user: CurrentUser,
  patch: { displayName?: string | undefined; locale?: Locale | undefined },
): Promise<CurrentUser> {
  await updateUser(deps.db, user.userId, {
    updated_at: isoNow(deps.clock),
    ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
    ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
  });
  const row = await findUser(deps.db, user.userId);
  return row ? toCurrentUser(row) : user;
}

export async function beginMfaEnrolment(
  deps: IdentityDeps,
  user: CurrentUser,
): Promise<Result<{ secret: string; otpauthUrl: string }, 'already_enabled'>> {
  if (user.mfaEnabled) return fail('already_enabled');
  const secret = newTotpSecret();
  await updateUser(deps.db, user.userId, {
    mfa_pending_secret: secret,
    updated_at: isoNow(deps.clock),
  });
  return ok({ secret, otpauthUrl: otpauthUrl(secret, user.username, MFA_ISSUER) });
}

export async function confirmMfaEnrolment(
  deps: IdentityDeps,
  user: CurrentUser,
  code: string,
  origin: RequestOrigin,
): Promise<Result<CurrentUser, 'already_enabled' | 'invalid_code'>> {
  const row = await findUser(deps.db, user.userId);
  if (!row || row.mfa_secret !== null) return fail('already_enabled');
  const counter = row.mfa_pending_secret
    ? verifyTotp(row.mfa_pending_secret, code, deps.clock.now(), null)
    : null;
  if (counter === null || !row.mfa_pending_secret) return fail('invalid_code');
  await inTransaction(deps.db, async (trx) => {
    await updateUser(trx, user.userId, {
      mfa_secret: row.mfa_pending_secret,
      mfa_pending_secret: null,
      mfa_last_counter: counter,
      updated_at: isoNow(deps.clock),
    });
    await deps.audit.record(
      {
        action: 'auth.mfa_enabled',
        outcome: 'success',
        actor: actorOf(user),
        target: { type: 'user', id: user.userId },
        address: origin.address,
        requestId: origin.requestId,
      },
      trx,
    );
  });
  const updated = await findUser(deps.db, user.userId);
  return updated ? ok(toCurrentUser(updated)) : fail('invalid_code');
}

export async function createApiToken(
  deps: IdentityDeps,
  user: CurrentUser,
  input: TokenInput,
  origin: RequestOrigin,
) {
  const secret = newSecret(API_TOKEN_PREFIX);
  const now = deps.clock.now();
  const row = {
    id: newId('api-token'),
    token_hash: sha256Hex(secret),
    user_id: user.userId,
    name: input.name,
    scopes: JSON.stringify([...new Set(input.scopes)]),
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString(),
    last_used_at: null,
    revoked_at: null,
  };
  await inTransaction(deps.db, async (trx) => {
    await insertApiToken(trx, row);
    await deps.audit.record(
      {
        action: 'token.created',
        outcome: 'success',
        actor: actorOf(user),
        target: { type: 'api_token', id: row.id },
        address: origin.address,
        requestId: origin.requestId,
        details: { name: row.name, scopes: input.scopes, expiresAt: row.expires_at },
      },
      trx,
    );
  });
  return { token: secret, item: presentApiToken(row) };
}

export async function listOwnApiTokens(deps: IdentityDeps, user: CurrentUser) {
  return (await listApiTokensOfUser(deps.db, user.userId)).map(presentApiToken);
}

export async function revokeApiToken(
  deps: IdentityDeps,
  user: CurrentUser,
  tokenId: string,
  origin: RequestOrigin,
): Promise<Result<true, 'not_found'>> {
  const token = await findApiToken(deps.db, tokenId);
  if (!token || token.user_id !== user.userId) return fail('not_found');
  if (token.revoked_at !== null) return ok(true);
  await inTransaction(deps.db, async (trx) => {
    await updateApiToken(trx, tokenId, { revoked_at: isoNow(deps.clock) });
    await deps.audit.record(
      {
        action: 'token.revoked',
        outcome: 'success',
        actor: actorOf(user),
        target: { type: 'api_token', id: tokenId },
        address: origin.address,
        requestId: origin.requestId,
      },
      trx,
    );
  });
  return ok(true);
}
