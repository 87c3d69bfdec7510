/** The only SQL for the audit log. Rows are appended, never updated or deleted. */
import { canonicalJson } from '../../core/canonical-json.js';
import { chainHash, type ChainedAuditEntry } from '../../core/audit-chain.js';
import { inTransaction, type Executor } from '../../storage/executor.js';
import type { AuditEvent, AuditQuery } from './audit.schema.js';

export async function appendAuditEntry(
  executor: Executor,
  event: AuditEvent,
  at: string,
): Promise<ChainedAuditEntry> {
  return inTransaction(executor, async (trx) => {
    // Moving the head first locks it: concurrent appenders queue here on both engines.
    const head = await trx
      .updateTable('audit_head')
      .set((eb) => ({ seq: eb('seq', '+', 1) }))
      .where('id', '=', 1)
      .returning(['seq', 'hash'])
      .executeTakeFirstOrThrow();
    const content = {
      seq: Number(head.seq),
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
      prev_hash: head.hash,
      hash: chainHash(head.hash, content),
    };
    await trx.insertInto('audit_log').values(entry).execute();
    await trx.updateTable('audit_head').set({ hash: entry.hash }).where('id', '=', 1).execute();
    return entry;
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
