/**
 * A corroboration as STIX: a confirmation with the time it was observed is
 * a `sighting` of its subject (the report or incident was seen to hold, at
 * that time: first_seen = last_seen = observed time, where_sighted_refs the
 * derived location of the place, when one was given); every other one —
 * a denial, an additional detail, a confirmation without a time — is a
 * `note` on its subject (content = text, object_refs = the subject). The
 * kind, and the observation time and place where STIX has no property for
 * them, go in the Tandem intel extension.
 */
import { z } from 'zod';
import { fail, ok } from '../../../../core/result.js';
import { corroborationInputSchema } from '../../../intel/intel.schema.js';
import type { RecordRow } from '../../../records/records.repository.js';
import {
  bodyOfRow,
  derivedObject,
  neverThrows,
  parseModuleBody,
  primaryObject,
  propertyExtension,
  readEnvelope,
  reasonOf,
  receivedVersion,
  stixTimestamp,
} from '../envelope.js';
import { fromStixProperties, toStixProperties } from '../property-names.js';
import { stixIdOf, tandemIdOf } from '../stix-ids.js';
import { TANDEM_EXTENSIONS, type StixMapper, type StixObject } from '../stix.types.js';

const RECORD_TYPE = 'corroboration';

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function placeLocation(place: unknown): Record<string, unknown> | undefined {
  if (!isObject(place) || typeof place.lat !== 'number' || typeof place.lon !== 'number') {
    return undefined;
  }
  return {
    ...(typeof place.name === 'string' && place.name !== '' ? { name: place.name } : {}),
    latitude: place.lat,
    longitude: place.lon,
  };
}

const intelExtension = (fields: Record<string, unknown>) => ({
  [TANDEM_EXTENSIONS.intel]: { extension_type: 'property-extension', ...toStixProperties(fields) },
});

function toStix(row: RecordRow): StixObject[] {
  const { subjectId, kind, text, observedAt, place } = bodyOfRow(row);
  const subject = typeof subjectId === 'string' ? stixIdOf(subjectId) : '';
  if (kind !== 'confirm' || typeof observedAt !== 'string') {
    return [
      primaryObject(
        row,
        'note',
        { content: text, object_refs: [subject] },
        intelExtension({ kind, observedAt, place }),
      ),
    ];
  }
  const primaryId = stixIdOf(row.id, 'sighting');
  const where = placeLocation(place);
  const location =
    where === undefined ? undefined : derivedObject(row, primaryId, 'location', 'place', where);
  const sighting = primaryObject(
    row,
    'sighting',
    {
      description: text,
      sighting_of_ref: subject,
      first_seen: observedAt,
      last_seen: observedAt,
      count: 1,
      ...(location === undefined ? {} : { where_sighted_refs: [location.id] }),
    },
    intelExtension({ kind, place }),
  );
  return location === undefined ? [sighting] : [sighting, location];
}

const noteFields = z.object({
  content: z.string(),
  object_refs: z.array(z.string()).length(1, 'must name exactly the subject'),
});
const sightingFields = z.object({
  description: z.string(),
  sighting_of_ref: z.string(),
  first_seen: stixTimestamp,
});

/** The text, subject and (for a sighting) observation time of either form. */
function ownFields(primary: StixObject) {
  if (primary.type === 'note') {
    const note = noteFields.safeParse(primary);
    if (!note.success) return fail(reasonOf(note.error));
    const [subject = ''] = note.data.object_refs;
    return ok({ text: note.data.content, subjectId: tandemIdOf(subject) });
  }
  const sighting = sightingFields.safeParse(primary);
  if (!sighting.success) return fail(reasonOf(sighting.error));
  return ok({
    text: sighting.data.description,
    subjectId: tandemIdOf(sighting.data.sighting_of_ref),
    observedAt: sighting.data.first_seen,
  });
}

function fromStix(primary: StixObject) {
  return neverThrows(() => {
    const envelope = readEnvelope(primary, RECORD_TYPE, ['note', 'sighting']);
    if (!envelope.ok) return envelope;
    const own = ownFields(primary);
    if (!own.ok) return own;
    const properties = propertyExtension(primary, TANDEM_EXTENSIONS.intel);
    if (properties === undefined) return fail('no Tandem intel extension');
    const body = parseModuleBody(
      corroborationInputSchema,
      { ...fromStixProperties(properties), ...own.value },
      envelope.value,
    );
    if (!body.ok) return body;
    return ok(receivedVersion(envelope.value, RECORD_TYPE, body.value));
  });
}

export const corroborationMapper: StixMapper = {
  recordType: RECORD_TYPE,
  stixType: 'note',
  stixTypes: ['note', 'sighting'],
  toStix,
  fromStix,
};
