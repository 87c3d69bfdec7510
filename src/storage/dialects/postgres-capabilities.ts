/**
 * PostgreSQL: search text in a plain table with a pg_trgm GIN index over its
 * lower-cased text, so that `lower(text) like '%term%'` uses the index. Like
 * SQLite's trigrams it needs no word boundaries (Chinese, Urdu).
 */
import { sql, type Kysely } from 'kysely';
import { insertMultiRow } from '../bulk-insert.js';
import type { StorageCapabilities } from '../capabilities.js';
import { likeContains } from './like.js';

const SEARCH_COLUMNS = ['record_id', 'text'];

export const postgresCapabilities: StorageCapabilities = {
  parallelWriters: 2,
  insertRows: insertMultiRow,
  async createSearchTable(db: Kysely<unknown>) {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create table record_search (record_id text primary key references records(id), text text not null)`.execute(
      db,
    );
    await sql`create index record_search_text on record_search using gin (lower(text) gin_trgm_ops)`.execute(
      db,
    );
  },
  searchRows: {
    insert: (executor, rows) =>
      insertMultiRow(executor, 'record_search', SEARCH_COLUMNS, rows as [string, string][]),
    async replace(executor, recordId, text) {
      await executor
        .insertInto('record_search')
        .values({ record_id: recordId, text })
        .onConflict((oc) => oc.column('record_id').doUpdateSet({ text }))
        .execute();
    },
  },
  async createSearchRowMap() {
    // record_search is keyed by record id already.
  },
  recordContains(term: string, table = 'records') {
    return sql`${sql.ref(`${table}.id`)} in (select record_id from record_search where lower(text) like ${likeContains(term.toLowerCase())} escape '\\')`;
  },
  claimRows(query) {
    return query.forUpdate().skipLocked();
  },
};
