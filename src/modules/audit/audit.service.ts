/**
 * The audit log: appends events to the hash chain and verifies it. Owns what
 * gets recorded; never stores secrets or record contents in `details`.
 *
 * Appends outside a caller's transaction go through a group commit: while
 * one batch is being written, new events queue, and the next batch writes
 * them all in one transaction. Each caller still waits until its own entry
 * is committed, so nothing is answered before it is audited; under load the
 * cost of a transaction is shared by every request in the batch.
 */
import { ChainVerifier, type ChainBreak } from '../../core/audit-chain.js';
import { isoNow, type Clock } from '../../core/clock.js';
import type { Executor } from '../../storage/executor.js';
import {
  appendAuditEntries,
  readAuditHead,
  readAuditPage,
  type PendingAuditEntry,
} from './audit.repository.js';
import type { AuditEvent } from './audit.schema.js';

/** Keeps one INSERT well inside PostgreSQL's 65,535 parameters. */
const MAX_BATCH = 500;

export interface AuditLog {
  /** Records an event; inside `transaction` when given, so that it commits or rolls back with the change it describes. */
  record(event: AuditEvent, transaction?: Executor): Promise<void>;
}

interface Waiting extends PendingAuditEntry {
  resolve(): void;
  reject(error: unknown): void;
}

export function createAuditLog(db: Executor, clock: Clock): AuditLog {
  const queue: Waiting[] = [];
  let writing = false;

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.splice(0, MAX_BATCH);
      try {
        await appendAuditEntries(db, batch);
        for (const waiting of batch) waiting.resolve();
      } catch (error) {
        for (const waiting of batch) waiting.reject(error);
      }
    }
    writing = false;
  }

  return {
    record(event, transaction) {
      const at = isoNow(clock);
      if (transaction?.isTransaction)
        return appendAuditEntries(transaction, [{ event, at }]).then(() => undefined);
      return new Promise<void>((resolve, reject) => {
        queue.push({ event, at, resolve, reject });
        if (!writing) {
          writing = true;
          // Let the requests that are already readable queue their entries first: bigger batches, same latency.
          setImmediate(() => void drain());
        }
      });
    },
  };
}

export type VerifyOutcome =
  { ok: true; entries: number } | { ok: false; entries: number; break: ChainBreak };

export async function verifyAuditChain(
  db: Executor,
  onProgress?: (checked: number) => void,
): Promise<VerifyOutcome> {
  const verifier = new ChainVerifier();
  const pageSize = 5_000;
  let afterSeq = 0;
  for (;;) {
    const page = await readAuditPage(db, afterSeq, pageSize);
    const broken = verifier.check(page);
    if (broken) return { ok: false, entries: verifier.checked, break: broken };
    onProgress?.(verifier.checked);
    const last = page.at(-1);
    if (!last || page.length < pageSize) break;
    afterSeq = last.seq;
  }
  const broken = verifier.finish(await readAuditHead(db));
  return broken
    ? { ok: false, entries: verifier.checked, break: broken }
    : { ok: true, entries: verifier.checked };
}
