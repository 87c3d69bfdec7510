/**
 * What differs between the two engines, as a small interface: everything
 * else is the same SQL. Each engine's implementation lives in dialects/.
 */
import type { Kysely, RawBuilder, SelectQueryBuilder, SqlBool } from 'kysely';
import type { BulkInsert } from './bulk-insert.js';
import type { Database } from './schema.js';
import type { Executor } from './executor.js';
import type { SearchRows } from './search-rows.js';

export interface StorageCapabilities {
  /**
   * How many write transactions may usefully run at once: one on SQLite (a
   * single writer, on the calling thread), two on PostgreSQL (the server
   * works on one batch while this process prepares and sends the next).
   */
  readonly parallelWriters: number;
  /** Inserts many new rows into one table, inside the caller's transaction (bulk-insert.ts). */
  readonly insertRows: BulkInsert;
  /**
   * Creates `record_search (record_id, text)`: substring search that works for
   * English, Chinese and Urdu alike (trigrams, no word splitting).
   */
  createSearchTable(db: Kysely<unknown>): Promise<void>;
  /**
   * True for a row of `table` (`records`, or a query table keyed by record id)
   * whose record's search text contains `term`, ignoring case.
   */
  recordContains(term: string, table?: string): RawBuilder<SqlBool>;
  /** Writes the search text of records (search-rows.ts). */
  readonly searchRows: SearchRows;
  /**
   * Adds what finds a record's search row by record id, where the search
   * table cannot (SQLite's FTS5 table): a migration, after createSearchTable.
   */
  createSearchRowMap(db: Kysely<unknown>): Promise<void>;
  /**
   * Makes a select claim the rows it returns for the rest of the transaction,
   * so that other processes pass over them (the scheduler fires each deadline
   * once): `for update skip locked` on PostgreSQL; unchanged on SQLite, whose
   * write transaction is already the only writer.
   */
  claimRows<DB, TB extends keyof DB, O>(
    query: SelectQueryBuilder<DB, TB, O>,
  ): SelectQueryBuilder<DB, TB, O>;
}

/**
 * Each open database's capabilities, by the dialect adapter its executors
 * share (a transaction shares its database's): so that a repository given
 * only an executor writes the way its engine needs (search-rows.ts).
 */
const capabilitiesByAdapter = new WeakMap<object, StorageCapabilities>();

export function registerCapabilities(
  db: Kysely<Database>,
  capabilities: StorageCapabilities,
): void {
  capabilitiesByAdapter.set(db.getExecutor().adapter, capabilities);
}

/** The capabilities of the database `executor` belongs to; it must have been opened by openStorage. */
export function capabilitiesOf(executor: Executor): StorageCapabilities {
  const capabilities = capabilitiesByAdapter.get(executor.getExecutor().adapter);
  if (!capabilities) throw new Error('this database was not opened through openStorage');
  return capabilities;
}
