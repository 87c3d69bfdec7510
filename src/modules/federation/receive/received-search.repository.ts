/**
 * The search row of a received record's first version on this node. The
 * shared write path (storeRecordVersion) deletes the record's search row
 * before inserting one; on SQLite that delete scans the whole FTS5 table
 * (record_id is an unindexed column), so every received record cost time in
 * proportion to all records held. A record with no stored version has no
 * search row (records are never deleted), so its row is only inserted here.
 *
 * Must never: be used for a record that already has a stored version.
 */
import type { Executor } from '../../../storage/executor.js';

export async function insertFirstSearchText(
  trx: Executor,
  recordId: string,
  text: string,
): Promise<void> {
  await trx.insertInto('record_search').values({ record_id: recordId, text }).execute();
}
