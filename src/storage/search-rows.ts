/**
 * Writing `record_search`, one row of search text per record. The table
 * differs per engine (storage/dialects): on SQLite an FTS5 table, whose rows
 * can be found only by rowid (a delete by record id reads every row: 28 ms
 * at 200,000 records, and growing with them), so a map from record id to
 * rowid, `record_search_rows`, is kept beside it; on PostgreSQL a plain
 * table keyed by record id. Every write of search text goes through here, so
 * the map never misses a row: a missed one would leave an old version's text
 * findable.
 */
import type { Executor } from './executor.js';

export interface SearchRows {
  /** Rows for records that have none yet, in the caller's transaction. */
  insert(
    executor: Executor,
    rows: readonly (readonly [recordId: string, text: string])[],
  ): Promise<void>;
  /** One record's text, in place of the text it had, if any. */
  replace(executor: Executor, recordId: string, text: string): Promise<void>;
}
