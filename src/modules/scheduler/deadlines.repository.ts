/**
 * The only SQL for deadlines (see scheduler.tables.ts). Capabilities write
 * and cancel deadlines in their own transactions, with the change that makes
 * them due; the scheduler (scheduler.service.ts) fires them.
 */
import { newId } from '../../core/ids.js';
import { afterCommit, type Executor } from '../../storage/executor.js';
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
