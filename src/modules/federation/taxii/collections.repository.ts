/** The only SQL for administrator-defined TAXII collections (taxii_collections). */
import type { Executor } from '../../../storage/executor.js';
import type { TaxiiCollectionsTable } from '../federation.tables.js';

export type CollectionRow = TaxiiCollectionsTable;

export async function insertCollection(executor: Executor, row: CollectionRow): Promise<void> {
  await executor.insertInto('taxii_collections').values(row).execute();
}

/** A collection that has not been removed. */
export async function findActiveCollection(
  executor: Executor,
  id: string,
): Promise<CollectionRow | undefined> {
  return executor
    .selectFrom('taxii_collections')
    .selectAll()
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
}

/** Collections that have not been removed, oldest first; `createdBy` narrows them to one organisation's. */
export async function listActiveCollections(
  executor: Executor,
  createdBy?: string,
): Promise<CollectionRow[]> {
  return executor
    .selectFrom('taxii_collections')
    .selectAll()
    .where('removed_at', 'is', null)
    .$if(createdBy !== undefined, (qb) => qb.where('created_by', '=', createdBy ?? ''))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Marks a collection removed; false when it was not active. Its objects stay (audit and history). */
export async function markCollectionRemoved(
  executor: Executor,
  id: string,
  at: string,
): Promise<boolean> {
  const result = await executor
    .updateTable('taxii_collections')
    .set({ removed_at: at })
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
