/**
 * An incident as a STIX `incident`: narrative and language as STIX's own
 * description and lang; OASIS's Incident Core extension (its two required
 * properties, see below); and the Tandem incident extension carrying the
 * ACLED coding in full (event date and type, actors, place with its
 * precision, casualties by nationality, sources, links to a site or a
 * movement), so that the primary object alone rebuilds the record. For
 * generic consumers, a derived `location` and `incident located-at location`.
 *
 * Incident Core (extension-definition--ef765651-…) requires determination
 * and investigation_status. Tandem records reported events, which ACLED
 * codes only once they happened, so determination is `confirmed`; Tandem
 * runs no defender investigation workflow on them, which the suite's
 * investigation-status vocabulary calls `new` ("has not begun the formal
 * workflow"). Both are fixed, and nothing is read back from them.
 */
import { incidentInputSchema } from '../../../incidents/incidents.schema.js';
import type { RecordRow } from '../../../records/records.repository.js';
import {
  bodyOfRow,
  derivedObject,
  derivedRelationship,
  neverThrows,
  parseModuleBody,
  primaryObject,
  propertyExtension,
  readEnvelope,
  receivedVersion,
  type Extension,
} from '../envelope.js';
import { INCIDENT_CORE_EXTENSION } from '../extension-definitions.js';
import { fromStixProperties, toStixProperties } from '../property-names.js';
import { fail, ok } from '../../../../core/result.js';
import { TANDEM_EXTENSIONS, type StixMapper, type StixObject } from '../stix.types.js';

const RECORD_TYPE = 'incident';
const STIX_TYPE = 'incident';

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Casualties with an unknown total leave `total` out (STIX has no null); it comes back as null. */
function casualtiesOut(value: unknown): unknown {
  if (!isObject(value) || value.total !== null) return value;
  const known = { ...value };
  delete known.total;
  return known;
}

function casualtiesIn(value: unknown): unknown {
  return isObject(value) && !('total' in value) ? { ...value, total: null } : value;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A display name: STIX requires one, ACLED has none. */
function nameOf(body: Record<string, unknown>): string {
  const place = isObject(body.place) ? text(body.place.name) : '';
  return `${text(body.subEventType) || 'Incident'}${place ? `, ${place}` : ''} (${text(body.eventDate)})`;
}

function locationOf(place: unknown): Record<string, unknown> | undefined {
  if (!isObject(place) || typeof place.lat !== 'number' || typeof place.lon !== 'number') {
    return undefined;
  }
  return {
    name: text(place.name),
    latitude: place.lat,
    longitude: place.lon,
    ...(typeof place.country === 'string' ? { country: place.country } : {}),
    ...(typeof place.admin1 === 'string' ? { administrative_area: place.admin1 } : {}),
  };
}

function toStix(row: RecordRow): StixObject[] {
  const body = bodyOfRow(row);
  const { narrative, language, fatalities, injured, ...coding } = body;
  const extensions: Record<string, Extension> = {
    [INCIDENT_CORE_EXTENSION]: {
      extension_type: 'property-extension',
      determination: 'confirmed',
      investigation_status: 'new',
    },
    [TANDEM_EXTENSIONS.incident]: {
      extension_type: 'property-extension',
      ...toStixProperties({
        ...coding,
        fatalities: casualtiesOut(fatalities),
        injured: casualtiesOut(injured),
      }),
    },
  };
  const primary = primaryObject(
    row,
    STIX_TYPE,
    {
      name: nameOf(body),
      ...(typeof narrative === 'string' && narrative !== '' ? { description: narrative } : {}),
      ...(typeof language === 'string' ? { lang: language } : {}),
    },
    extensions,
  );
  const place = locationOf(body.place);
  if (place === undefined) return [primary];
  const location = derivedObject(row, primary.id, 'location', 'place', place);
  return [
    primary,
    location,
    derivedRelationship(row, primary.id, 'located-at', location.id, primary.id),
  ];
}

function fromStix(primary: StixObject) {
  return neverThrows(() => {
    const envelope = readEnvelope(primary, RECORD_TYPE, [STIX_TYPE]);
    if (!envelope.ok) return envelope;
    const properties = propertyExtension(primary, TANDEM_EXTENSIONS.incident);
    if (properties === undefined) return fail('no Tandem incident extension');
    const fields = fromStixProperties(properties);
    const body = parseModuleBody(
      incidentInputSchema,
      {
        ...fields,
        fatalities: casualtiesIn(fields.fatalities),
        injured: casualtiesIn(fields.injured),
        narrative: primary.description,
        language: primary.lang,
      },
      envelope.value,
    );
    if (!body.ok) return body;
    return ok(receivedVersion(envelope.value, RECORD_TYPE, body.value));
  });
}

export const incidentMapper: StixMapper = {
  recordType: RECORD_TYPE,
  stixType: STIX_TYPE,
  toStix,
  fromStix,
};
