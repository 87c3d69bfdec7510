import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

/** Either the database or an open transaction: repositories accept both. */
export type Executor = Kysely<Database> | Transaction<Database>;

/** Actions to run once the transaction they were registered in has committed. */
const afterCommitActions = new WeakMap<Executor, (() => void)[]>();

/** Runs `work` in the caller's transaction, or opens one. */
export async function inTransaction<T>(
  executor: Executor,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  if (executor.isTransaction) return work(executor as Transaction<Database>);
  let opened: Transaction<Database> | undefined;
  const result = await executor.transaction().execute((trx) => {
    opened = trx;
    return work(trx);
  });
  const actions = opened ? afterCommitActions.get(opened) : undefined;
  if (opened) afterCommitActions.delete(opened);
  for (const action of actions ?? []) action();
  return result;
}

/**
 * Runs `action` after the transaction `executor` belongs to has committed
 * (at once, on the next microtask, when `executor` is not a transaction); never
 * when it rolls back. Used to wake workers that read what the transaction
 * wrote: waking them earlier would let them look before the rows are visible.
 */
export function afterCommit(executor: Executor, action: () => void): void {
  if (!executor.isTransaction) {
    queueMicrotask(action);
    return;
  }
  const actions = afterCommitActions.get(executor);
  if (actions) actions.push(action);
  else afterCommitActions.set(executor, [action]);
}
