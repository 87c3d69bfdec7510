/**
 * The shapes the sharing policy decides over. Kept apart from the rules so
 * that every module can describe its records without importing the rules.
 */

/** TLP 2.0 labels as they are written on a record. */
export const TLP_MARKINGS = [
  'TLP:CLEAR',
  'TLP:GREEN',
  'TLP:AMBER',
  'TLP:AMBER+STRICT',
  'TLP:RED',
] as const;
export type TlpMarking = (typeof TLP_MARKINGS)[number];

export const ROLES = [
  'viewer',
  'analyst',
  'duty_officer',
  'field',
  'liaison',
  'org_admin',
  'node_admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking. Built from the session or API token by the identity module. */
export interface Reader {
  userId: string;
  /** The organisation the user belongs to (an `identity--<uuid>` id). */
  orgId: string;
  /** Named groups (`group--<uuid>`) the user's organisation belongs to. */
  groupIds: readonly string[];
  roles: readonly Role[];
  active: boolean;
}

/**
 * Everything the policy needs to know about a shareable record. Fields are
 * `unknown` where they come from storage or a peer: the policy validates them
 * itself and fails closed.
 */
export interface ShareableRecord {
  id: string;
  /** The originating organisation. */
  created_by: unknown;
  /** The user who wrote it, when written on this node. */
  created_by_user?: unknown;
  /** The TLP 2.0 marking: one of TLP_MARKINGS, anything else fails closed. */
  marking: unknown;
  /** Organisation ids or group ids (AMBER), user ids (RED). */
  releasable_to: unknown;
  /** True when the record was received from a peer rather than written here. */
  received_from_peer?: boolean;
  /** True when the record carries personal data (named people). */
  contains_personal_data?: boolean;
  /** The recorded legal basis that allows personal data to cross a border. */
  legal_basis?: unknown;
}

/** A peer node, as registered by an administrator. */
export interface Peer {
  peerId: string;
  /** Organisations the peer hosts. */
  orgIds: readonly string[];
  /** Groups the peer's organisations belong to. */
  groupIds: readonly string[];
}

export type EgressDecision<R> =
  | { kind: 'full'; record: R }
  | { kind: 'redacted'; record: R; removed: readonly string[] }
  | { kind: 'none'; reason: string };
