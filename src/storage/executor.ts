import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

/** Either the database or an open transaction: repositories accept both. */
export type Executor = Kysely<Database> | Transaction<Database>;

/** Runs `work` in the caller's transaction, or opens one. */
export async function inTransaction<T>(
  executor: Executor,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  if (executor.isTransaction) return work(executor as Transaction<Database>);
  return executor.transaction().execute(work);
}
