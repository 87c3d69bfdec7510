/**
 * What differs between the two engines, as a small interface: everything
 * else is the same SQL. Each engine's implementation lives in dialects/.
 */
import type { Kysely, RawBuilder, SqlBool } from 'kysely';

export interface StorageCapabilities {
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
}
