/**
 * The audit log: appends events to the hash chain and verifies it. Owns what
 * gets recorded; never stores secrets or record contents in `details`.
 */
import { ChainVerifier, type ChainBreak } from '../../core/audit-chain.js';
import { isoNow, type Clock } from '../../core/clock.js';
import type { Executor } from '../../storage/executor.js';
import { appendAuditEntry, readAuditHead, readAuditPage } from './audit.repository.js';
import type { AuditEvent } from './audit.schema.js';

export interface AuditLog {
  record(event: AuditEvent, executor?: Executor): Promise<void>;
}

export function createAuditLog(db: Executor, clock: Clock): AuditLog {
  return {
    async record(event, executor = db) {
      await appendAuditEntry(executor, event, isoNow(clock));
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
