/**
 * The only SQL for deadlines (see scheduler.tables.ts). Capabilities write
 * and cancel deadlines in their own transactions, with the change that makes
 * them due; the scheduler (scheduler.service.ts) fires them.
 */
import { newId } from '../../core/ids.js';
import type { StorageCapabilities } from '../../storage/capabilities.js';
import { afterCommit, inTransaction, type Executor } from '../../storage/executor.js';
import type { DeadlinesTable } from './scheduler.tables.js';

export type DeadlineRow = DeadlinesTable;

export interface NewDeadline {
  kind: string;
  subjectId: string;
  dueAt: string;
  payload?: Record<string, unknown>;
}

const wakeListeners = new Set<() => void>();

/** Wakes the scheduler of this process when a deadline is written (another process polls). */
export function onDeadlineWritten(listener: () => void): () => void {
  wakeListeners.add(listener);
  return () => wakeListeners.delete(listener);
}

/** Writes a pending deadline in the caller's transaction; returns its id. */
export async function scheduleDeadline(
  trx: Executor,
  deadline: NewDeadline,
  createdAt: string,
): Promise<string> {
  const id = newId('deadline');
  await trx
    .insertInto('deadlines')
    .values({
      id,
      kind: deadline.kind,
      subject_id: deadline.subjectId,
      due_at: deadline.dueAt,
      payload: JSON.stringify(deadline.payload ?? {}),
      state: 'pending',
      created_at: createdAt,
      fired_at: null,
      attempts: 0,
      last_error: null,
    })
    .execute();
  afterCommit(trx, () => {
    for (const listener of wakeListeners) listener();
  });
  return id;
}

/** Cancels the subject's pending deadlines of the given kinds (all kinds when none are given). */
export async function cancelDeadlines(
  trx: Executor,
  subjectId: string,
  kinds?: readonly string[],
): Promise<void> {
  await trx
    .updateTable('deadlines')
    .set({ state: 'cancelled' })
    .where('subject_id', '=', subjectId)
    .where('state', '=', 'pending')
    .$if(kinds !== undefined && kinds.length > 0, (qb) => qb.where('kind', 'in', kinds ?? []))
    .execute();
}

/** The subject's pending deadlines, soonest first (for timelines and tests). */
export async function pendingDeadlinesOf(
  executor: Executor,
  subjectId: string,
): Promise<DeadlineRow[]> {
  return executor
    .selectFrom('deadlines')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .where('state', '=', 'pending')
    .orderBy('due_at')
    .execute();
}

/**
 * The oldest pending deadline due by `now`, claimed for the caller's
 * transaction: on PostgreSQL locked, and skipped by every other process's
 * claim until the transaction ends.
 */
export async function claimDueDeadline(
  trx: Executor,
  capabilities: Pick<StorageCapabilities, 'claimRows'>,
  now: string,
): Promise<DeadlineRow | undefined> {
  const query = trx
    .selectFrom('deadlines')
    .selectAll()
    .where('state', '=', 'pending')
    .where('due_at', '<=', now)
    .orderBy('due_at')
    .orderBy('id')
    .limit(1);
  return capabilities.claimRows(query).executeTakeFirst();
}

/** Marks a claimed deadline fired; false when it was no longer pending. */
export async function markDeadlineFired(
  trx: Executor,
  id: string,
  firedAt: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('deadlines')
    .set({ state: 'fired', fired_at: firedAt })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Counts a failed attempt: the deadline is tried again at `retryAt`, or gives
 * up ('failed') at `maxAttempts`. Returns the attempts so far, or undefined when
 * it was no longer pending (cancelled, or fired by another process meanwhile).
 */
export async function recordDeadlineFailure(
  executor: Executor,
  id: string,
  failure: { error: string; retryAt: string; maxAttempts: number },
): Promise<number | undefined> {
  return inTransaction(executor, async (trx) => {
    const row = await trx
      .selectFrom('deadlines')
      .select(['attempts', 'due_at'])
      .where('id', '=', id)
      .where('state', '=', 'pending')
      .executeTakeFirst();
    if (!row) return undefined;
    const attempts = row.attempts + 1;
    const giveUp = attempts >= failure.maxAttempts;
    await trx
      .updateTable('deadlines')
      .set({
        attempts,
        last_error: failure.error.slice(0, 1_000),
        state: giveUp ? 'failed' : 'pending',
        // A failed deadline keeps the time it was due; a pending one waits for its retry.
        due_at: giveUp ? row.due_at : failure.retryAt,
      })
      .where('id', '=', id)
      .where('state', '=', 'pending')
      .execute();
    return attempts;
  });
}

/** When the soonest pending deadline falls due, if there is one. */
export async function nextPendingDueAt(executor: Executor): Promise<string | undefined> {
  const row = await executor
    .selectFrom('deadlines')
    .select('due_at')
    .where('state', '=', 'pending')
    .orderBy('due_at')
    .limit(1)
    .executeTakeFirst();
  return row?.due_at;
}

/** One deadline by id (tests, benchmarks, timelines). */
export async function findDeadline(
  executor: Executor,
  id: string,
): Promise<DeadlineRow | undefined> {
  return executor.selectFrom('deadlines').selectAll().where('id', '=', id).executeTakeFirst();
}
