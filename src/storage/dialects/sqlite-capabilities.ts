/**
 * SQLite: full-text search through an FTS5 table with the trigram tokenizer,
 * whose LIKE operator is answered from the index (patterns of 3+ characters)
 * and folds ASCII case. Trigrams need no word boundaries, so Chinese and Urdu
 * are found by any substring.
 */
import type SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { sqliteRowByRow } from '../bulk-insert.js';
import type { StorageCapabilities } from '../capabilities.js';
import { likeContains } from './like.js';
import { createSqliteSearchRowMap, sqliteSearchRows } from './sqlite-search-rows.js';

export const sqliteCapabilities = (database: SQLite.Database): StorageCapabilities => ({
  parallelWriters: 1,
  insertRows: sqliteRowByRow(database),
  async createSearchTable(db: Kysely<unknown>) {
    await sql`create virtual table record_search using fts5(record_id unindexed, text, tokenize = 'trigram')`.execute(
      db,
    );
  },
  searchRows: sqliteSearchRows(database),
  createSearchRowMap: createSqliteSearchRowMap,
  recordContains(term: string, table = 'records') {
    return sql`${sql.ref(`${table}.id`)} in (select record_id from record_search where text like ${likeContains(term)} escape '\\')`;
  },
  claimRows(query) {
    // SQLite has no row locks: the write transaction that runs the select is the only writer.
    return query;
  },
});
