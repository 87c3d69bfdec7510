/**
 * A way to find a record's search row by record id on every engine: SQLite's
 * FTS5 table finds rows only by rowid, and replacing a record's text read
 * every row (see storage/search-rows.ts).
 */
import type { Kysely } from 'kysely';
import type { StorageCapabilities } from '../capabilities.js';

export async function upWith(
  db: Kysely<unknown>,
  capabilities: StorageCapabilities,
): Promise<void> {
  await capabilities.createSearchRowMap(db);
}
