/**
 * Record types STIX has no object for (sites, movements, working groups,
 * meetings, decisions, action items, programmes) as new STIX object types
 * `x-tandem-…`, each defined by its own `new-sdo` extension-definition. The
 * body's fields become top-level properties by the reversible naming of
 * property-names.ts; a field whose name is one of STIX's common properties
 * (a site's `type`) is prefixed with the record type (`site_type`). The
 * module's own schema checks what comes back (custom-bodies.ts).
 */
import { fail, ok, type Result } from '../../../../core/result.js';
import type { RecordRow } from '../../../records/records.repository.js';
import {
  bodyOfRow,
  extensionOf,
  neverThrows,
  primaryObject,
  readEnvelope,
  receivedVersion,
  type Envelope,
} from '../envelope.js';
import { NEW_SDO_EXTENSIONS, type TandemObjectType } from '../extension-definitions.js';
import { fromStixProperties, toStixProperties } from '../property-names.js';
import type { StixMapper, StixObject } from '../stix.types.js';

/** Properties every STIX object may have: they are never a body field. */
const COMMON_PROPERTIES: ReadonlySet<string> = new Set([
  'type',
  'spec_version',
  'id',
  'created',
  'modified',
  'created_by_ref',
  'revoked',
  'labels',
  'confidence',
  'lang',
  'external_references',
  'object_marking_refs',
  'granular_markings',
  'extensions',
]);

export interface CustomRecordType {
  recordType: string;
  stixType: TandemObjectType;
  /** The body fields that are sent, when not all are (a movement sends its summary only). */
  sentFields?: readonly string[];
  /** The body rebuilt from received fields, checked by the module's schema. */
  parseBody(
    candidate: Record<string, unknown>,
    envelope: Envelope,
  ): Result<Record<string, unknown>, string>;
}

export function customMapper(type: CustomRecordType): StixMapper {
  const prefix = `${type.recordType.replaceAll('-', '_')}_`;
  const escape = (name: string) => (COMMON_PROPERTIES.has(name) ? `${prefix}${name}` : name);
  const unescape = (name: string) =>
    name.startsWith(prefix) && COMMON_PROPERTIES.has(name.slice(prefix.length))
      ? name.slice(prefix.length)
      : name;
  const extensionId = NEW_SDO_EXTENSIONS[type.stixType];

  function toStix(row: RecordRow): StixObject[] {
    const body = bodyOfRow(row);
    const sent =
      type.sentFields === undefined
        ? body
        : Object.fromEntries(
            type.sentFields.filter((key) => key in body).map((key) => [key, body[key]]),
          );
    const properties = Object.fromEntries(
      Object.entries(toStixProperties(sent)).map(([name, value]) => [escape(name), value]),
    );
    return [
      primaryObject(row, type.stixType, properties, {
        [extensionId]: { extension_type: 'new-sdo' },
      }),
    ];
  }

  function fromStix(primary: StixObject) {
    return neverThrows(() => {
      const envelope = readEnvelope(primary, type.recordType, [type.stixType]);
      if (!envelope.ok) return envelope;
      if (extensionOf(primary, extensionId)?.extension_type !== 'new-sdo') {
        return fail(`no ${type.stixType} extension`);
      }
      const own = Object.fromEntries(
        Object.entries(primary)
          .filter(([name]) => !COMMON_PROPERTIES.has(name))
          .map(([name, value]) => [unescape(name), value]),
      );
      const body = type.parseBody(fromStixProperties(own), envelope.value);
      if (!body.ok) return body;
      return ok(receivedVersion(envelope.value, type.recordType, body.value));
    });
  }

  return { recordType: type.recordType, stixType: type.stixType, toStix, fromStix };
}
