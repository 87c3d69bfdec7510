/**
 * The sharing policy: the one place that decides who may read or edit a
 * shareable record on this node and what of it may leave for a peer, under
 * TLP 2.0 (see DESIGN.md, "Sharing policy"). Every read path asks it.
 *
 * It fails closed: a record whose marking, originator or release list is
 * missing, unknown or inconsistent is readable and editable only by its
 * originating organisation (by nobody when the originator itself is
 * malformed) and never leaves the node.
 *
 * It must never do I/O, read the clock, use randomness, throw on a bad record or
 * mutate what it is given: the same inputs always give the same answer. Its
 * only state is a bounded memo of id types, which cannot change an answer.
 */
import { idType } from '../ids.js';
import { fail, ok, type Result } from '../result.js';
import {
  TLP_MARKINGS,
  type EgressDecision,
  type Peer,
  type Reader,
  type Role,
  type ShareableRecord,
  type TlpMarking,
} from './types.js';

/** Why a record's marking cannot be trusted. */
export type MarkingProblem =
  | 'marking_missing'
  | 'marking_unknown'
  | 'created_by_malformed'
  | 'created_by_user_malformed'
  | 'releasable_to_not_array'
  | 'releasable_to_entry_malformed'
  | 'releasable_to_entry_wrong_kind';

/** Why a record does not leave for a peer. */
export type EgressRefusal =
  | 'invalid_marking'
  | 'received_from_peer'
  | 'tlp_red'
  | 'peer_is_originator'
  | 'not_released_to_peer'
  | 'redaction_failed';

/** A record's sharing fields once they have been checked. */
export interface ParsedMarking {
  marking: TlpMarking;
  createdBy: string;
  createdByUser: string | undefined;
  /** Organisation and group ids (CLEAR to AMBER+STRICT) or user ids (RED). */
  releasableTo: readonly string[];
}

/** A record whose sharing fields passed `markingProblem`. */
type ConsistentRecord = ShareableRecord & {
  marking: TlpMarking;
  created_by: string;
  created_by_user?: string | null;
  releasable_to: readonly string[];
};

/** Roles that may change a record. node_admin runs the node; it does not write intelligence. */
const EDITING_ROLES: ReadonlySet<Role> = new Set<Role>(['analyst', 'duty_officer', 'org_admin']);
const KNOWN_MARKINGS: ReadonlySet<string> = new Set<string>(TLP_MARKINGS);
const ORG = 'identity';
const GROUP = 'group';
const USER = 'user';
const GROUP_PREFIX = `${GROUP}--`;

/** Bounds the id-type memo: far above the organisations, groups and users a node knows. */
const ID_TYPE_MEMO_LIMIT = 50_000;
const idTypeMemo = new Map<string, string>();

/**
 * `idType` from core/ids.ts, memoised. Its regex costs more than the rest of a
 * decision and runs for every release-list entry of every decision, while the
 * ids a node sees come from a small population. Strings are immutable, so the
 * memo cannot change an answer; only well-formed ids are kept, and the memo is
 * emptied when full so that garbage or churn cannot grow it without bound.
 */
function idTypeOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const remembered = idTypeMemo.get(value);
  if (remembered !== undefined) return remembered;
  const type = idType(value);
  if (type !== undefined) {
    if (idTypeMemo.size >= ID_TYPE_MEMO_LIMIT) idTypeMemo.clear();
    idTypeMemo.set(value, type);
  }
  return type;
}

function isTlpMarking(value: unknown): value is TlpMarking {
  return typeof value === 'string' && KNOWN_MARKINGS.has(value);
}

/**
 * The first thing wrong with a record's sharing fields, or undefined when they
 * are consistent. Duplicates in `releasable_to` are accepted: the list is a set,
 * and refusing a repeated entry would lock readers out over nothing.
 */
export function markingProblem(record: ShareableRecord): MarkingProblem | undefined {
  const marking = record.marking;
  if (marking === undefined || marking === null) return 'marking_missing';
  if (!isTlpMarking(marking)) return 'marking_unknown';
  if (idTypeOf(record.created_by) !== ORG) return 'created_by_malformed';
  const author = record.created_by_user;
  if (author !== undefined && author !== null && idTypeOf(author) !== USER) {
    return 'created_by_user_malformed';
  }
  const entries: unknown = record.releasable_to;
  if (!Array.isArray(entries)) return 'releasable_to_not_array';
  const list: readonly unknown[] = entries;
  // RED names people; every other marking names organisations or groups. A
  // user id on a non-RED record (or an org on a RED one) means the label and
  // the list disagree, and we cannot tell which one the originator meant.
  const wantsUsers = marking === 'TLP:RED';
  for (let index = 0; index < list.length; index++) {
    const entry = list[index];
    const type = idTypeOf(entry);
    if (type === undefined) return 'releasable_to_entry_malformed';
    const rightKind = wantsUsers ? type === USER : type === ORG || type === GROUP;
    if (!rightKind) return 'releasable_to_entry_wrong_kind';
  }
  return undefined;
}

// Centralises the one narrowing from `unknown` fields to checked ones.
function isConsistent<R extends ShareableRecord>(record: R): record is R & ConsistentRecord {
  return markingProblem(record) === undefined;
}

/** The record's checked sharing fields, or why they cannot be trusted. */
export function validateMarking(record: ShareableRecord): Result<ParsedMarking, MarkingProblem> {
  if (!isConsistent(record)) {
    // isConsistent is false exactly when markingProblem returns a problem.
    return fail(markingProblem(record) ?? 'marking_unknown');
  }
  return ok({
    marking: record.marking,
    createdBy: record.created_by,
    createdByUser: record.created_by_user ?? undefined,
    releasableTo: [...record.releasable_to],
  });
}

/** An organisation reads an AMBER record when it, or one of its groups, is listed. */
function isListedForOrg(
  orgId: string,
  groupIds: readonly string[],
  list: readonly string[],
): boolean {
  for (let index = 0; index < list.length; index++) {
    const entry = list[index] as string; // index < length
    // Entries are checked ids, so the prefix tells org from group: a group id
    // passed as an orgId (or the reverse) never matches.
    if (entry.startsWith(GROUP_PREFIX)) {
      if (groupIds.includes(entry)) return true;
    } else if (entry === orgId) {
      return true;
    }
  }
  return false;
}

function isOriginatorOrg(orgId: string, record: ShareableRecord): boolean {
  return orgId === record.created_by && idTypeOf(record.created_by) === ORG;
}

function isNamedOnRedRecord(userId: string, record: ConsistentRecord): boolean {
  return userId === record.created_by_user || record.releasable_to.includes(userId);
}

/**
 * True when the reader is refused whether or not the record's sharing fields
 * are valid, decided without checking a single id: they are not of the
 * originating organisation (the only one that reads a broken record) and no
 * entry of the list, taken as it is, could name them. Most refusals end here,
 * which keeps canRead within its budget; anything else takes the full check.
 */
function isRefusedWithoutChecking(reader: Reader, record: ShareableRecord): boolean {
  if (reader.orgId === record.created_by) return false;
  const marking = record.marking;
  if (marking === 'TLP:CLEAR' || marking === 'TLP:GREEN') return false;
  const entries: unknown = record.releasable_to;
  if (!Array.isArray(entries)) return true;
  const list: readonly unknown[] = entries;
  if (marking === 'TLP:RED') {
    return reader.userId !== record.created_by_user && !list.includes(reader.userId);
  }
  if (marking === 'TLP:AMBER' || marking === 'TLP:AMBER+STRICT') {
    for (let index = 0; index < list.length; index++) {
      const entry = list[index];
      if (typeof entry !== 'string') continue;
      if (entry === reader.orgId || reader.groupIds.includes(entry)) return false;
    }
    return true;
  }
  return true; // an unknown marking: broken, and the reader is not the originator
}

/** Whether `reader` may see `record` on this node, in any list, count, export or stream. */
export function canRead(reader: Reader, record: ShareableRecord): boolean {
  if (reader.active !== true) return false;
  if (isRefusedWithoutChecking(reader, record)) return false;
  if (!isConsistent(record)) return isOriginatorOrg(reader.orgId, record);
  switch (record.marking) {
    case 'TLP:CLEAR':
    case 'TLP:GREEN':
      // Every user of a node belongs to the node or to a known peer
      // organisation, so every active reader is of the community.
      return true;
    case 'TLP:AMBER':
    case 'TLP:AMBER+STRICT':
      return (
        reader.orgId === record.created_by ||
        isListedForOrg(reader.orgId, reader.groupIds, record.releasable_to)
      );
    case 'TLP:RED':
      return isNamedOnRedRecord(reader.userId, record);
  }
}

function hasEditingRole(reader: Reader): boolean {
  for (const role of reader.roles) if (EDITING_ROLES.has(role)) return true;
  return false;
}

/**
 * Only the originator edits (that is also how it widens a release or repairs a
 * broken marking), and only someone who can read the record: on RED that means
 * the author or a named user of the originating organisation.
 */
export function canEdit(reader: Reader, record: ShareableRecord): boolean {
  return hasEditingRole(reader) && isOriginatorOrg(reader.orgId, record) && canRead(reader, record);
}

// Anything but an explicit false counts as a claim: a flag we cannot read is a flag that is set.
function claimsFlag(value: unknown): boolean {
  return value !== undefined && value !== false;
}

function hasLegalBasis(record: ShareableRecord): boolean {
  return typeof record.legal_basis === 'string' && record.legal_basis.trim() !== '';
}

function isReleasedToPeer(peer: Peer, list: readonly string[]): boolean {
  for (let index = 0; index < list.length; index++) {
    const entry = list[index] as string; // index < length
    const hosts = entry.startsWith(GROUP_PREFIX) ? peer.groupIds : peer.orgIds;
    if (hosts.includes(entry)) return true;
  }
  return false;
}

/** Why the record's sharing fields keep it from this peer, ignoring personal data. */
function egressRefusal(peer: Peer, record: ShareableRecord): EgressRefusal | undefined {
  if (!isConsistent(record)) return 'invalid_marking';
  // A node passes on only what its own organisations originated, which also
  // keeps AMBER+STRICT from ever being re-shared.
  if (claimsFlag(record.received_from_peer)) return 'received_from_peer';
  switch (record.marking) {
    case 'TLP:RED':
      return 'tlp_red';
    case 'TLP:CLEAR':
    case 'TLP:GREEN':
      return peer.orgIds.includes(record.created_by) ? 'peer_is_originator' : undefined;
    case 'TLP:AMBER':
    case 'TLP:AMBER+STRICT':
      if (peer.orgIds.includes(record.created_by)) return 'peer_is_originator';
      return isReleasedToPeer(peer, record.releasable_to) ? undefined : 'not_released_to_peer';
  }
}

function sameEntries(before: unknown, after: unknown): boolean {
  if (before === after) return true;
  if (!Array.isArray(before) || !Array.isArray(after) || before.length !== after.length) {
    return false;
  }
  const beforeList: readonly unknown[] = before;
  const afterList: readonly unknown[] = after;
  return beforeList.every((entry, index) => Object.is(entry, afterList[index]));
}

/**
 * A redaction may strip personal fields, never change who the copy is for: a
 * redactor that relabelled a record (say, AMBER to CLEAR) would widen it on the
 * peer, so the sharing fields must come back exactly as they went in.
 */
function keepsSharingFields(before: ShareableRecord, after: ShareableRecord): boolean {
  return (
    Object.is(before.marking, after.marking) &&
    Object.is(before.created_by, after.created_by) &&
    Object.is(before.created_by_user, after.created_by_user) &&
    sameEntries(before.releasable_to, after.releasable_to) &&
    claimsFlag(before.received_from_peer) === claimsFlag(after.received_from_peer)
  );
}

/** Fields the redaction dropped or rewrote, for the audit trail. */
function changedFields(before: object, after: object): string[] {
  const beforeFields = before as Record<string, unknown>;
  const afterFields = after as Record<string, unknown>;
  const keys = new Set([...Object.keys(beforeFields), ...Object.keys(afterFields)]);
  keys.delete('contains_personal_data');
  return [...keys].filter((key) => !Object.is(beforeFields[key], afterFields[key])).sort();
}

/**
 * What of `record` may go to `peer`. When personal data would leave without a
 * recorded legal basis, the caller's `redact` strips it; the redacted copy must
 * no longer claim personal data and must keep its sharing fields, or nothing
 * leaves. An exception thrown by `redact` propagates: nothing is sent.
 */
export function egress<R extends ShareableRecord>(
  peer: Peer,
  record: R,
  redact: (record: R) => R,
): EgressDecision<R> {
  const refusal = egressRefusal(peer, record);
  if (refusal !== undefined) return { kind: 'none', reason: refusal };
  if (!claimsFlag(record.contains_personal_data) || hasLegalBasis(record)) {
    return { kind: 'full', record };
  }
  const redacted = redact(record);
  if (claimsFlag(redacted.contains_personal_data) || !keepsSharingFields(record, redacted)) {
    return { kind: 'none', reason: 'redaction_failed' };
  }
  return { kind: 'redacted', record: redacted, removed: changedFields(record, redacted) };
}

/** An organisation a record's editor may want to show, with its groups. */
export interface AudienceCandidate {
  orgId: string;
  groupIds: readonly string[];
}

/** Who will be able to read a record, for its editor to show before saving. */
export type ReadAudience =
  | { kind: 'everyone'; marking: 'TLP:CLEAR' | 'TLP:GREEN'; orgIds: readonly string[] }
  | { kind: 'organisations'; marking: 'TLP:AMBER' | 'TLP:AMBER+STRICT'; orgIds: readonly string[] }
  | { kind: 'named_users'; marking: 'TLP:RED'; userIds: readonly string[] }
  | { kind: 'originator_only'; problem: MarkingProblem; orgIds: readonly string[] };

/**
 * The organisations (or, for RED, the users) that will be able to read the
 * record, among `candidates` (this node's and its peers' organisations). The
 * originator comes first; it reads even when it is not a candidate. Agrees
 * with `canRead` for every active reader of a candidate organisation.
 */
export function whoCanRead(
  record: ShareableRecord,
  candidates: readonly AudienceCandidate[],
): ReadAudience {
  if (!isConsistent(record)) {
    const problem = markingProblem(record) ?? 'marking_unknown';
    const originator = record.created_by;
    const orgIds =
      typeof originator === 'string' && idTypeOf(originator) === ORG ? [originator] : [];
    return { kind: 'originator_only', problem, orgIds };
  }
  const withOriginator = (orgIds: readonly string[]): string[] => [
    ...new Set([record.created_by, ...orgIds]),
  ];
  switch (record.marking) {
    case 'TLP:CLEAR':
    case 'TLP:GREEN':
      return {
        kind: 'everyone',
        marking: record.marking,
        orgIds: withOriginator(candidates.map((candidate) => candidate.orgId)),
      };
    case 'TLP:AMBER':
    case 'TLP:AMBER+STRICT': {
      const listed = candidates.filter((candidate) =>
        isListedForOrg(candidate.orgId, candidate.groupIds, record.releasable_to),
      );
      const orgIds = withOriginator(listed.map((candidate) => candidate.orgId));
      return { kind: 'organisations', marking: record.marking, orgIds };
    }
    case 'TLP:RED': {
      const author = record.created_by_user;
      const named =
        typeof author === 'string' ? [author, ...record.releasable_to] : record.releasable_to;
      return { kind: 'named_users', marking: record.marking, userIds: [...new Set(named)] };
    }
  }
}
