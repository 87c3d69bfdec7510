/**
 * The only SQL for shareable records: their sharing columns, release lists and
 * versions, and the read filter that every list, count and cluster query over
 * records must include. Type-specific modules keep their own query tables
 * (incidents, threat reports, …) keyed by the same id.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { markingProblem, type ReadScope, type ShareableRecord } from '../../core/policy/index.js';
import { capabilitiesOf } from '../../storage/capabilities.js';
import type { Executor } from '../../storage/executor.js';
import { queueRecordChange } from './record-changes.repository.js';
import type { RecordsTable, RecordVersionsTable } from './records.tables.js';

/** A record as the policy and presenters see it; when it was stored matters only to history. */
export type RecordRow = Omit<RecordsTable, 'stored_at' | 'stored_by_user'>;
export type RecordVersionRow = RecordVersionsTable;

/** One version of a record, as a module hands it over for storage. */
export interface RecordVersionInput {
  id: string;
  type: string;
  createdBy: string;
  createdByUser: string | null;
  marking: string;
  releasableTo: readonly string[];
  created: string;
  modified: string;
  revoked: boolean;
  receivedFromPeer: boolean;
  containsPersonalData: boolean;
  legalBasis: string | null;
  body: Record<string, unknown>;
  /** What full-text search should find this version by (titles, narratives, places). */
  searchText?: string;
}

/** The policy's view of a stored record. */
export function toShareable(
  row: Pick<
    RecordRow,
    | 'id'
    | 'created_by'
    | 'created_by_user'
    | 'marking'
    | 'releasable_to'
    | 'received_from_peer'
    | 'contains_personal_data'
    | 'legal_basis'
  >,
): ShareableRecord {
  let releasableTo: unknown;
  try {
    releasableTo = JSON.parse(row.releasable_to);
  } catch {
    releasableTo = undefined; // unreadable: the policy fails closed on it
  }
  return {
    id: row.id,
    created_by: row.created_by,
    created_by_user: row.created_by_user,
    marking: row.marking,
    releasable_to: releasableTo,
    received_from_peer: row.received_from_peer === 1,
    contains_personal_data: row.contains_personal_data === 1,
    legal_basis: row.legal_basis,
  };
}

/** The `records` row a version becomes (without when and by whom it was stored). */
export function recordRowOf(input: RecordVersionInput): RecordRow {
  const row: RecordRow = {
    id: input.id,
    type: input.type,
    created_by: input.createdBy,
    created_by_user: input.createdByUser,
    marking: input.marking,
    marking_valid: 0,
    releasable_to: JSON.stringify(input.releasableTo),
    created: input.created,
    modified: input.modified,
    revoked: input.revoked ? 1 : 0,
    received_from_peer: input.receivedFromPeer ? 1 : 0,
    contains_personal_data: input.containsPersonalData ? 1 : 0,
    legal_basis: input.legalBasis,
    body: JSON.stringify(input.body),
  };
  row.marking_valid = markingProblem(toShareable(row)) === undefined ? 1 : 0;
  return row;
}

/**
 * Stores a new version: the version it replaces moves to `record_versions`,
 * the current row is replaced, the release list is rewritten, and the change
 * is queued for the capabilities that react to it (alerts). Runs in
 * the caller's transaction so that the module's query table changes with it.
 */
export async function storeRecordVersion(
  trx: Executor,
  input: RecordVersionInput,
  storedAt: string,
): Promise<RecordRow> {
  const row = recordRowOf(input);
  await keepReplacedVersion(trx, row.id);
  const stored = { ...row, stored_at: storedAt, stored_by_user: input.createdByUser };
  await trx
    .insertInto('records')
    .values(stored)
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...stored }))
    .execute();
  await trx.deleteFrom('record_releases').where('record_id', '=', row.id).execute();
  const grantees = row.marking_valid === 1 ? [...new Set(input.releasableTo)] : [];
  if (grantees.length > 0) {
    await trx
      .insertInto('record_releases')
      .values(grantees.map((grantee) => ({ record_id: row.id, grantee })))
      .execute();
  }
  if (input.searchText !== undefined) {
    await capabilitiesOf(trx).searchRows.replace(trx, row.id, input.searchText);
  }
  await queueRecordChange(trx, row, storedAt);
  return row;
}

/** `record_versions` columns, and the `records` columns that fill them in the same order. */
const VERSION_FIELDS = [
  'modified',
  'stored_at',
  'stored_by_user',
  'created_by',
  'created_by_user',
  'marking',
  'marking_valid',
  'releasable_to',
  'revoked',
  'body',
] as const;
const VERSION_COLUMNS = ['record_id', ...VERSION_FIELDS] as const;
const CURRENT_AS_VERSION = ['id', ...VERSION_FIELDS] as const;

/** Copies the current version, if there is one, into the history table. */
async function keepReplacedVersion(trx: Executor, id: string): Promise<void> {
  await trx
    .insertInto('record_versions')
    .columns(VERSION_COLUMNS)
    .expression((eb) => eb.selectFrom('records').select(CURRENT_AS_VERSION).where('id', '=', id))
    .execute();
}

/** The `records` columns of a RecordRow (all but when and by whom the version was stored). */
export const RECORD_ROW_COLUMNS = [
  'id',
  'type',
  'created_by',
  'created_by_user',
  'marking',
  'marking_valid',
  'releasable_to',
  'created',
  'modified',
  'revoked',
  'received_from_peer',
  'contains_personal_data',
  'legal_basis',
  'body',
] as const satisfies readonly (keyof RecordRow)[];

/**
 * Those of `ids` (of any type) the read filter lets this reader read, for
 * reads that gather records of several types at once (alerts, risk
 * contributors). Callers still ask canRead of each.
 */
export async function findReadableRecords(
  executor: Executor,
  scope: ReadScope,
  ids: readonly string[],
): Promise<RecordRow[]> {
  if (ids.length === 0) return [];
  return executor
    .selectFrom('records')
    .select(RECORD_ROW_COLUMNS)
    .where('id', 'in', [...new Set(ids)])
    .where(readableBy(scope))
    .execute();
}

/** What a replacing version is checked against: who holds the record, and its current version. */
export type RecordHead = Pick<
  RecordRow,
  'id' | 'type' | 'created_by' | 'received_from_peer' | 'modified' | 'revoked'
>;

const HEADS_PER_QUERY = 500;

/** The stored heads of those of `ids` that exist, by id. */
export async function findRecordHeads(
  executor: Executor,
  ids: readonly string[],
): Promise<Map<string, RecordHead>> {
  const heads = new Map<string, RecordHead>();
  for (let start = 0; start < ids.length; start += HEADS_PER_QUERY) {
    const rows = await executor
      .selectFrom('records')
      .select(['id', 'type', 'created_by', 'received_from_peer', 'modified', 'revoked'])
      .where('id', 'in', ids.slice(start, start + HEADS_PER_QUERY))
      .execute();
    for (const row of rows) heads.set(row.id, row);
  }
  return heads;
}

export async function findRecord(
  executor: Executor,
  id: string,
  type: string,
): Promise<RecordRow | undefined> {
  return executor
    .selectFrom('records')
    .selectAll()
    .where('id', '=', id)
    .where('type', '=', type)
    .executeTakeFirst();
}

/** Every version of a record, newest first: the current one from `records`, then those it replaced. */
export async function listRecordVersions(
  executor: Executor,
  id: string,
): Promise<RecordVersionRow[]> {
  const current = await executor
    .selectFrom('records')
    .select(['id as record_id', ...VERSION_FIELDS])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!current) return [];
  const replaced = await executor
    .selectFrom('record_versions')
    .selectAll()
    .where('record_id', '=', id)
    .orderBy('modified', 'desc')
    .execute();
  return [current, ...replaced];
}

/** Tables that carry the sharing columns: `records`, and query tables that copy them for speed. */
export type SharingTable = 'records' | 'incidents';

/**
 * The read filter: true exactly for the records canRead allows this reader
 * (records.read-filter.test.ts proves it on both engines). It reads the
 * sharing columns of `table` — `records`, or a query table that keeps a copy
 * of them (incidents do, so that counts and clusters need no join).
 */
export function readableBy(scope: ReadScope, table: SharingTable = 'records'): RawBuilder<SqlBool> {
  if (scope.readsNothing) return sql<SqlBool>`1 = 0`;
  const t = sql.table(table);
  const released = (grantees: readonly string[]) =>
    sql`exists (select 1 from record_releases rr where rr.record_id = ${t}.id and rr.grantee in (${sql.join(grantees)}))`;
  return sql<SqlBool>`(
    (${t}.marking_valid = 1 and ${t}.marking in (${sql.join(scope.openMarkings)}))
    or (${t}.marking_valid = 1 and ${t}.marking in (${sql.join(scope.listedMarkings)})
        and (${t}.created_by = ${scope.orgId} or ${released(scope.listGrantees)}))
    or (${t}.marking_valid = 1 and ${t}.marking = ${scope.namedMarking}
        and (${t}.created_by_user = ${scope.userId} or ${released(scope.namedGrantees)}))
    or (${t}.marking_valid = 0 and ${t}.created_by = ${scope.orgId})
  )`;
}
