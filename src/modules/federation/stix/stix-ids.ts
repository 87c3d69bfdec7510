/**
 * Record ids as STIX ids and back. A Tandem id is `<record type>--<uuid>`;
 * in STIX the part before `--` must be the object's STIX type, so a record
 * whose STIX type differs (threat-report → report, site → x-tandem-site)
 * keeps its uuid under the STIX type, and the mapping back is exact. Also
 * the ids of objects derived from a record (its location, its relationships):
 * UUIDv5 of the record id and what is derived, so that every export of a
 * record names them alike and a receiver replaces instead of duplicating.
 *
 * Pure; owns no rule about which record may leave.
 */
import { hash as oneShotHash } from 'node:crypto';

const ID =
  /^([a-z][a-z0-9-]*[a-z0-9])--([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/**
 * The STIX type a reference to a record of each type points at. Corroboration
 * is absent: nothing refers to one, and its STIX type (note or sighting)
 * depends on its content, so its mapper names it.
 */
export const REFERENCE_STIX_TYPES: Readonly<Record<string, string>> = {
  incident: 'incident',
  'threat-report': 'report',
  'threat-actor': 'threat-actor',
  site: 'x-tandem-site',
  movement: 'x-tandem-movement',
  'working-group': 'x-tandem-working-group',
  meeting: 'x-tandem-meeting',
  decision: 'x-tandem-decision',
  'action-item': 'x-tandem-action-item',
  programme: 'x-tandem-programme',
};

/** The record type of each STIX type that carries a Tandem record. */
const RECORD_TYPE_OF_STIX_TYPE: ReadonlyMap<string, string> = new Map([
  ...Object.entries(REFERENCE_STIX_TYPES).map(([record, stix]): [string, string] => [stix, record]),
  ['note', 'corroboration'],
  ['sighting', 'corroboration'],
]);

export function splitId(id: unknown): { type: string; uuid: string } | undefined {
  if (typeof id !== 'string') return undefined;
  const match = ID.exec(id);
  return match?.[1] !== undefined && match[2] !== undefined
    ? { type: match[1], uuid: match[2] }
    : undefined;
}

/** The STIX id of a record (or an organisation, user or group id, which stay as they are). */
export function stixIdOf(tandemId: string, stixType?: string): string {
  const parts = splitId(tandemId);
  if (parts === undefined) return tandemId;
  const type = stixType ?? REFERENCE_STIX_TYPES[parts.type] ?? parts.type;
  return `${type}--${parts.uuid}`;
}

/** The Tandem id of a STIX id: the record type for STIX types that carry records, anything else as it is. */
export function tandemIdOf(stixId: string): string {
  const parts = splitId(stixId);
  if (parts === undefined) return stixId;
  const type = RECORD_TYPE_OF_STIX_TYPE.get(parts.type) ?? parts.type;
  return `${type}--${parts.uuid}`;
}

/** The record type whose objects have this STIX type, if any. */
export function recordTypeOfStixType(stixType: string): string | undefined {
  return RECORD_TYPE_OF_STIX_TYPE.get(stixType);
}

/** Tandem's namespace for name-based (v5) uuids of derived objects; fixed forever. */
const DERIVED_NAMESPACE = Buffer.from('5d0c6a8e0f7b4b2e9a4c3e1f2d7b8a90', 'hex');

/** RFC 9562 UUIDv5 (SHA-1) of `name` in Tandem's derived-object namespace. */
export function uuidV5(name: string): string {
  // One-shot hash: a Hash object per call cost more than the hashing (a derived id per location and link).
  const hash = oneShotHash(
    'sha1',
    Buffer.concat([DERIVED_NAMESPACE, Buffer.from(name, 'utf8')]),
    'buffer',
  );
  const bytes = hash.subarray(0, 16);
  // The version (5) and the RFC 4122 variant bits.
  bytes.writeUInt8((bytes.readUInt8(6) & 0x0f) | 0x50, 6);
  bytes.writeUInt8((bytes.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The id of an object derived from `primaryId`: the same for every export of that record. */
export function derivedId(stixType: string, primaryId: string, purpose: string): string {
  return `${stixType}--${uuidV5(`${primaryId}#${purpose}`)}`;
}
