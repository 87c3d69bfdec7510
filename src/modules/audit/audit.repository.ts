/** The only SQL for the audit log. Rows are appended, never updated or deleted. */
import { canonicalJson } from '../../core/canonical-json.js';
import { chainHash, type ChainedAuditEntry } from '../../core/audit-chain.js';
import { inTransaction, type Executor } from '../../storage/executor.js';
import type { AuditEvent, AuditQuery } from './audit.schema.js';

export interface PendingAuditEntry {
  event: AuditEvent;
  at: string;
}

/**
 * Appends entries to the chain in one transaction. Moving the head first
 * locks it: concurrent appenders (other processes too) queue there on both
 * engines, so the chain never forks.
 */
export async function appendAuditEntries(
  executor: Executor,
  pending: readonly PendingAuditEntry[],
): Promise<ChainedAuditEntry[]> {
  if (pending.length === 0) return [];
  return inTransaction(executor, async (trx) => {
    const head = await trx
      .updateTable('audit_head')
      .set((eb) => ({ seq: eb('seq', '+', pending.length) }))
      .where('id', '=', 1)
      .returning(['seq', 'hash'])
      .executeTakeFirstOrThrow();
    let seq = Number(head.seq) - pending.length;
    let prevHash = head.hash;
    const entries = pending.map(({ event, at }) => {
      seq += 1;
      const content = {
        seq,
        at,
        action: event.action,
        outcome: event.outcome,
        actor_user_id: event.actor?.userId ?? null,
        actor_org_id: event.actor?.orgId ?? null,
        target_type: event.target?.type ?? null,
        target_id: event.target?.id ?? null,
        address: event.address ?? null,
        request_id: event.requestId ?? null,
        details: canonicalJson(event.details ?? {}),
      };
      const entry: ChainedAuditEntry = {
        ...content,
        prev_hash: prevHash,
        hash: chainHash(prevHash, content),
      };
      prevHash = entry.hash;
      return entry;
    });
    await trx.insertInto('audit_log').values(entries).execute();
    await trx.updateTable('audit_head').set({ hash: prevHash }).where('id', '=', 1).execute();
    return entries;
  });
}

export async function readAuditPage(
  executor: Executor,
  afterSeq: number,
  limit: number,
): Promise<ChainedAuditEntry[]> {
  const rows = await executor
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq', 'asc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, seq: Number(row.seq) }));
}

export async function readAuditHead(executor: Executor): Promise<{ seq: number; hash: string }> {
  const head = await executor
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return { seq: Number(head.seq), hash: head.hash };
}

export async function searchAuditLog(
  executor: Executor,
  query: AuditQuery,
): Promise<ChainedAuditEntry[]> {
  const rows = await executor
    .selectFrom('audit_log')
    .selectAll()
    .$if(query.action !== undefined, (qb) => qb.where('action', '=', query.action ?? ''))
    .$if(query.actorUserId !== undefined, (qb) =>
      qb.where('actor_user_id', '=', query.actorUserId ?? ''),
    )
    .$if(query.targetId !== undefined, (qb) => qb.where('target_id', '=', query.targetId ?? ''))
    .$if(query.before !== undefined, (qb) => qb.where('seq', '<', query.before ?? 0))
    .orderBy('seq', 'desc')
    .limit(query.limit)
    .execute();
  return rows.map((row) => ({ ...row, seq: Number(row.seq) }));
}

/** Test and tamper-drill helper: how `audit verify` is proven to catch edits. */
export async function countAuditEntries(executor: Executor, action?: string): Promise<number> {
  const row = await executor
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .$if(action !== undefined, (qb) => qb.where('action', '=', action ?? ''))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
