/** The only SQL for TAXII status resources (taxii_statuses). */
import type { Executor } from '../../../storage/executor.js';
import type { TaxiiStatusesTable } from '../federation.tables.js';

export type StatusRow = TaxiiStatusesTable;

export async function insertStatus(executor: Executor, row: StatusRow): Promise<void> {
  await executor.insertInto('taxii_statuses').values(row).execute();
}

export async function findStatus(executor: Executor, id: string): Promise<StatusRow | undefined> {
  return executor.selectFrom('taxii_statuses').selectAll().where('id', '=', id).executeTakeFirst();
}
