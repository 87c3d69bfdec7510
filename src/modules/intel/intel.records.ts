/**
 * What threat actors, threat reports and corroborations share as shareable
 * records: building a version from input and author, the policy's view of a
 * version before it is stored, reading a stored version back, and who may
 * write. Owns no rule of its own beyond those; the policy decides reads.
 */
import { canEdit, type ShareableRecord } from '../../core/policy/index.js';
import type { Role } from '../../core/policy/types.js';
import type { CurrentUser } from '../identity/identity.types.js';
import type { IncidentDeps } from '../incidents/incidents.service.js';
import type { RecordRow, RecordVersionInput } from '../records/records.repository.js';
import type { SharingInput } from '../records/sharing.schema.js';

/** The same as incidents': corroboration reads incidents through their service. */
export type IntelDeps = IncidentDeps;

export const actorOf = (user: CurrentUser) => ({ userId: user.userId, orgId: user.orgId });

/** The fields of an input without its sharing fields, which live in the record's own columns. */
export function bodyOf(input: SharingInput & object): Record<string, unknown> {
  const body: Record<string, unknown> = { ...input };
  delete body.marking;
  delete body.releasableTo;
  return body;
}

/** A new version written by `author` for their organisation. */
export function versionOf(
  type: string,
  id: string,
  input: SharingInput,
  body: Record<string, unknown>,
  author: { orgId: string; userId: string | null },
  stamps: { created: string; modified: string; revoked?: boolean },
): RecordVersionInput {
  return {
    id,
    type,
    createdBy: author.orgId,
    createdByUser: author.userId,
    marking: input.marking,
    // CLEAR and GREEN reach everyone: a list there would only mislead whoever reads it later.
    releasableTo:
      input.marking === 'TLP:CLEAR' || input.marking === 'TLP:GREEN' ? [] : input.releasableTo,
    created: stamps.created,
    modified: stamps.modified,
    revoked: stamps.revoked ?? false,
    receivedFromPeer: false,
    containsPersonalData: false,
    legalBasis: null,
    body,
  };
}

/** The next version of a stored record: same originator and author, new fields. */
export function nextVersionOf(
  current: RecordRow,
  input: SharingInput,
  body: Record<string, unknown>,
  modified: string,
  revoked: boolean,
): RecordVersionInput {
  return {
    ...versionOf(
      current.type,
      current.id,
      input,
      body,
      // Only the originator edits, so the stored originator and author stay.
      { orgId: current.created_by, userId: current.created_by_user },
      { created: current.created, modified, revoked },
    ),
    receivedFromPeer: current.received_from_peer === 1,
    containsPersonalData: current.contains_personal_data === 1,
    legalBasis: current.legal_basis,
  };
}

export function asShareable(version: RecordVersionInput): ShareableRecord {
  return {
    id: version.id,
    created_by: version.createdBy,
    created_by_user: version.createdByUser,
    marking: version.marking,
    releasable_to: version.releasableTo,
    received_from_peer: version.receivedFromPeer,
    contains_personal_data: version.containsPersonalData,
    legal_basis: version.legalBasis,
  };
}

export function parseBody(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

export function parseReleaseList(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed)
      ? parsed.filter((entry): entry is string => typeof entry === 'string')
      : [];
  } catch {
    return [];
  }
}

/** The sharing fields of a stored record, as input for its next version. */
export function sharingOf(row: RecordRow): SharingInput {
  return {
    marking: row.marking as SharingInput['marking'],
    releasableTo: parseReleaseList(row.releasable_to),
  };
}

/**
 * Whether the user may write records for their own organisation. Asked of the
 * policy with a record of their own, so the editing roles stay in one place.
 */
export function editsForOwnOrganisation(user: CurrentUser): boolean {
  return canEdit(user, {
    id: 'probe',
    created_by: user.orgId,
    created_by_user: user.userId,
    marking: 'TLP:CLEAR',
    releasable_to: [],
  });
}

/**
 * Corroborating is how recipients take part (DESIGN.md: liaison officers
 * "read released intelligence, corroborate it"), so it is open to liaison and
 * field roles that may not author intelligence; viewers and node
 * administrators only read.
 */
const CORROBORATING_ROLES: ReadonlySet<Role> = new Set<Role>(['liaison', 'field']);
export function mayCorroborate(user: CurrentUser): boolean {
  return (
    editsForOwnOrganisation(user) ||
    (user.active && user.roles.some((role) => CORROBORATING_ROLES.has(role)))
  );
}
