/**
 * The raw baseline of ingest: the same rows, multi-row INSERTs straight
 * through the driver (better-sqlite3 or pg), one transaction per batch; no
 * Kysely, validation, policy or audit. What the database alone costs.
 */
import SQLite from 'better-sqlite3';
import pg from 'pg';
import {
  INCIDENT_COLUMNS,
  RECORD_COLUMNS,
  RELEASE_COLUMNS,
  SEARCH_COLUMNS,
  type IncidentBulkRows,
} from '../../src/modules/incidents/incidents.bulk.repository.js';

const ROWS_PER_STATEMENT = 500;
type Row = (string | number | null)[];
const TABLES = [
  ['records', RECORD_COLUMNS, 'records'],
  ['record_releases', RELEASE_COLUMNS, 'releases'],
  ['record_search', SEARCH_COLUMNS, 'search'],
  ['incidents', INCIDENT_COLUMNS, 'incidents'],
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
  const statements = new Map<string, SQLite.Statement>();
  const run = (table: string, columns: readonly string[], rows: Row[]) => {
    const sql = insertSql(table, columns, rows.length, false);
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    statement.run(rows.flat());
  };
  const writeBatch = db.transaction((batch: IncidentBulkRows) => {
    for (const [table, columns, key] of TABLES)
      for (const chunk of chunks(batch[key])) run(table, columns, chunk);
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
