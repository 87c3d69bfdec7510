/**
 * Every record type survives the trip to STIX and back: records written
 * through the modules' own services, mapped to STIX, serialised as JSON,
 * and read back by the mapper give the stored version (sharing fields,
 * stamps, revocation, body), received from a peer.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/support/app.js';
import { describeEachEngine } from '../../../../test/support/storage.js';
import type { RecordRow } from '../../records/records.repository.js';
import { TLP_MARKING_DEFINITION_IDS } from './markings.js';
import {
  isDerivedObject,
  mapperForRecordType,
  mapperForStixObject,
  STIX_MAPPERS,
} from './registry.js';
import { splitId } from './stix-ids.js';
import { receivedVersionOf } from '../test-support/received-version.js';
import { TANDEM_EXTENSIONS, type StixMapper, type StixObject } from './stix.types.js';
import { writeSampleRecords, type SampleRecord } from './test-support/sample-records.js';

function mapperOf(row: RecordRow): StixMapper {
  const mapper = mapperForRecordType(row.type);
  if (!mapper) throw new Error(`no mapper for ${row.type}`);
  return mapper;
}

/** The objects as a peer receives them: JSON text, parsed. */
const overTheWire = (objects: StixObject[]): StixObject[] =>
  JSON.parse(JSON.stringify(objects)) as StixObject[];

describeEachEngine('STIX mapping of every record type', (database) => {
  let t: TestApp;
  let samples: SampleRecord[];

  beforeAll(async () => {
    t = await startTestApp(database());
    samples = await writeSampleRecords(t);
  });
  afterAll(async () => t.close());

  it('has samples of every mapped record type', () => {
    expect(new Set(samples.map((s) => s.row.type))).toEqual(
      new Set(STIX_MAPPERS.map((m) => m.recordType)),
    );
  });

  it('gives back every stored version from its primary object, as received from a peer', () => {
    for (const { label, row } of samples) {
      const [primary] = overTheWire(mapperOf(row).toStix(row));
      expect(primary, label).toBeDefined();
      if (!primary) continue;
      expect.soft(mapperOf(row).fromStix(primary), label).toEqual({
        ok: true,
        value: receivedVersionOf(row),
      });
    }
  });

  it('finds the mapper of every primary object by its STIX type, and none for derived objects', () => {
    for (const { label, row } of samples) {
      const [primary, ...derived] = mapperOf(row).toStix(row);
      expect(primary && mapperForStixObject(primary), label).toBe(mapperOf(row));
      for (const object of derived) {
        expect(isDerivedObject(object), `${label}: ${object.type}`).toBe(true);
        expect(mapperForStixObject(object), `${label}: ${object.type}`).toBeUndefined();
        expect(object.extensions?.[TANDEM_EXTENSIONS.sharing]?.derived_from).toBe(primary?.id);
      }
    }
  });

  it('names each object by its STIX type and keeps the record uuid', () => {
    const stixTypes = new Map<string, string>();
    for (const { label, row } of samples) {
      const [primary] = mapperOf(row).toStix(row);
      expect(splitId(primary?.id)?.type, label).toBe(primary?.type);
      expect(splitId(primary?.id)?.uuid, label).toBe(splitId(row.id)?.uuid);
      stixTypes.set(`${row.type}/${primary?.type ?? ''}`, label);
    }
    expect([...stixTypes.keys()].sort()).toEqual([
      'action-item/x-tandem-action-item',
      'corroboration/note',
      'corroboration/sighting',
      'decision/x-tandem-decision',
      'incident/incident',
      'meeting/x-tandem-meeting',
      'movement/x-tandem-movement',
      'programme/x-tandem-programme',
      'site/x-tandem-site',
      'threat-actor/threat-actor',
      'threat-report/report',
      'working-group/x-tandem-working-group',
    ]);
  });

  it('marks every object, derived ones too, with the record’s TLP 2.0 marking-definition', () => {
    for (const { label, row } of samples) {
      for (const object of mapperOf(row).toStix(row)) {
        expect(object.object_marking_refs, label).toEqual([
          TLP_MARKING_DEFINITION_IDS[row.marking as keyof typeof TLP_MARKING_DEFINITION_IDS],
        ]);
        expect(object.created_by_ref, label).toBe(row.created_by);
      }
    }
  });

  it('gives derived objects the same ids on every export, and different ones per record', () => {
    const seen = new Set<string>();
    for (const { row } of samples) {
      const first = mapperOf(row).toStix(row).slice(1);
      const again = mapperOf(row).toStix(row).slice(1);
      expect(again.map((o) => o.id)).toEqual(first.map((o) => o.id));
      for (const object of first) {
        expect(seen.has(object.id)).toBe(false);
        seen.add(object.id);
      }
    }
    expect(seen.size).toBeGreaterThan(5);
  });

  it('carries personal data and its legal basis, which only some records have, both ways', () => {
    const site = samples.find((s) => s.row.type === 'site');
    expect(site).toBeDefined();
    if (!site) return;
    const row: RecordRow = {
      ...site.row,
      contains_personal_data: 1,
      legal_basis: 'Bilateral agreement on the protection of nationals, art. 7',
    };
    const [primary] = overTheWire(mapperOf(row).toStix(row));
    expect(primary?.extensions?.[TANDEM_EXTENSIONS.sharing]).toMatchObject({
      contains_personal_data: true,
      legal_basis: 'Bilateral agreement on the protection of nationals, art. 7',
    });
    expect(primary && mapperOf(row).fromStix(primary)).toEqual({
      ok: true,
      value: receivedVersionOf(row),
    });
  });

  it('sends a movement’s summary only, with its escort and no manifest', () => {
    const movement = samples.find((s) => s.label === 'movement with its escort');
    expect(movement).toBeDefined();
    if (!movement) return;
    const row = {
      ...movement.row,
      body: JSON.stringify({
        ...(JSON.parse(movement.row.body) as object),
        manifest: [{ fullName: 'A. Person', nationality: 'CN', role: 'engineer' }],
      }),
    };
    const [primary] = mapperOf(row).toStix(row);
    expect(primary?.escort).toMatchObject({ unit: '34th Light Infantry', call_sign: 'Falcon 1' });
    expect(JSON.stringify(primary)).not.toContain('A. Person');
  });
});
