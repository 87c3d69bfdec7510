/**
 * Everything Tandem emits in STIX is valid by the official STIX 2.1 JSON
 * schemas (OASIS cti-stix2-json-schemas): every object of every record type
 * (primary and derived), as mapped and as signed for a peer, organisations,
 * the TLP 2.0 marking-definitions and Tandem's extension-definitions.
 * x-tandem-* types are judged by core.json, the common rules of every object.
 * No error of any kind is tolerated (Tandem's ids are version-4 UUIDs, which
 * identifier.json requires; core/ids.ts says how they stay time-ordered).
 */
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildUser, startTestApp, type TestApp } from '../../../../test/support/app.js';
import { describeEachEngine } from '../../../../test/support/storage.js';
import { findOrganisation } from '../../identity/organisations.repository.js';
import { TANDEM_EXTENSION_DEFINITIONS, TANDEM_PROJECT_IDENTITY } from './extension-definitions.js';
import { TLP_MARKING_DEFINITIONS } from './markings.js';
import { organisationToStix } from './organisation.js';
import { mapperForRecordType } from './registry.js';
import type { StixObject } from './stix.types.js';
import { signObject } from '../provenance.js';
import {
  describeWithOfficialSchemas,
  type OfficialSchemas,
} from './test-support/official-schemas.js';
import { writeSampleRecords } from './test-support/sample-records.js';

const NODE_KEY = {
  nodeId: 'identity--01a22465-4e75-4000-9e2c-995dd4e60181',
  keyId: 'test-key',
  privateKey: generateKeyPairSync('ed25519').privateKey,
};

/** STIX property names (`id`, or a–z, 0–9 and _, 3–250 characters) at every depth, extension ids aside. */
function badPropertyNames(value: unknown, path = ''): string[] {
  if (Array.isArray(value))
    return value.flatMap((item, i) => badPropertyNames(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([name, inner]) => {
    const here = `${path}.${name}`;
    if (name === 'extensions') {
      return Object.values(inner as object).flatMap((ext) => badPropertyNames(ext, here));
    }
    const bad = /^(id|[a-z][a-z0-9_]{2,249})$/.test(name) ? [] : [here];
    return [...bad, ...badPropertyNames(inner, here)];
  });
}

function expectValid(schemas: OfficialSchemas, object: StixObject, label: string): void {
  const what = `${label}: ${object.type} (${schemas.schemaFileFor(object.type)})`;
  expect(schemas.errorsOf(object), what).toEqual([]);
  expect(badPropertyNames(object), what).toEqual([]);
}

describeWithOfficialSchemas('STIX objects against the official STIX 2.1 schemas', (schemas) => {
  it('accepts the five TLP 2.0 marking-definitions', () => {
    expect(TLP_MARKING_DEFINITIONS).toHaveLength(5);
    for (const marking of TLP_MARKING_DEFINITIONS) expectValid(schemas(), marking, 'TLP');
  });

  it('accepts Tandem’s extension-definitions and the identity that publishes them', () => {
    expect(TANDEM_EXTENSION_DEFINITIONS.length).toBe(12);
    for (const definition of TANDEM_EXTENSION_DEFINITIONS) {
      expectValid(schemas(), definition, String(definition.name));
    }
    expectValid(schemas(), TANDEM_PROJECT_IDENTITY, 'publisher');
  });

  it('refuses what STIX forbids, so that passing means something', () => {
    const valid = TANDEM_PROJECT_IDENTITY;
    const refused: StixObject[] = [
      { ...valid, type: 'report', id: valid.id.replace('identity', 'report'), object_refs: [] },
      { ...valid, type: 'location', id: valid.id.replace('identity', 'location') },
      { ...valid, type: 'x-tandem-site', id: valid.id.replace('identity', 'x-tandem-site'), ab: 1 },
      { ...valid, created: '2026-11-28' },
    ];
    for (const object of refused) {
      expect(schemas().errorsOf(object), JSON.stringify(object)).not.toEqual([]);
    }
  });

  describeEachEngine('every object emitted for every record type', (database) => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(database());
    });
    afterAll(async () => t.close());

    it('accepts the primary and derived objects of every sample record', async () => {
      const samples = await writeSampleRecords(t);
      const types = new Set<string>();
      for (const { label, row } of samples) {
        const mapper = mapperForRecordType(row.type);
        expect(mapper, label).toBeDefined();
        for (const object of mapper?.toStix(row) ?? []) {
          types.add(object.type);
          expectValid(schemas(), object, label);
          expectValid(schemas(), signObject(object, NODE_KEY), `${label}, signed`);
        }
      }
      // Every kind of object the mappers make was judged, by its own schema where STIX has one.
      expect([...types].sort()).toEqual([
        'incident',
        'location',
        'note',
        'relationship',
        'report',
        'sighting',
        'threat-actor',
        'x-tandem-action-item',
        'x-tandem-decision',
        'x-tandem-meeting',
        'x-tandem-movement',
        'x-tandem-programme',
        'x-tandem-site',
        'x-tandem-working-group',
      ]);
    });

    it('accepts an organisation as an identity', async () => {
      const { orgId } = await buildUser(t.context);
      const row = await findOrganisation(t.context.storage.db, orgId);
      expect(row).toBeDefined();
      if (row) expectValid(schemas(), organisationToStix(row), 'organisation');
    });
  });
});
