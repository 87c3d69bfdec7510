import type { ChainedAuditEntry } from '../../core/audit-chain.js';

export function presentAuditEntry(entry: ChainedAuditEntry) {
  let details: unknown;
  try {
    details = JSON.parse(entry.details);
  } catch {
    details = null;
  }
  return {
    seq: entry.seq,
    at: entry.at,
    action: entry.action,
    outcome: entry.outcome,
    actorUserId: entry.actor_user_id,
    actorOrgId: entry.actor_org_id,
    targetType: entry.target_type,
    targetId: entry.target_id,
    address: entry.address,
    requestId: entry.request_id,
    details,
    hash: entry.hash,
  };
}
