/**
 * Tandem's STIX 2.1 extension-definitions: the property extensions every
 * node writes (sharing, provenance, incident, intel, organisation) and one
 * `new-sdo` extension per record type that STIX has no object for
 * (x-tandem-site, x-tandem-movement, …). Ids and contents are published
 * once and never change: a new meaning gets a new version and id, so that
 * objects already exchanged keep the meaning they were written with.
 *
 * Data only; which objects carry which extension is the mappers' business.
 */
import { TLP_MARKING_DEFINITION_IDS } from './markings.js';
import { TANDEM_EXTENSIONS, type StixObject } from './stix.types.js';

/** The identity that publishes Tandem's extension-definitions (the project, not a node). */
export const TANDEM_PROJECT_IDENTITY_ID = 'identity--2c9ad3ad-7ae0-4f68-8c8c-929ae2962df4';

/** OASIS's Incident Core extension (Incident Extension Suite, cti-stix-common-objects). */
export const INCIDENT_CORE_EXTENSION = 'extension-definition--ef765651-680c-498d-9894-99799f2fa126';

/** Property extension on an organisation's `identity`: its country and kind. */
export const ORGANISATION_EXTENSION = 'extension-definition--f349e60b-3d3d-4aab-85b1-0f9993e3fa33';

/** The `new-sdo` extension that defines each Tandem object type, by STIX type. */
export const NEW_SDO_EXTENSIONS = {
  'x-tandem-site': 'extension-definition--0c653aee-fc8e-4c44-bb2d-24a92025b14e',
  'x-tandem-movement': 'extension-definition--8cbb695b-5984-45a2-abd8-876d81383c86',
  'x-tandem-working-group': 'extension-definition--5bf7dcf2-44fb-443f-8e90-8d8b0ea2462f',
  'x-tandem-meeting': 'extension-definition--06224cf2-ccf5-4e72-96c1-9994a05835e7',
  'x-tandem-decision': 'extension-definition--ab0e0588-050e-47e1-a37f-6ae18e8c0844',
  'x-tandem-action-item': 'extension-definition--51fcd778-b834-4a48-9bce-c34bf4b2dd14',
  'x-tandem-programme': 'extension-definition--035c7de4-9612-4395-bde3-f71f9801f047',
} as const;
export type TandemObjectType = keyof typeof NEW_SDO_EXTENSIONS;

const PUBLISHED = '2026-11-28T00:00:00.000Z';
const SCHEMA_BASE = 'https://tandem.example/stix/extensions';

/** The project's identity, so that `created_by_ref` of the definitions resolves in a bundle. */
export const TANDEM_PROJECT_IDENTITY: StixObject = {
  type: 'identity',
  spec_version: '2.1',
  id: TANDEM_PROJECT_IDENTITY_ID,
  created: PUBLISHED,
  modified: PUBLISHED,
  name: 'Tandem',
  description: 'The Tandem project: publisher of the Tandem STIX extension-definitions.',
  identity_class: 'organization',
  object_marking_refs: [TLP_MARKING_DEFINITION_IDS['TLP:CLEAR']],
};

function definition(
  id: string,
  slug: string,
  name: string,
  description: string,
  extensionType: 'property-extension' | 'new-sdo',
): StixObject {
  return {
    type: 'extension-definition',
    spec_version: '2.1',
    id,
    created: PUBLISHED,
    modified: PUBLISHED,
    created_by_ref: TANDEM_PROJECT_IDENTITY_ID,
    name,
    description,
    schema: `${SCHEMA_BASE}/${slug}/v1.json`,
    version: '1.0.0',
    extension_types: [extensionType],
    object_marking_refs: [TLP_MARKING_DEFINITION_IDS['TLP:CLEAR']],
  };
}

const PROPERTY_EXTENSIONS: readonly StixObject[] = [
  definition(
    TANDEM_EXTENSIONS.sharing,
    'sharing',
    'Tandem sharing',
    'How a Tandem record may be shared: record_type (the Tandem record type), releasable_to ' +
      '(organisation or group ids for TLP:AMBER and TLP:AMBER+STRICT, user ids for TLP:RED), ' +
      'contains_personal_data, legal_basis (when personal data may cross a border), and on ' +
      'objects derived from a record for generic consumers, derived_from (the id of the record).',
    'property-extension',
  ),
  definition(
    TANDEM_EXTENSIONS.provenance,
    'provenance',
    'Tandem provenance',
    'The originating node’s Ed25519 signature over the RFC 8785 canonical JSON of the object ' +
      'without this extension: node (the node’s identity id), key_id (first 16 bytes of the ' +
      'SHA-256 of the raw public key, base64url), signature (base64url).',
    'property-extension',
  ),
  definition(
    TANDEM_EXTENSIONS.incident,
    'incident',
    'Tandem incident',
    'ACLED coding of an incident: event_date, time_precision and geo_precision (1–3), ' +
      'event_type and sub_event_type, actor1 and actor2 (name, inter code), place, fatalities ' +
      'and injured (total, absent when unknown, and by_nationality), sources, and links to a ' +
      'protected site (site_ref) or movement (movement_ref).',
    'property-extension',
  ),
  definition(
    TANDEM_EXTENSIONS.intel,
    'intel',
    'Tandem intelligence',
    'What Tandem threat reports and corroborations carry beyond STIX: source_reliability ' +
      '(Admiralty A–F; information credibility travels as confidence), status, target_type, ' +
      'area, valid_from, valid_until, modus_operandi; on corroborations kind, observed_at, place.',
    'property-extension',
  ),
  definition(
    ORGANISATION_EXTENSION,
    'organisation',
    'Tandem organisation',
    'The country (ISO 3166-1 alpha-2) and kind of an organisation described by an identity.',
    'property-extension',
  ),
];

const NEW_SDO_DESCRIPTIONS: Readonly<Record<TandemObjectType, [string, string]>> = {
  'x-tandem-site': [
    'Tandem protected site',
    'A protected site: location, buffer, operator, guard, posture.',
  ],
  'x-tandem-movement': [
    'Tandem movement',
    'A journey as requested and agreed (route, window, vehicles, passengers by nationality, ' +
      'escort); never the named manifest.',
  ],
  'x-tandem-working-group': ['Tandem working group', 'A joint working group and its members.'],
  'x-tandem-meeting': ['Tandem meeting', 'A meeting of a working group: agenda and minutes.'],
  'x-tandem-decision': ['Tandem decision', 'A decision taken at a meeting.'],
  'x-tandem-action-item': ['Tandem action item', 'An action item of a decision, with its notes.'],
  'x-tandem-programme': [
    'Tandem programme',
    'A cooperation programme started by a decision: milestones and details by kind.',
  ],
};

const NEW_SDO_DEFINITIONS: readonly StixObject[] = (
  Object.entries(NEW_SDO_EXTENSIONS) as [TandemObjectType, string][]
).map(([type, id]) => {
  const [name, description] = NEW_SDO_DESCRIPTIONS[type];
  return definition(id, type, name, `Defines the STIX type ${type}. ${description}`, 'new-sdo');
});

/** Every extension-definition Tandem publishes. */
export const TANDEM_EXTENSION_DEFINITIONS: readonly StixObject[] = [
  ...PROPERTY_EXTENSIONS,
  ...NEW_SDO_DEFINITIONS,
];
