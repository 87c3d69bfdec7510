/**
 * Inserting many new rows into one table, the fastest way each engine has.
 *
 * PostgreSQL: multi-row INSERTs, each statement shape (table, row count)
 * compiled once per dialect and run again with fresh parameters; chunks stay
 * under its 65,535 bound parameters.
 *
 * SQLite: one prepared single-row INSERT run per row on the connection
 * itself. SQLite executes a multi-row VALUES list as a co-routine, which for
 * wide rows costs about twice as much per row as a prepared single-row
 * statement (measured: incidents 35 µs against 17 µs per row), and calls
 * through Kysely would cost more than the insert. The connection is used
 * directly, so this runs only inside a transaction its caller holds: no
 * other query can be between its statements.
 */
import type SQLite from 'better-sqlite3';
import { sql, type CompiledQuery, type DialectAdapter } from 'kysely';
import type { Executor } from './executor.js';

export type BulkValue = string | number | null;

export type BulkInsert = (
  executor: Executor,
  table: string,
  columns: readonly string[],
  rows: readonly BulkValue[][],
) => Promise<void>;

const MAX_PARAMETERS = 30_000;

// Compiled SQL depends only on the dialect; transactions share their database's adapter.
const compiled = new WeakMap<DialectAdapter, Map<string, CompiledQuery>>();

function multiRowStatement(
  executor: Executor,
  table: string,
  columns: readonly string[],
  rowCount: number,
): CompiledQuery {
  const adapter = executor.getExecutor().adapter;
  let cache = compiled.get(adapter);
  if (!cache) {
    cache = new Map();
    compiled.set(adapter, cache);
  }
  const key = `${table}(${columns.join(',')}):${rowCount}`;
  let statement = cache.get(key);
  if (!statement) {
    const placeholders = sql.join(columns.map(() => null));
    const tuples = Array.from({ length: rowCount }, () => sql`(${placeholders})`);
    statement =
      sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${sql.join(tuples)}`.compile(
        executor,
      );
    cache.set(key, statement);
  }
  return statement;
}

/** Multi-row INSERTs through Kysely (PostgreSQL). */
export const insertMultiRow: BulkInsert = async (executor, table, columns, rows) => {
  const perChunk = Math.floor(MAX_PARAMETERS / columns.length);
  for (let start = 0; start < rows.length; start += perChunk) {
    const chunk = rows.slice(start, start + perChunk);
    const statement = multiRowStatement(executor, table, columns, chunk.length);
    await executor.executeQuery({ ...statement, parameters: chunk.flat() });
  }
};

/** Prepared single-row INSERTs on the SQLite connection itself. */
export function sqliteRowByRow(database: SQLite.Database): BulkInsert {
  const statements = new Map<string, SQLite.Statement>();
  return (executor, table, columns, rows) => {
    if (!executor.isTransaction) {
      return Promise.reject(new Error('bulk insert on SQLite runs only inside a transaction'));
    }
    const text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`;
    let statement = statements.get(text);
    if (!statement) {
      statement = database.prepare(text);
      statements.set(text, statement);
    }
    for (const row of rows) statement.run(row);
    return Promise.resolve();
  };
}
