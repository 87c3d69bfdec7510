/** The only SQL for users. */
import { sql } from 'kysely';
import { decodeCursor, likePattern, toPage, type Page } from '../../core/pagination.js';
import type { Executor } from '../../storage/executor.js';
import type { UsersTable } from './identity.tables.js';

export type UserRow = UsersTable;
export type UserWithOrganisation = UserRow & {
  org_name: string;
  org_country: string;
  org_kind: string;
};

function selectUsersWithOrganisation(executor: Executor) {
  return executor
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.org_id')
    .selectAll('users')
    .select([
      'organisations.name as org_name',
      'organisations.country as org_country',
      'organisations.kind as org_kind',
    ]);
}

export async function insertUser(executor: Executor, row: UserRow): Promise<void> {
  await executor.insertInto('users').values(row).execute();
}

export async function findUser(
  executor: Executor,
  id: string,
): Promise<UserWithOrganisation | undefined> {
  return selectUsersWithOrganisation(executor).where('users.id', '=', id).executeTakeFirst();
}

export async function findUserByUsername(
  executor: Executor,
  username: string,
): Promise<UserWithOrganisation | undefined> {
  return selectUsersWithOrganisation(executor)
    .where('users.username', '=', username)
    .executeTakeFirst();
}

export async function updateUser(
  executor: Executor,
  id: string,
  changes: Partial<Omit<UserRow, 'id' | 'username' | 'created_at'>>,
): Promise<void> {
  await executor.updateTable('users').set(changes).where('id', '=', id).execute();
}

export async function countUsers(executor: Executor): Promise<number> {
  const row = await executor
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listUsers<T>(
  executor: Executor,
  query: {
    q?: string | undefined;
    orgId?: string | undefined;
    /** Leave out disabled accounts (the directory lists only people who can read). */
    activeOnly?: boolean;
    ids?: readonly string[] | undefined;
    limit: number;
    cursor?: string | undefined;
  },
  present: (row: UserWithOrganisation) => T,
): Promise<Page<T> | undefined> {
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, 1);
  if (query.cursor !== undefined && after === undefined) return undefined;
  const pattern = likePattern(query.q ?? '');
  const rows = await selectUsersWithOrganisation(executor)
    .$if(query.q !== undefined && query.q !== '', (qb) =>
      qb.where((eb) =>
        eb.or([
          eb(sql`users.username`, 'like', sql`${pattern} escape '\\'`),
          eb(sql`lower(users.display_name)`, 'like', sql`${pattern} escape '\\'`),
        ]),
      ),
    )
    .$if(query.orgId !== undefined, (qb) => qb.where('users.org_id', '=', query.orgId ?? ''))
    .$if(query.activeOnly === true, (qb) => qb.where('users.disabled', '=', 0))
    .$if(query.ids !== undefined, (qb) => qb.where('users.id', 'in', [...(query.ids ?? [])]))
    .$if(after !== undefined, (qb) => qb.where('users.username', '>', after?.[0] ?? ''))
    .orderBy('users.username')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (row) => [row.username], present);
}
