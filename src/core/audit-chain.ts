/**
 * The audit log's hash chain. Each entry's hash covers the previous entry's
 * hash and the entry's own canonical JSON, so changing, inserting or removing
 * any row breaks every later link. The head (last sequence number and hash) is
 * kept apart so that cutting rows off the end is caught too. Pure: no I/O.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryContent {
  seq: number;
  at: string;
  action: string;
  outcome: string;
  actor_user_id: string | null;
  actor_org_id: string | null;
  target_type: string | null;
  target_id: string | null;
  address: string | null;
  request_id: string | null;
  /** The details as stored: a JSON text, hashed exactly as written. */
  details: string;
}

export interface ChainedAuditEntry extends AuditEntryContent {
  prev_hash: string;
  hash: string;
}

export function chainHash(prevHash: string, entry: AuditEntryContent): string {
  const content = {
    seq: entry.seq,
    at: entry.at,
    action: entry.action,
    outcome: entry.outcome,
    actor_user_id: entry.actor_user_id,
    actor_org_id: entry.actor_org_id,
    target_type: entry.target_type,
    target_id: entry.target_id,
    address: entry.address,
    request_id: entry.request_id,
    details: entry.details,
  };
  return createHash('sha256')
    .update(`${prevHash}\n${canonicalJson(content)}`)
    .digest('hex');
}

export type ChainBreak = { seq: number; problem: string };

/**
 * Checks entries in sequence order, one page at a time. Keeps only the last
 * link in memory, so a log of any length can be verified.
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  checked = 0;

  /** Returns the first break in this page, or null. */
  check(entries: readonly ChainedAuditEntry[]): ChainBreak | null {
    for (const entry of entries) {
      if (entry.seq !== this.expectedSeq) {
        return {
          seq: this.expectedSeq,
          problem: `entry ${this.expectedSeq} is missing (next present is ${entry.seq})`,
        };
      }
      if (entry.prev_hash !== this.prevHash) {
        return {
          seq: entry.seq,
          problem: `entry ${entry.seq} does not link to entry ${entry.seq - 1}`,
        };
      }
      if (chainHash(entry.prev_hash, entry) !== entry.hash) {
        return { seq: entry.seq, problem: `entry ${entry.seq} was changed after it was written` };
      }
      this.prevHash = entry.hash;
      this.expectedSeq += 1;
      this.checked += 1;
    }
    return null;
  }

  /** Compares the end of the chain with the stored head. */
  finish(head: { seq: number; hash: string }): ChainBreak | null {
    const lastSeq = this.expectedSeq - 1;
    if (head.seq !== lastSeq) {
      return {
        seq: lastSeq + 1,
        problem: `the head says ${head.seq} entries but the log ends at ${lastSeq}`,
      };
    }
    if (head.hash !== this.prevHash) {
      return { seq: lastSeq, problem: `entry ${lastSeq} does not match the head of the chain` };
    }
    return null;
  }
}
