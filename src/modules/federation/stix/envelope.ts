/**
 * What every STIX object made from a Tandem record has in common: the
 * common properties (id under the STIX type, created, modified, originator,
 * revoked, TLP 2.0 marking) and the Tandem sharing extension; building them
 * from a stored record, building objects derived from it, and reading them
 * back from a received object, refusing whatever is malformed with a short
 * reason. Never decides whether a record may leave or be accepted: the
 * policy does, before and after.
 */
import { z } from 'zod';
import { fail, ok, type Result } from '../../../core/result.js';
import type { TlpMarking } from '../../../core/policy/types.js';
import { parseBody, parseReleaseList } from '../../intel/intel.records.js';
import type { RecordRow, RecordVersionInput } from '../../records/records.repository.js';
import { sharingInputSchema } from '../../records/sharing.schema.js';
import { rememberChecked } from './checked-bodies.js';
import { markingOf, markingRefsOf } from './markings.js';
import { derivedId, splitId, stixIdOf, tandemIdOf } from './stix-ids.js';
import { TANDEM_EXTENSIONS, type StixObject } from './stix.types.js';

/** The sharing fields and stamps of a received record. */
export interface Envelope {
  /** The Tandem id. */
  id: string;
  stixType: string;
  createdBy: string;
  marking: TlpMarking;
  releasableTo: string[];
  created: string;
  modified: string;
  revoked: boolean;
  containsPersonalData: boolean;
  legalBasis: string | null;
}

export type Extension = Record<string, unknown>;

/** The body of a stored record as an object (the records module keeps it as JSON text). */
export const bodyOfRow = (row: RecordRow): Record<string, unknown> => parseBody(row.body);

function sharingExtension(row: RecordRow, derivedFrom?: string): Extension {
  const releasableTo = parseReleaseList(row.releasable_to);
  return {
    extension_type: 'property-extension',
    record_type: row.type,
    ...(releasableTo.length > 0 ? { releasable_to: releasableTo } : {}),
    contains_personal_data: row.contains_personal_data === 1,
    // A blank legal basis is none (the policy reads it so); it travels as absent.
    ...(row.legal_basis?.trim() ? { legal_basis: row.legal_basis } : {}),
    ...(derivedFrom === undefined ? {} : { derived_from: derivedFrom }),
  };
}

function commonOf(row: RecordRow, type: string, id: string, derivedFrom?: string): StixObject {
  const refs = markingRefsOf(row.marking);
  return {
    type,
    spec_version: '2.1',
    id,
    created: row.created,
    modified: row.modified,
    created_by_ref: row.created_by,
    ...(row.revoked === 1 ? { revoked: true } : {}),
    // A marking that is not TLP 2.0 is left off: receivers refuse an unmarked object.
    ...(refs === undefined ? {} : { object_marking_refs: refs }),
    extensions: { [TANDEM_EXTENSIONS.sharing]: sharingExtension(row, derivedFrom) },
  };
}

/**
 * The primary object's common properties, with `properties` (its own) and
 * `extensions` (more extensions beside the sharing one) added.
 */
export function primaryObject(
  row: RecordRow,
  stixType: string,
  properties: Record<string, unknown>,
  extensions: Record<string, Extension> = {},
): StixObject {
  const common = commonOf(row, stixType, stixIdOf(row.id, stixType));
  return { ...common, ...properties, extensions: { ...common.extensions, ...extensions } };
}

/** An object derived from the primary (a location, a relationship), named by `purpose`. */
export function derivedObject(
  row: RecordRow,
  primaryId: string,
  stixType: string,
  purpose: string,
  properties: Record<string, unknown>,
): StixObject {
  const common = commonOf(row, stixType, derivedId(stixType, primaryId, purpose), primaryId);
  return { ...common, ...properties, extensions: common.extensions };
}

/** `primary --relationshipType--> target`, derived from the record. */
export function derivedRelationship(
  row: RecordRow,
  sourceRef: string,
  relationshipType: string,
  targetRef: string,
  primaryId: string,
): StixObject {
  return derivedObject(
    row,
    primaryId,
    'relationship',
    `${relationshipType}#${sourceRef}#${targetRef}`,
    {
      relationship_type: relationshipType,
      source_ref: sourceRef,
      target_ref: targetRef,
    },
  );
}

/** UTC with milliseconds, as Tandem writes every time, so that text order is time order. */
export const stixTimestamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'not a UTC timestamp with milliseconds')
  .refine((text) => {
    const time = Date.parse(text);
    return !Number.isNaN(time) && new Date(time).toISOString() === text;
  }, 'not a real time');

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const organisationRef = z
  .string()
  .regex(new RegExp(`^identity--${UUID}$`), 'not an organisation (identity) id');

const sharingSchema = z.object({
  extension_type: z.literal('property-extension'),
  record_type: z.string(),
  releasable_to: sharingInputSchema.shape.releasableTo.unwrap().min(1).optional(),
  contains_personal_data: z.boolean(),
  legal_basis: z.string().trim().min(1).max(2_000).optional(),
  derived_from: z.string().optional(),
});

const commonSchema = z.object({
  type: z.string(),
  spec_version: z.literal('2.1'),
  id: z.string(),
  created: stixTimestamp,
  modified: stixTimestamp,
  created_by_ref: organisationRef,
  revoked: z.boolean().optional(),
  extensions: z.record(z.string(), z.record(z.string(), z.unknown())),
});

/** A zod failure as one short reason: the first issue's path and message. */
export function reasonOf(error: z.ZodError, prefix = ''): string {
  const issue = error.issues[0];
  if (issue === undefined) return `${prefix}malformed`;
  const path = issue.path.map(String).join('.');
  return `${prefix}${path === '' ? '' : `${path}: `}${issue.message}`;
}

/** The extension `id` of an object, when it is an object. */
export function extensionOf(object: StixObject, id: string): Extension | undefined {
  const extension = object.extensions?.[id];
  return extension !== null && typeof extension === 'object' && !Array.isArray(extension)
    ? extension
    : undefined;
}

/** A property extension's own properties (without `extension_type`), when it is one. */
export function propertyExtension(object: StixObject, id: string): Extension | undefined {
  const extension = extensionOf(object, id);
  if (extension?.extension_type !== 'property-extension') return undefined;
  const properties = { ...extension };
  delete properties.extension_type;
  return properties;
}

/**
 * The common properties and sharing fields of a received primary object of
 * `recordType`, whose STIX type must be one of `stixTypes`.
 */
export function readEnvelope(
  object: StixObject,
  recordType: string,
  stixTypes: readonly string[],
): Result<Envelope, string> {
  const common = commonSchema.safeParse(object);
  if (!common.success) return fail(reasonOf(common.error));
  const { type, id, created, modified, created_by_ref: createdBy } = common.data;
  if (!stixTypes.includes(type))
    return fail(`type ${type.slice(0, 60)} is not ${stixTypes.join(' or ')}`);
  if (splitId(id)?.type !== type) return fail(`id is not of type ${type}`);
  if (modified < created) return fail('modified is before created');
  const marking = markingOf(object.object_marking_refs);
  if (!marking.ok) return marking;
  const sharing = sharingSchema.safeParse(common.data.extensions[TANDEM_EXTENSIONS.sharing]);
  if (!sharing.success) return fail(reasonOf(sharing.error, 'sharing extension: '));
  if (sharing.data.record_type !== recordType) return fail(`record_type is not ${recordType}`);
  if (sharing.data.derived_from !== undefined) return fail('a derived object, not a record');
  return ok({
    id: tandemIdOf(id),
    stixType: type,
    createdBy,
    marking: marking.value,
    releasableTo: sharing.data.releasable_to ?? [],
    created,
    modified,
    revoked: common.data.revoked === true,
    containsPersonalData: sharing.data.contains_personal_data,
    legalBasis: sharing.data.legal_basis ?? null,
  });
}

/** The version a receiver stores: received, written by no user of this node. */
export function receivedVersion(
  envelope: Envelope,
  recordType: string,
  body: Record<string, unknown>,
): RecordVersionInput {
  return {
    id: envelope.id,
    type: recordType,
    createdBy: envelope.createdBy,
    createdByUser: null,
    marking: envelope.marking,
    releasableTo: envelope.releasableTo,
    created: envelope.created,
    modified: envelope.modified,
    revoked: envelope.revoked,
    receivedFromPeer: true,
    containsPersonalData: envelope.containsPersonalData,
    legalBasis: envelope.legalBasis,
    body,
  };
}

/**
 * A body checked by the module's own input schema, given the sharing fields
 * the schema demands; the sharing fields are taken out again (they live in
 * the record's columns). Whatever the schema does not know is dropped. The
 * receiver takes the schema's output from checked-bodies.ts instead of
 * parsing the body again.
 */
export function parseModuleBody(
  schema: z.ZodType,
  candidate: Record<string, unknown>,
  envelope: Envelope,
): Result<Record<string, unknown>, string> {
  const parsed = schema.safeParse({
    ...candidate,
    marking: envelope.marking,
    releasableTo: envelope.releasableTo,
  });
  if (!parsed.success) return fail(reasonOf(parsed.error, 'body: '));
  if (parsed.data === null || typeof parsed.data !== 'object') return fail('body: not an object');
  const body: Record<string, unknown> = { ...(parsed.data as Record<string, unknown>) };
  delete body.marking;
  delete body.releasableTo;
  rememberChecked(body, schema, envelope, parsed.data);
  return ok(body);
}

/**
 * Runs a mapper's reading so that nothing a peer sends can make it throw
 * (a body nested deep enough to overflow the stack, say): it fails instead.
 */
export function neverThrows<T>(read: () => Result<T, string>): Result<T, string> {
  try {
    return read();
  } catch {
    return fail('malformed object');
  }
}
