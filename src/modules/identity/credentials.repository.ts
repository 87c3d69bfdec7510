/** The only SQL for sessions, API tokens and bootstrap links. Secrets are stored hashed. */
import { compiledOnce } from '../../storage/compiled-once.js';
import type { Executor } from '../../storage/executor.js';
import type { ApiTokensTable, SessionsTable } from './identity.tables.js';
import type { UserWithOrganisation } from './users.repository.js';

export type SessionRow = SessionsTable;
export type ApiTokenRow = ApiTokensTable;

export async function insertSession(executor: Executor, row: SessionRow): Promise<void> {
  await executor.insertInto('sessions').values(row).execute();
}

const selectSessionWithUser = compiledOnce(
  (executor: Executor, idHash: string) =>
    executor
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .innerJoin('organisations', 'organisations.id', 'users.org_id')
      .selectAll('users')
      .select([
        'organisations.name as org_name',
        'organisations.country as org_country',
        'organisations.kind as org_kind',
        'sessions.id_hash as s_id_hash',
        'sessions.mfa_verified as s_mfa_verified',
        'sessions.created_at as s_created_at',
        'sessions.last_seen_at as s_last_seen_at',
        'sessions.expires_at as s_expires_at',
        'sessions.address as s_address',
      ])
      .where('sessions.id_hash', '=', idHash),
  [''],
);

/** The session and its user in one query: this runs on every browser request. */
export async function findSessionWithUser(
  executor: Executor,
  idHash: string,
): Promise<{ session: SessionRow; user: UserWithOrganisation } | undefined> {
  const row = (await selectSessionWithUser(executor, idHash)).rows[0];
  if (!row) return undefined;
  const {
    s_id_hash,
    s_mfa_verified,
    s_created_at,
    s_last_seen_at,
    s_expires_at,
    s_address,
    ...user
  } = row;
  return {
    session: {
      id_hash: s_id_hash,
      user_id: user.id,
      mfa_verified: s_mfa_verified,
      created_at: s_created_at,
      last_seen_at: s_last_seen_at,
      expires_at: s_expires_at,
      address: s_address,
    },
    user,
  };
}

export async function updateSession(
  executor: Executor,
  idHash: string,
  changes: Partial<Pick<SessionRow, 'mfa_verified' | 'last_seen_at' | 'expires_at'>>,
): Promise<void> {
  await executor.updateTable('sessions').set(changes).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(executor: Executor, idHash: string): Promise<void> {
  await executor.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

export async function deleteSessionsOfUser(executor: Executor, userId: string): Promise<void> {
  await executor.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(executor: Executor, now: string): Promise<number> {
  const result = await executor
    .deleteFrom('sessions')
    .where('expires_at', '<', now)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function insertApiToken(executor: Executor, row: ApiTokenRow): Promise<void> {
  await executor.insertInto('api_tokens').values(row).execute();
}

const selectApiTokenWithUser = compiledOnce(
  (executor: Executor, tokenHash: string) =>
    executor
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .innerJoin('organisations', 'organisations.id', 'users.org_id')
      .selectAll('users')
      .select([
        'organisations.name as org_name',
        'organisations.country as org_country',
        'organisations.kind as org_kind',
        'api_tokens.id as t_id',
        'api_tokens.token_hash as t_token_hash',
        'api_tokens.name as t_name',
        'api_tokens.scopes as t_scopes',
        'api_tokens.created_at as t_created_at',
        'api_tokens.expires_at as t_expires_at',
        'api_tokens.last_used_at as t_last_used_at',
        'api_tokens.revoked_at as t_revoked_at',
      ])
      .where('api_tokens.token_hash', '=', tokenHash),
  [''],
);

/** The token and its user in one query: this runs on every API request made with a token. */
export async function findApiTokenWithUser(
  executor: Executor,
  tokenHash: string,
): Promise<{ token: ApiTokenRow; user: UserWithOrganisation } | undefined> {
  const row = (await selectApiTokenWithUser(executor, tokenHash)).rows[0];
  if (!row) return undefined;
  const {
    t_id,
    t_token_hash,
    t_name,
    t_scopes,
    t_created_at,
    t_expires_at,
    t_last_used_at,
    t_revoked_at,
    ...user
  } = row;
  return {
    token: {
      id: t_id,
      token_hash: t_token_hash,
      user_id: user.id,
      name: t_name,
      scopes: t_scopes,
      created_at: t_created_at,
      expires_at: t_expires_at,
      last_used_at: t_last_used_at,
      revoked_at: t_revoked_at,
    },
    user,
  };
}

export async function listApiTokensOfUser(
  executor: Executor,
  userId: string,
): Promise<ApiTokenRow[]> {
  return executor
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function updateApiToken(
  executor: Executor,
  id: string,
  changes: Partial<Pick<ApiTokenRow, 'last_used_at' | 'revoked_at'>>,
): Promise<void> {
  await executor.updateTable('api_tokens').set(changes).where('id', '=', id).execute();
}

export async function findApiToken(
  executor: Executor,
  id: string,
): Promise<ApiTokenRow | undefined> {
  return executor.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertBootstrapToken(
  executor: Executor,
  tokenHash: string,
  createdAt: string,
  expiresAt: string,
): Promise<void> {
  await executor
    .insertInto('bootstrap_tokens')
    .values({ token_hash: tokenHash, created_at: createdAt, expires_at: expiresAt, used_at: null })
    .execute();
}

/** Marks the link used if it is still open; true when this call was the one that used it. */
export async function consumeBootstrapToken(
  executor: Executor,
  tokenHash: string,
  now: string,
): Promise<boolean> {
  const result = await executor
    .updateTable('bootstrap_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
