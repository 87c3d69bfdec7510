/** Row types of the federation tables (see the federation migration). */
export interface NodeIdentityTable {
  /** The node's STIX identity id. */
  id: string;
  name: string;
  /** Raw Ed25519 public key, base64url. */
  public_key: string;
  /** PKCS#8 PEM. Never leaves the database except to sign. */
  private_key: string;
  /** Short fingerprint of the public key that signatures name. */
  key_id: string;
  created_at: string;
}

export interface PeersTable {
  /** The peer node's STIX identity id. */
  id: string;
  name: string;
  base_url: string;
  public_key: string;
  key_id: string;
  /** The TAXII collection this node serves to the peer: its egress view. */
  collection_id: string;
  created_at: string;
  updated_at: string;
  removed_at: string | null;
}

export interface PeerOrganisationsTable {
  peer_id: string;
  org_id: string;
}

export interface PeerSyncTable {
  peer_id: string;
  /** date_added of the last object taken from the peer (TAXII added_after). */
  cursor: string | null;
  last_attempt_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  failures: number;
  next_attempt_at: string | null;
  objects_received: number;
  /** The process pulling this peer now (sync.worker.ts), and until when its lease holds. */
  lease_holder: string | null;
  lease_until: string | null;
}

export interface PeerNoncesTable {
  peer_id: string;
  nonce: string;
  seen_at: string;
}

export interface TaxiiCollectionsTable {
  id: string;
  title: string;
  description: string | null;
  created_by: string;
  marking: string;
  /** JSON array. */
  releasable_to: string;
  created_at: string;
  removed_at: string | null;
}

export interface StixObjectsTable {
  collection_id: string;
  id: string;
  /** `modified`, else `created`, else '' (objects without versions). */
  version: string;
  type: string;
  spec_version: string;
  date_added: string;
  /** The object as it arrived, JSON text. */
  body: string;
}

export interface TaxiiStatusesTable {
  id: string;
  owner: string;
  status: string;
  request_timestamp: string;
  total_count: number;
  success_count: number;
  failure_count: number;
  pending_count: number;
  successes: string;
  failures: string;
  pendings: string;
}
