/**
 * Which mapper handles what: by Tandem record type when sending, by STIX
 * object when receiving (its type, and where several record types share a
 * STIX type, the record type its sharing extension names). Objects derived
 * from a record (locations, relationships for generic consumers) belong to
 * no mapper: the record's primary object alone rebuilds it. Anything else
 * (other STIX types, other producers' objects) has no mapper either, and is
 * stored and passed on unchanged by federation.
 */
import { corroborationMapper } from './mappers/corroboration.js';
import { CUSTOM_RECORD_TYPES } from './mappers/custom-bodies.js';
import { customMapper } from './mappers/custom.js';
import { incidentMapper } from './mappers/incident.js';
import { threatActorMapper } from './mappers/threat-actor.js';
import { threatReportMapper } from './mappers/threat-report.js';
import { TANDEM_EXTENSIONS, type StixMapper, type StixObject } from './stix.types.js';

/** Organisations are not records, but travel beside them: their mapping, from here too. */
export { organisationFromStix, organisationToStix } from './organisation.js';

/** Every record type's mapper. */
export const STIX_MAPPERS: readonly StixMapper[] = [
  incidentMapper,
  threatReportMapper,
  threatActorMapper,
  corroborationMapper,
  ...CUSTOM_RECORD_TYPES.map(customMapper),
];

const BY_RECORD_TYPE: ReadonlyMap<string, StixMapper> = new Map(
  STIX_MAPPERS.map((mapper) => [mapper.recordType, mapper]),
);

const stixTypesOf = (mapper: StixMapper): readonly string[] =>
  mapper.stixTypes ?? [mapper.stixType];

function sharingOf(object: StixObject): Record<string, unknown> | undefined {
  const sharing = object.extensions?.[TANDEM_EXTENSIONS.sharing];
  return sharing !== null && typeof sharing === 'object' && !Array.isArray(sharing)
    ? sharing
    : undefined;
}

export function mapperForRecordType(type: string): StixMapper | undefined {
  return BY_RECORD_TYPE.get(type);
}

/** The only STIX types the mappers derive from records. */
const DERIVED_TYPES: ReadonlySet<string> = new Set(['location', 'relationship']);

/**
 * True for objects a node derived from one of its records: a location or a
 * relationship that names its record in `derived_from`. Other types never
 * count as derived, whatever they claim, so that no record can pass as one.
 */
export function isDerivedObject(object: StixObject): boolean {
  return DERIVED_TYPES.has(object.type) && typeof sharingOf(object)?.derived_from === 'string';
}

/**
 * The mapper of a received object, by its STIX type, and by the record type
 * its sharing extension names where several record types share the STIX
 * type. An object of a type Tandem maps always gets a mapper, even when it
 * names no or another record type: the mapper then refuses it, rather than
 * letting it through as an object Tandem does not model (an `incident` from
 * elsewhere must not be stored as if it were one of Tandem's).
 */
export function mapperForStixObject(object: StixObject): StixMapper | undefined {
  if (isDerivedObject(object)) return undefined;
  const candidates = STIX_MAPPERS.filter((mapper) => stixTypesOf(mapper).includes(object.type));
  const recordType = sharingOf(object)?.record_type;
  return candidates.find((mapper) => mapper.recordType === recordType) ?? candidates[0];
}
