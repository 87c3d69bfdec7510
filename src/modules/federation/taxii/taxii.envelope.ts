/**
 * TAXII 2.1 message bodies: the envelope a client POSTs (read with each
 * object's exact text kept) and the envelope, manifest and versions
 * resources answered for a page of objects. Envelopes are assembled by
 * splicing each served object's JSON text, never by re-serialising objects.
 * Pure: no I/O, no policy.
 */
import { fail, ok, type Result } from '../../../core/result.js';
import { objectsArrayTexts } from './json-slices.js';
import { STIX_MEDIA_TYPE } from './taxii.media.js';
import type { ObjectsPage, ServedObject } from './taxii.contract.js';

/** One object of a POSTed envelope: its parsed value and its text exactly as it arrived. */
export interface EnvelopeObject {
  value: unknown;
  json: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The objects of a TAXII envelope (`{ "objects": [...] }`; other members are ignored). */
export function readEnvelope(body: Buffer): Result<EnvelopeObject[], 'envelope_malformed'> {
  const text = body.toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fail('envelope_malformed', 'the body is not JSON');
  }
  if (!isRecord(parsed)) return fail('envelope_malformed', 'the body is not a JSON object');
  const values = parsed.objects;
  if (values === undefined) return ok([]);
  if (!Array.isArray(values)) return fail('envelope_malformed', '"objects" is not an array');
  const texts = objectsArrayTexts(text);
  // Both readings of one valid document agree; a mismatch would be a scanner bug, refused rather than stored.
  if (texts?.length !== values.length) {
    return fail('envelope_malformed', 'the objects could not be read');
  }
  const list: readonly unknown[] = values;
  return ok(list.map((value, index) => ({ value, json: texts[index] ?? '' })));
}

/** The TAXII envelope of a page, as JSON text. `objects` is left out when there are none (TAXII 2.1, 3.7). */
export function envelopeJson(page: ObjectsPage): string {
  let json = `{"more":${page.more ? 'true' : 'false'}`;
  if (page.more && page.next !== undefined) json += `,"next":${JSON.stringify(page.next)}`;
  if (page.objects.length > 0) {
    json += `,"objects":[${page.objects.map((object) => object.json).join(',')}]`;
  }
  return `${json}}`;
}

export interface ManifestRecord {
  id: string;
  date_added: string;
  version: string;
  media_type: string;
}

export function manifestOf(page: ObjectsPage): {
  more: boolean;
  next?: string;
  objects?: ManifestRecord[];
} {
  return {
    more: page.more,
    ...(page.more && page.next !== undefined ? { next: page.next } : {}),
    ...(page.objects.length > 0
      ? {
          objects: page.objects.map((object) => ({
            id: object.id,
            date_added: object.dateAdded,
            version: object.version,
            media_type: STIX_MEDIA_TYPE,
          })),
        }
      : {}),
  };
}

export function versionsOf(page: ObjectsPage): {
  more: boolean;
  next?: string;
  versions?: string[];
} {
  return {
    more: page.more,
    ...(page.more && page.next !== undefined ? { next: page.next } : {}),
    ...(page.objects.length > 0 ? { versions: page.objects.map((object) => object.version) } : {}),
  };
}

/** The X-TAXII-Date-Added-First/Last headers of a page (none for an empty page). */
export function dateAddedHeaders(objects: readonly ServedObject[]): Record<string, string> {
  const first = objects.at(0);
  const last = objects.at(-1);
  if (!first || !last) return {};
  return { 'x-taxii-date-added-first': first.dateAdded, 'x-taxii-date-added-last': last.dateAdded };
}
