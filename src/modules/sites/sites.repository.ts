/**
 * The only SQL for the `sites` query table: saving a site's row, reading
 * sites joined with their records through the sharing policy's read filter,
 * the unfiltered look-ups behind edit checks and the alert matcher (which
 * applies the policy itself), and the names of the organisations a site
 * names. People counts and contacts have their own repositories.
 */
import type { RawBuilder, SqlBool } from 'kysely';
import type { ReadScope } from '../../core/policy/index.js';
import type { Executor } from '../../storage/executor.js';
import { readableBy } from '../records/records.repository.js';
import { RECORD_COLUMNS, splitRecord, type WithRecord } from '../records/records.joined.js';
import type { SitesTable } from './sites.tables.js';

export type SiteRow = SitesTable;
export type SiteWithRecord = WithRecord<SiteRow>;
/** What a version of the site sets; the people columns are the headcounts' (sites.people.repository.ts). */
export type SiteFields = Omit<SiteRow, 'people_total' | 'people_day'>;

/** Inserts or updates the row, never touching the people columns a correction knows nothing of. */
export async function saveSiteRow(trx: Executor, fields: SiteFields): Promise<void> {
  await trx
    .insertInto('sites')
    .values({ ...fields, people_total: null, people_day: null })
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...fields }))
    .execute();
}

function joined(executor: Executor, scope: ReadScope) {
  return (
    executor
      .selectFrom('sites')
      .innerJoin('records', 'records.id', 'sites.id')
      // Redundant for the answer; without it SQLite's planner scans every record of the node.
      .where('records.type', '=', 'site')
      .where(readableBy(scope))
      .selectAll('sites')
      .select(RECORD_COLUMNS)
  );
}

/** Those of `ids` this reader may read, revoked or not; an unknown id and an unreadable one look the same. */
export async function findReadableSites(
  executor: Executor,
  scope: ReadScope,
  ids: readonly string[],
): Promise<SiteWithRecord[]> {
  if (ids.length === 0) return [];
  const rows = await joined(executor, scope)
    .where('sites.id', 'in', [...new Set(ids)])
    .execute();
  return rows.map((row) => splitRecord<SiteRow>(row));
}

/** The site whatever the reader: for edit checks only, never for presenting. */
export async function findSiteForEdit(
  executor: Executor,
  id: string,
): Promise<SiteWithRecord | undefined> {
  const row = await executor
    .selectFrom('sites')
    .innerJoin('records', 'records.id', 'sites.id')
    .selectAll('sites')
    .select(RECORD_COLUMNS)
    .where('sites.id', '=', id)
    .executeTakeFirst();
  return row ? splitRecord<SiteRow>(row) : undefined;
}

/**
 * Raw rows, no policy: for the alert matcher, which asks the policy of each
 * recipient itself. Never present these to a user.
 */
export async function findSitesByIds(
  executor: Executor,
  ids: readonly string[],
): Promise<SiteRow[]> {
  if (ids.length === 0) return [];
  return executor
    .selectFrom('sites')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

export interface SiteFilters {
  type?: string | undefined;
  posture?: string | undefined;
  /** Search matches, all of which must hold (see StorageCapabilities.recordContains). */
  textMatches?: readonly RawBuilder<SqlBool>[] | undefined;
  /** Sites whose point or polygon centre lies in this box (a map view). */
  bounds?: { west: number; south: number; east: number; north: number } | undefined;
}

/** Readable, unrevoked sites by name; `after` is the (name_folded, id) of the previous page's last row. */
export async function listSites(
  executor: Executor,
  scope: ReadScope,
  filters: SiteFilters,
  page: { limit: number; after?: readonly string[] | undefined },
): Promise<SiteWithRecord[]> {
  const { type, posture, textMatches, bounds } = filters;
  const after = page.after;
  const rows = await joined(executor, scope)
    .where('records.revoked', '=', 0)
    .$if(type !== undefined, (qb) => qb.where('sites.site_type', '=', type ?? ''))
    .$if(posture !== undefined, (qb) => qb.where('sites.posture_level', '=', posture ?? ''))
    .$if(textMatches !== undefined, (qb) =>
      (textMatches ?? []).reduce((q, match) => q.where(match), qb),
    )
    .$if(bounds !== undefined, (qb) =>
      qb
        .where('sites.lat', '>=', bounds?.south ?? 0)
        .where('sites.lat', '<=', bounds?.north ?? 0)
        .where('sites.lon', '>=', bounds?.west ?? 0)
        .where('sites.lon', '<=', bounds?.east ?? 0),
    )
    .$if(after !== undefined, (qb) => {
      const [name = '', id = ''] = after ?? [];
      return qb.where((eb) =>
        eb.or([
          eb('sites.name_folded', '>', name),
          eb.and([eb('sites.name_folded', '=', name), eb('sites.id', '>', id)]),
        ]),
      );
    })
    .orderBy('sites.name_folded')
    .orderBy('sites.id')
    .limit(page.limit)
    .execute();
  return rows.map((row) => splitRecord<SiteRow>(row));
}

/** Names of the organisations among `ids` known to this node (organisation names are not secret). */
export async function organisationNames(
  executor: Executor,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The id of a site of this name (any case), readable or not: the demo's idempotence. */
export async function findSiteIdByName(
  executor: Executor,
  name: string,
): Promise<string | undefined> {
  const row = await executor
    .selectFrom('sites')
    .select('id')
    .where('name_folded', '=', name.toLowerCase())
    .executeTakeFirst();
  return row?.id;
}
