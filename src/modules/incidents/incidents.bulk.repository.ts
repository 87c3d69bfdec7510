/**
 * The SQL of bulk incident ingest: new records, their release lists and
 * search text, and the incidents query rows, as multi-row INSERTs. A new
 * record's only version is its current one, which lives in `records`.
 *
 * Building a Kysely query per row (or even per chunk) costs more than SQLite
 * takes to store the row, so each statement shape — table and row count — is
 * compiled once per dialect and run again with fresh parameters. Chunks stay
 * under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters.
 *
 * Only for records that do not exist yet: nothing here replaces a version.
 */
import { sql, type CompiledQuery, type DialectAdapter } from 'kysely';
import type { Executor } from '../../storage/executor.js';
import type { Database } from '../../storage/schema.js';
import type {
  RecordReleasesTable,
  RecordSearchTable,
  RecordsTable,
} from '../records/records.tables.js';
import type { IncidentsTable } from './incidents.tables.js';

const MAX_PARAMETERS = 30_000;

/** Column order of each table's INSERT; rows are given as value arrays in this order. */
export const RECORD_COLUMNS = [
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
  'stored_at',
  'stored_by_user',
] as const satisfies readonly (keyof RecordsTable)[];

export const RELEASE_COLUMNS = [
  'record_id',
  'grantee',
] as const satisfies readonly (keyof RecordReleasesTable)[];

export const SEARCH_COLUMNS = [
  'record_id',
  'text',
] as const satisfies readonly (keyof RecordSearchTable)[];

export const INCIDENT_COLUMNS = [
  'id',
  'event_date',
  'time_precision',
  'event_type',
  'sub_event_type',
  'country',
  'location',
  'lat',
  'lon',
  'geo_precision',
  'h3_r4',
  'h3_r6',
  'h3_r8',
  'fatalities',
  'injured',
  'site_id',
  'movement_id',
  'language',
  'created_by',
  'created_by_user',
  'marking',
  'marking_valid',
  'revoked',
] as const satisfies readonly (keyof IncidentsTable)[];

type Value = string | number | null;

/** Rows for the four tables, each a value array in the matching *_COLUMNS order. */
export interface IncidentBulkRows {
  records: Value[][];
  releases: Value[][];
  search: Value[][];
  incidents: Value[][];
}

// Compiled SQL depends only on the dialect; transactions share their database's adapter.
const statements = new WeakMap<DialectAdapter, Map<string, CompiledQuery>>();

function statementFor(
  executor: Executor,
  table: keyof Database,
  columns: readonly string[],
  rowCount: number,
): CompiledQuery {
  const adapter = executor.getExecutor().adapter;
  let cache = statements.get(adapter);
  if (!cache) {
    cache = new Map();
    statements.set(adapter, cache);
  }
  const key = `${table}:${rowCount}`;
  let compiled = cache.get(key);
  if (!compiled) {
    const placeholders = sql.join(columns.map(() => null));
    const tuples = Array.from({ length: rowCount }, () => sql`(${placeholders})`);
    compiled =
      sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${sql.join(tuples)}`.compile(
        executor,
      );
    cache.set(key, compiled);
  }
  return compiled;
}

async function insertRows(
  executor: Executor,
  table: keyof Database,
  columns: readonly string[],
  rows: readonly Value[][],
): Promise<void> {
  const perChunk = Math.floor(MAX_PARAMETERS / columns.length);
  for (let start = 0; start < rows.length; start += perChunk) {
    const chunk = rows.slice(start, start + perChunk);
    const compiled = statementFor(executor, table, columns, chunk.length);
    await executor.executeQuery({ ...compiled, parameters: chunk.flat() });
  }
}

/** Inserts one batch in the caller's transaction; parents before children for the foreign keys. */
export async function insertIncidentRows(trx: Executor, rows: IncidentBulkRows): Promise<void> {
  await insertRows(trx, 'records', RECORD_COLUMNS, rows.records);
  await insertRows(trx, 'record_releases', RELEASE_COLUMNS, rows.releases);
  await insertRows(trx, 'record_search', SEARCH_COLUMNS, rows.search);
  await insertRows(trx, 'incidents', INCIDENT_COLUMNS, rows.incidents);
}
