/**
 * STIX 2.1 objects as federation handles them, and the contract every
 * record type's mapping fulfils (see stix/mappers). A mapping must never
 * decide who may receive a record: the sharing policy does that before a
 * mapper is called, and the receiver's checks after.
 */
import type { Result } from '../../../core/result.js';
import type { RecordRow, RecordVersionInput } from '../../records/records.repository.js';

/** Any STIX object: the common properties typed, the rest kept as it came. */
export interface StixObject {
  type: string;
  id: string;
  spec_version?: string;
  created?: string;
  modified?: string;
  created_by_ref?: string;
  revoked?: boolean;
  object_marking_refs?: string[];
  extensions?: Record<string, Record<string, unknown>>;
  [property: string]: unknown;
}

/** Fixed ids of Tandem's published extension-definitions (they never change once released). */
export const TANDEM_EXTENSIONS = {
  /** Property extension on every object a node emits for a record: release list, personal data, record type. */
  sharing: 'extension-definition--42d9f64b-4d0c-446a-9fc9-f680e101db4e',
  /** Property extension carrying the originating node's Ed25519 signature (provenance.ts). */
  provenance: 'extension-definition--7ca9e29a-a3f4-4803-b93d-05dd4c1eb783',
  /** Property extension on `incident`: casualties by nationality, ACLED types, precision codes. */
  incident: 'extension-definition--ddaa4082-2548-4a05-98be-8977885d49e7',
  /** Property extension on threat reports and actors: Admiralty reliability and Tandem's own fields. */
  intel: 'extension-definition--7b023a0a-bd93-4b85-8331-bc4aa40c3e56',
} as const;

/** What a mapper gives back from a received primary object. */
export type FromStixResult = Result<RecordVersionInput, string>;

/**
 * Maps one Tandem record type to STIX and back. `toStix` returns the primary
 * object first (it alone carries everything needed to rebuild the record),
 * then objects derived from it for generic STIX consumers (locations,
 * relationships), each marked as derived in the sharing extension.
 * `fromStix(toStix(row)[0])` gives back the row's version, received.
 */
export interface StixMapper {
  /** Tandem record type (`records.type`), e.g. 'incident'. */
  recordType: string;
  /** STIX type of the primary object, e.g. 'incident', 'report', 'x-tandem-site'. */
  stixType: string;
  /**
   * Every STIX type its primary objects may have, when there is more than
   * `stixType` (a corroboration is a `note` or a `sighting`).
   */
  stixTypes?: readonly string[];
  toStix(record: RecordRow): StixObject[];
  fromStix(primary: StixObject): FromStixResult;
  /**
   * The record without its personal data, when it has some and no legal
   * basis lets it cross (the policy's egress calls it). Absent: the record
   * cannot be redacted and does not leave.
   */
  redact?(record: RecordRow): RecordRow;
}
