/** Row types of the shareable-record tables (see the records migration). */
export interface RecordsTable {
  id: string;
  type: string;
  created_by: string;
  created_by_user: string | null;
  marking: string;
  /** 1 when the sharing fields passed the policy's markingProblem check when stored. */
  marking_valid: number;
  /** JSON array, as the originator wrote it. */
  releasable_to: string;
  created: string;
  modified: string;
  revoked: number;
  received_from_peer: number;
  contains_personal_data: number;
  legal_basis: string | null;
  /** JSON object: the record's own fields in their current version. */
  body: string;
  /** When and by whom this node stored the current version (history shows it). */
  stored_at: string;
  stored_by_user: string | null;
}

export interface RecordReleasesTable {
  record_id: string;
  grantee: string;
}

/** The versions a record's current version replaced; the current one is in `records`. */
export interface RecordVersionsTable {
  record_id: string;
  modified: string;
  stored_at: string;
  stored_by_user: string | null;
  created_by: string;
  created_by_user: string | null;
  marking: string;
  marking_valid: number;
  releasable_to: string;
  revoked: number;
  body: string;
}

/** Search text of a record's current version (an FTS5 table on SQLite, trigram-indexed on PostgreSQL). */
export interface RecordSearchTable {
  record_id: string;
  text: string;
}

/** Stored versions waiting for the capabilities that react to them (record-changes.repository.ts). */
export interface RecordChangesTable {
  id: string;
  record_id: string;
  record_type: string;
  modified: string;
  queued_at: string;
}
