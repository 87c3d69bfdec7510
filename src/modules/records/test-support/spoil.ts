/**
 * Corrupting stored sharing data on purpose, for tests of what fails closed:
 * a release list `canRead` cannot parse while `record_releases` still grants
 * the record in SQL.
 */
import type { Executor } from '../../../storage/executor.js';

/** Makes the stored release list unparseable; record_releases keeps its rows. */
export async function spoilReleaseList(db: Executor, recordId: string): Promise<void> {
  await db
    .updateTable('records')
    .set({ releasable_to: 'not a release list' })
    .where('id', '=', recordId)
    .execute();
}
