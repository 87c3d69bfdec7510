/**
 * What federation needs of the STIX mapping, in one place: which record
 * types travel, their mappers, and the objects every peer collection
 * starts with (the node's identity, Tandem's extension-definitions, the
 * TLP 2.0 marking-definitions).
 */
import type { NodeIdentityRow } from './peers.repository.js';
import { nodeIdentityObject } from './node-identity.js';
import { mapperForRecordType } from './stix/registry.js';
import { TANDEM_EXTENSION_DEFINITIONS } from './stix/extension-definitions.js';
import { TLP_MARKING_DEFINITIONS } from './stix/markings.js';
import type { StixMapper, StixObject } from './stix/stix.types.js';

/** Every shareable record type of Tandem. */
const RECORD_TYPES = [
  'incident',
  'threat-report',
  'threat-actor',
  'corroboration',
  'site',
  'movement',
  'working-group',
  'meeting',
  'decision',
  'action-item',
  'programme',
] as const;

/** The record types that have a STIX mapping, and so may leave for a peer. */
export const FEDERATED_RECORD_TYPES: readonly string[] = RECORD_TYPES.filter(
  (type) => mapperForRecordType(type) !== undefined,
);

export function mapperFor(recordType: string): StixMapper | undefined {
  return mapperForRecordType(recordType);
}

/** Objects that describe the node and the vocabulary its other objects use. */
export function staticObjects(identity: NodeIdentityRow): StixObject[] {
  return [
    nodeIdentityObject(identity),
    ...TANDEM_EXTENSION_DEFINITIONS,
    ...TLP_MARKING_DEFINITIONS,
  ];
}
