/**
 * The queue of stored record versions (see the record-changes migration):
 * every version stored through this module, and every bulk-imported record,
 * is queued in the transaction that stores it. Consumers (the alert matcher)
 * take the oldest entries, act on them and delete them.
 *
 * Owns: the queue's SQL and the wake-up after a commit. Must never: decide
 * what a change means to a consumer.
 */
import { newId } from '../../core/ids.js';
import { afterCommit, type Executor } from '../../storage/executor.js';
import type { RecordChangesTable } from './records.tables.js';

export type RecordChange = RecordChangesTable;

const listeners = new Set<() => void>();
const localListeners = new Set<() => void>();

/**
 * Calls `listener` after each commit that queued a change, in this process.
 * It is a wake-up only: consumers still read the queue, which also holds what
 * other processes queued. Returns the function that stops listening.
 */
export function onRecordChangesCommitted(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Calls `listener` after each commit that stored a version written on this
 * node (not one received from a peer): what peers may want to pull now.
 */
export function onLocalRecordChangesCommitted(listener: () => void): () => void {
  localListeners.add(listener);
  return () => localListeners.delete(listener);
}

function wakeListeners(): void {
  for (const listener of listeners) listener();
}

function wakeLocalListeners(): void {
  for (const listener of localListeners) listener();
}

/** The queue row for one stored version (bulk writers insert these through their own path). */
export function recordChangeRow(
  record: { id: string; type: string; modified: string },
  queuedAt: string,
): RecordChange {
  return {
    id: newId('record-change'),
    record_id: record.id,
    record_type: record.type,
    modified: record.modified,
    queued_at: queuedAt,
  };
}

/** Queues a stored version in the caller's transaction. */
export async function queueRecordChange(
  trx: Executor,
  record: { id: string; type: string; modified: string; received_from_peer?: number },
  queuedAt: string,
): Promise<void> {
  await trx.insertInto('record_changes').values(recordChangeRow(record, queuedAt)).execute();
  announceRecordChanges(trx, record.received_from_peer !== 1);
}

/** Wakes the consumers once `trx` commits (bulk writers call it after queuing their rows). */
export function announceRecordChanges(trx: Executor, writtenHere = true): void {
  afterCommit(trx, wakeListeners);
  if (writtenHere) afterCommit(trx, wakeLocalListeners);
}

/** The oldest queued changes (ids are time-ordered). */
export async function oldestRecordChanges(
  executor: Executor,
  limit: number,
): Promise<RecordChange[]> {
  return executor.selectFrom('record_changes').selectAll().orderBy('id').limit(limit).execute();
}

export async function deleteRecordChanges(
  executor: Executor,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  await executor.deleteFrom('record_changes').where('id', 'in', ids).execute();
}
