/**
 * The raw baseline of ingest: the same rows straight through the driver,
 * each engine's fastest way (better-sqlite3: a prepared single-row INSERT
 * per row; pg: multi-row INSERTs), one transaction per batch; no Kysely,
 * validation, policy or audit. What the database alone costs.
 */
import SQLite from 'better-sqlite3';
import pg from 'pg';
import {
  INCIDENT_COLUMNS,
  type IncidentBulkRows,
} from '../../src/modules/incidents/incidents.bulk.repository.js';
import {
  CHANGE_COLUMNS,
  RECORD_COLUMNS,
  RELEASE_COLUMNS,
  SEARCH_COLUMNS,
} from '../../src/modules/records/records.bulk.repository.js';

const ROWS_PER_STATEMENT = 500;
type Row = (string | number | null)[];
const TABLES = [
  ['records', RECORD_COLUMNS, 'records'],
  ['record_releases', RELEASE_COLUMNS, 'releases'],
  ['record_search', SEARCH_COLUMNS, 'search'],
  ['incidents', INCIDENT_COLUMNS, 'incidents'],
  ['record_changes', CHANGE_COLUMNS, 'changes'],
] as const;

function insertSql(
  table: string,
  columns: readonly string[],
  rows: number,
  dollar: boolean,
): string {
  let n = 0;
  const tuple = () => `(${columns.map(() => (dollar ? `$${++n}` : '?')).join(',')})`;
  return `insert into ${table} (${columns.join(',')}) values ${Array.from({ length: rows }, tuple).join(',')}`;
}

function chunks(rows: readonly Row[]): Row[][] {
  const out: Row[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT)
    out.push(rows.slice(i, i + ROWS_PER_STATEMENT));
  return out;
}

export function rawInsertSqlite(path: string, batches: readonly IncidentBulkRows[]): void {
  const db = new SQLite(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = memory');
  // SQLite's fastest way: a prepared single-row INSERT per row (multi-row VALUES is slower for wide rows).
  const statements = TABLES.filter(([table]) => table !== 'record_search').map(
    ([table, columns, key]) => [db.prepare(insertSql(table, columns, 1, false)), key] as const,
  );
  // The search text goes into the FTS5 table and its rowid into the map beside it, as the
  // service's search rows write it (storage/dialects/sqlite-search-rows.ts).
  const insertText = db.prepare('insert into record_search (record_id, text) values (?, ?)');
  const insertRow = db.prepare(
    'insert into record_search_rows (record_id, search_row) values (?, ?)',
  );
  const writeBatch = db.transaction((batch: IncidentBulkRows) => {
    for (const [statement, key] of statements) for (const row of batch[key]) statement.run(row);
    for (const [recordId, text] of batch.search) {
      insertRow.run(recordId, insertText.run(recordId, text).lastInsertRowid);
    }
  });
  try {
    for (const batch of batches) writeBatch(batch);
  } finally {
    db.close();
  }
}

export async function rawInsertPostgres(
  url: string,
  schema: string,
  batches: readonly IncidentBulkRows[],
): Promise<void> {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    for (const batch of batches) {
      await client.query('begin');
      for (const [table, columns, key] of TABLES)
        for (const chunk of chunks(batch[key]))
          await client.query(insertSql(table, columns, chunk.length, true), chunk.flat());
      await client.query('commit');
    }
  } finally {
    await client.end();
  }
}
