/** Row types of the audit tables, as stored (see the identity-and-audit migration). */
export interface AuditLogTable {
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
  /** JSON object. */
  details: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}
