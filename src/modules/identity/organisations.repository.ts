/** The only SQL for organisations. */
import { decodeCursor, likePattern, toPage, type Page } from '../../core/pagination.js';
import { sql } from 'kysely';
import type { Executor } from '../../storage/executor.js';
import type { OrganisationsTable } from './identity.tables.js';

export type OrganisationRow = OrganisationsTable;

export async function insertOrganisation(executor: Executor, row: OrganisationRow): Promise<void> {
  await executor.insertInto('organisations').values(row).execute();
}

export async function findOrganisation(
  executor: Executor,
  id: string,
): Promise<OrganisationRow | undefined> {
  return executor.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOrganisationByName(
  executor: Executor,
  name: string,
): Promise<OrganisationRow | undefined> {
  return executor
    .selectFrom('organisations')
    .selectAll()
    .where('name_folded', '=', name.trim().toLowerCase())
    .executeTakeFirst();
}

export async function listOrganisations<T>(
  executor: Executor,
  query: { q?: string | undefined; limit: number; cursor?: string | undefined },
  present: (row: OrganisationRow) => T,
): Promise<Page<T> | undefined> {
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, 2);
  if (query.cursor !== undefined && after === undefined) return undefined;
  const rows = await executor
    .selectFrom('organisations')
    .selectAll()
    .$if(query.q !== undefined && query.q !== '', (qb) =>
      qb.where(sql<boolean>`name_folded like ${likePattern(query.q ?? '')} escape '\\'`),
    )
    .$if(after !== undefined, (qb) => {
      const [name = '', id = ''] = after ?? [];
      return qb.where((eb) =>
        eb.or([
          eb('name_folded', '>', name),
          eb.and([eb('name_folded', '=', name), eb('id', '>', id)]),
        ]),
      );
    })
    .orderBy('name_folded')
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (row) => [row.name_folded, row.id], present);
}

export async function listAllOrganisations(executor: Executor): Promise<OrganisationRow[]> {
  return executor.selectFrom('organisations').selectAll().orderBy('name_folded').execute();
}

/**
 * An organisation a peer hosts, as that peer describes it (federation): made
 * or updated, never turned local. A name another organisation already uses
 * gets the id appended, so the peer cannot take over a name shown here.
 */
export async function upsertRemoteOrganisation(
  executor: Executor,
  organisation: { id: string; name: string; country: string; kind: string },
  at: string,
): Promise<'stored' | 'unchanged'> {
  const existing = await findOrganisation(executor, organisation.id);
  if (existing?.local === 1) return 'unchanged';
  const clash = await findOrganisationByName(executor, organisation.name);
  const name =
    clash && clash.id !== organisation.id
      ? `${organisation.name} (${organisation.id})`
      : organisation.name;
  const fields = {
    name,
    name_folded: name.trim().toLowerCase(),
    country: organisation.country,
    kind: organisation.kind,
    updated_at: at,
  };
  if (existing) {
    const same =
      existing.name === fields.name &&
      existing.country === fields.country &&
      existing.kind === fields.kind;
    if (same) return 'unchanged';
    await executor
      .updateTable('organisations')
      .set(fields)
      .where('id', '=', organisation.id)
      .execute();
  } else {
    await insertOrganisation(executor, {
      id: organisation.id,
      ...fields,
      local: 0,
      created_at: at,
    });
  }
  return 'stored';
}

/** This node's own organisations changed after a point, in (updated_at, id) order: what peers learn of them. */
export async function listLocalOrganisationsAfter(
  executor: Executor,
  after: { at: string; id: string } | undefined,
  limit: number,
): Promise<OrganisationRow[]> {
  return executor
    .selectFrom('organisations')
    .selectAll()
    .where('local', '=', 1)
    .$if(after !== undefined, (qb) => {
      const { at = '', id = '' } = after ?? {};
      return qb.where((eb) =>
        eb.or([eb('updated_at', '>', at), eb.and([eb('updated_at', '=', at), eb('id', '>', id)])]),
      );
    })
    .orderBy('updated_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}
