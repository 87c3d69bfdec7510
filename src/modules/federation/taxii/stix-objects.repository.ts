/**
 * The only SQL for STIX objects stored in administrator-defined collections
 * (stix_objects): one row per object version, keyed by (collection, id,
 * version), the body kept as the text that arrived. Pages are read in the
 * order objects were added: (date_added, id, version).
 */
import { sql } from 'kysely';
import type { Executor } from '../../../storage/executor.js';
import type { StixObjectsTable } from '../federation.tables.js';

export type StixObjectRow = StixObjectsTable;

/** Keeps one multi-row INSERT far below both engines' bound-parameter limits (7 columns a row). */
const INSERT_CHUNK = 500;

/**
 * Inserts object versions; a version already stored is left as it is.
 * Returns how many rows were new.
 */
export async function insertStixObjects(
  executor: Executor,
  rows: readonly StixObjectRow[],
): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const result = await executor
      .insertInto('stix_objects')
      .values(rows.slice(start, start + INSERT_CHUNK))
      .onConflict((oc) => oc.columns(['collection_id', 'id', 'version']).doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return inserted;
}

/** Which versions of each object a page holds (TAXII `match[version]`). */
export type VersionFilter =
  | { kind: 'all' }
  | { kind: 'first' }
  | { kind: 'last' }
  /** Versions with these `modified`/`created` values (objects without either: by date added). */
  | { kind: 'at'; versions: readonly string[] };

export interface StixObjectFilter {
  collectionId: string;
  addedAfter?: string;
  /** The sort key of the last row of the previous page. */
  after?: { dateAdded: string; id: string; version: string };
  ids?: readonly string[];
  types?: readonly string[];
  specVersions?: readonly string[];
  version: VersionFilter;
  limit: number;
}

/**
 * Up to `limit` rows in date-added order. `first`/`last` are decided over
 * every version in the collection and `added_after` then filters those, so an
 * older version that arrives late is never served as the latest.
 */
export async function findStixObjects(
  executor: Executor,
  filter: StixObjectFilter,
): Promise<StixObjectRow[]> {
  const { after, ids, types, specVersions, version } = filter;
  return executor
    .selectFrom('stix_objects as o')
    .selectAll('o')
    .where('o.collection_id', '=', filter.collectionId)
    .$if(filter.addedAfter !== undefined, (qb) =>
      qb.where('o.date_added', '>', filter.addedAfter ?? ''),
    )
    .$if(after !== undefined, (qb) =>
      qb.where((eb) => {
        const key = after ?? { dateAdded: '', id: '', version: '' };
        return eb.or([
          eb('o.date_added', '>', key.dateAdded),
          eb.and([eb('o.date_added', '=', key.dateAdded), eb('o.id', '>', key.id)]),
          eb.and([
            eb('o.date_added', '=', key.dateAdded),
            eb('o.id', '=', key.id),
            eb('o.version', '>', key.version),
          ]),
        ]);
      }),
    )
    .$if(ids !== undefined, (qb) => qb.where('o.id', 'in', [...(ids ?? [])]))
    .$if(types !== undefined, (qb) => qb.where('o.type', 'in', [...(types ?? [])]))
    .$if(specVersions !== undefined, (qb) =>
      qb.where('o.spec_version', 'in', [...(specVersions ?? [])]),
    )
    .$if(version.kind === 'first' || version.kind === 'last', (qb) =>
      // The first (last) version of an object is the one no other version of it precedes (follows).
      qb.where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('stix_objects as other')
              .select(sql.lit(1).as('one'))
              .whereRef('other.collection_id', '=', 'o.collection_id')
              .whereRef('other.id', '=', 'o.id')
              .whereRef('other.version', version.kind === 'first' ? '<' : '>', 'o.version'),
          ),
        ),
      ),
    )
    .$if(version.kind === 'at', (qb) => {
      const wanted = version.kind === 'at' ? [...version.versions] : [];
      return qb.where((eb) =>
        eb.or([
          eb('o.version', 'in', wanted),
          eb.and([eb('o.version', '=', ''), eb('o.date_added', 'in', wanted)]),
        ]),
      );
    })
    .orderBy('o.date_added')
    .orderBy('o.id')
    .orderBy('o.version')
    .limit(filter.limit)
    .execute();
}
