/**
 * A threat actor as a STIX `threat-actor`: every field of the actor body has
 * a STIX threat-actor property of the same meaning (name, aliases,
 * description, sophistication, primary_motivation, first_seen, last_seen),
 * so nothing needs an extension but sharing. The body has no notion of a
 * set of actors, so nothing maps to `intrusion-set`: an actor is always a
 * threat-actor. Tandem describes groups only, never a person.
 */
import { fail, ok } from '../../../../core/result.js';
import { threatActorInputSchema } from '../../../intel/intel.schema.js';
import type { RecordRow } from '../../../records/records.repository.js';
import {
  bodyOfRow,
  neverThrows,
  parseModuleBody,
  primaryObject,
  readEnvelope,
  receivedVersion,
} from '../envelope.js';
import { fromStixProperties, toStixProperties } from '../property-names.js';
import type { StixMapper, StixObject } from '../stix.types.js';

const RECORD_TYPE = 'threat-actor';
const STIX_TYPE = 'threat-actor';

/** The STIX properties the actor body maps onto, one for one. */
const ACTOR_PROPERTIES = [
  'name',
  'aliases',
  'description',
  'sophistication',
  'primary_motivation',
  'first_seen',
  'last_seen',
] as const;

function toStix(row: RecordRow): StixObject[] {
  const body = bodyOfRow(row);
  const properties = toStixProperties(body);
  // An empty description says nothing; the schema's default restores it.
  if (properties.description === '') delete properties.description;
  const own = Object.fromEntries(
    ACTOR_PROPERTIES.filter((name) => name in properties).map((name) => [name, properties[name]]),
  );
  return [primaryObject(row, STIX_TYPE, own)];
}

function fromStix(primary: StixObject) {
  return neverThrows(() => {
    const envelope = readEnvelope(primary, RECORD_TYPE, [STIX_TYPE]);
    if (!envelope.ok) return envelope;
    if (typeof primary.name !== 'string') return fail('name is not a string');
    const own = Object.fromEntries(
      ACTOR_PROPERTIES.filter((name) => name in primary).map((name) => [name, primary[name]]),
    );
    const body = parseModuleBody(threatActorInputSchema, fromStixProperties(own), envelope.value);
    if (!body.ok) return body;
    return ok(receivedVersion(envelope.value, RECORD_TYPE, body.value));
  });
}

export const threatActorMapper: StixMapper = {
  recordType: RECORD_TYPE,
  stixType: STIX_TYPE,
  toStix,
  fromStix,
};
