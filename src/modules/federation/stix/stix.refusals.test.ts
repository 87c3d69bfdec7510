/**
 * What a peer sends is read, never trusted: every malformed object is
 * refused with a short reason (no marking, an unknown or ambiguous one,
 * ids of the wrong type, a bad originator or timestamp, a body the
 * module's schema refuses…), and no input whatever makes a mapper throw.
 */
import { describe, expect, it } from 'vitest';
import { newId } from '../../../core/ids.js';
import { TLP_MARKING_DEFINITION_IDS } from './markings.js';
import { organisationFromStix } from './organisation.js';
import {
  isDerivedObject,
  mapperForRecordType,
  mapperForStixObject,
  STIX_MAPPERS,
} from './registry.js';
import { TANDEM_EXTENSIONS, type StixObject } from './stix.types.js';
import {
  at,
  extension,
  listAt,
  mapperOf,
  primaryOf,
  ROWS,
  sharing,
  SITE,
  USER,
  uuidOf,
  type Sample,
  type Spoil,
} from './test-support/spoilable.js';

const REFUSALS: [string, Sample, Spoil, string][] = [
  ['no marking', 'incident', (o) => delete o.object_marking_refs, 'no object_marking_refs'],
  ['an empty marking list', 'incident', (o) => (o.object_marking_refs = []), 'not a list'],
  [
    'a TLP 1.0 marking',
    'incident',
    (o) => (o.object_marking_refs = ['marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9']),
    'unknown marking',
  ],
  [
    'an unknown marking beside a known one',
    'incident',
    (o) => o.object_marking_refs?.push('marking-definition--6b7d9a4e-12f0-4c5e-9d33-2f1a0c9b8e71'),
    'unknown marking',
  ],
  [
    'two TLP levels',
    'incident',
    (o) => o.object_marking_refs?.push(TLP_MARKING_DEFINITION_IDS['TLP:RED']),
    'more than one TLP marking',
  ],
  [
    'an id of another type',
    'incident',
    (o) => (o.id = `report--${uuidOf(o.id)}`),
    'id is not of type incident',
  ],
  ['an id that is no id', 'incident', (o) => (o.id = 'incident--42'), 'id is not of type incident'],
  [
    'a type the mapper does not read',
    'incident',
    (o) => (o.type = 'report'),
    'type report is not incident',
  ],
  ['an originator that is a user', 'incident', (o) => (o.created_by_ref = USER), 'created_by_ref'],
  ['no originator', 'incident', (o) => delete o.created_by_ref, 'created_by_ref'],
  [
    'a time without milliseconds',
    'incident',
    (o) => (o.created = '2026-11-28T09:00:00Z'),
    'created: not a UTC timestamp',
  ],
  [
    'a day that does not exist',
    'incident',
    (o) => (o.modified = '2026-02-30T09:00:00.000Z'),
    'modified: not a real time',
  ],
  [
    'modified before created',
    'incident',
    (o) => (o.modified = '2026-11-28T08:00:00.000Z'),
    'modified is before created',
  ],
  ['STIX 2.0', 'incident', (o) => (o.spec_version = '2.0'), 'spec_version'],
  ['revoked that is not a boolean', 'incident', (o) => (at(o).revoked = 'yes'), 'revoked'],
  [
    'no sharing extension',
    'incident',
    (o) => delete o.extensions?.[TANDEM_EXTENSIONS.sharing],
    'sharing extension',
  ],
  [
    'a release list naming no one',
    'incident',
    (o) => (sharing(o).releasable_to = ['everyone']),
    'releasable_to',
  ],
  [
    'no word on personal data',
    'incident',
    (o) => delete sharing(o).contains_personal_data,
    'contains_personal_data',
  ],
  [
    'the sharing extension of another record type',
    'incident',
    (o) => (sharing(o).record_type = 'site'),
    'record_type is not incident',
  ],
  [
    'a derived object as a record',
    'incident',
    (o) => (sharing(o).derived_from = o.id),
    'a derived object',
  ],
  [
    'no incident extension',
    'incident',
    (o) => delete o.extensions?.[TANDEM_EXTENSIONS.incident],
    'no Tandem incident extension',
  ],
  [
    'a sub-event type of another event type',
    'incident',
    (o) => (extension(o, TANDEM_EXTENSIONS.incident).sub_event_type = 'Peaceful protest'),
    'body: subEventType',
  ],
  [
    'a casualty count that is no number',
    'incident',
    (o) => (at(extension(o, TANDEM_EXTENSIONS.incident), 'fatalities').total = 'six'),
    'body: fatalities',
  ],
  [
    'a site link naming a movement',
    'incident',
    (o) =>
      (extension(o, TANDEM_EXTENSIONS.incident).site_ref = `x-tandem-movement--${uuidOf(SITE)}`),
    'body: siteId',
  ],
  [
    'a report that is no threat report',
    'threat-report',
    (o) => (o.report_types = ['campaign']),
    'report_types',
  ],
  ['no publication time', 'threat-report', (o) => delete o.published, 'published'],
  [
    'a confidence above 100',
    'threat-report',
    (o) => (o.confidence = 101),
    'confidence is not within',
  ],
  [
    'a confidence that is no integer',
    'threat-report',
    (o) => (o.confidence = 70.5),
    'confidence is not an integer',
  ],
  [
    'an unknown report status',
    'threat-report',
    (o) => (extension(o, TANDEM_EXTENSIONS.intel).status = 'secret'),
    'intel extension: status',
  ],
  [
    'a reliability beyond F',
    'threat-report',
    (o) => (extension(o, TANDEM_EXTENSIONS.intel).source_reliability = 'G'),
    'body: sourceReliability',
  ],
  [
    'no intel extension',
    'threat-report',
    (o) => delete o.extensions?.[TANDEM_EXTENSIONS.intel],
    'no Tandem intel extension',
  ],
  [
    'a note on two subjects',
    'note',
    (o) => listAt(o, 'object_refs').push(newId('incident')),
    'must name exactly the subject',
  ],
  [
    'a note on a threat actor',
    'note',
    (o) => (o.object_refs = [newId('threat-actor')]),
    'body: subjectId',
  ],
  [
    'an unknown corroboration kind',
    'note',
    (o) => (extension(o, TANDEM_EXTENSIONS.intel).kind = 'maybe'),
    'body: kind',
  ],
  ['a sighting with no first_seen', 'sighting', (o) => delete o.first_seen, 'first_seen'],
  [
    'a sighting of a site',
    'sighting',
    (o) => (o.sighting_of_ref = `x-tandem-site--${uuidOf(SITE)}`),
    'body: subjectId',
  ],
  [
    'a site without its new-sdo extension',
    'site',
    (o) => delete o.extensions?.['extension-definition--0c653aee-fc8e-4c44-bb2d-24a92025b14e'],
    'no x-tandem-site extension',
  ],
  ['an unknown posture', 'site', (o) => (o.posture_level = 'relaxed'), 'body: postureLevel'],
  [
    'a site whose operator is no organisation',
    'site',
    (o) => (o.operator_org_ref = USER),
    'body: operatorOrgId',
  ],
  [
    'a movement ending at an incident',
    'movement',
    (o) => (at(o, 'destination').site_ref = newId('incident')),
    'body: destination.siteId',
  ],
  [
    'a movement arriving before it leaves',
    'movement',
    (o) => (o.planned_arrival = '2026-11-29T03:00:00.000Z'),
    'body: plannedArrival',
  ],
  ['a movement without its route', 'movement', (o) => delete o.route, 'body: route'],
  [
    'a progress note by no one',
    'action-item',
    (o) => (at(o, 'progress_notes', 0).by_user = 'someone'),
    'body: progressNotes',
  ],
];

describe('reading STIX objects from a peer', () => {
  it('reads every unspoilt sample (so each refusal below is the spoiling’s doing)', () => {
    for (const sample of Object.keys(ROWS) as Sample[]) {
      expect(mapperOf(sample).fromStix(primaryOf(sample)).ok, sample).toBe(true);
    }
  });

  it.each(REFUSALS)('refuses %s', (_name, sample, spoil, reason) => {
    const object = primaryOf(sample);
    spoil(object);
    const result = mapperOf(sample).fromStix(object);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain(reason);
    expect(result.error.length).toBeLessThanOrEqual(200);
  });

  it('never throws, whatever it is given', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const deepIncident = primaryOf('incident');
    extension(deepIncident, TANDEM_EXTENSIONS.incident).sources = deep;
    const junk: unknown[] = [
      null,
      undefined,
      42,
      'incident',
      [],
      {},
      { type: 'incident' },
      deepIncident,
    ];
    for (const mapper of STIX_MAPPERS) {
      for (const value of junk) {
        const result = mapper.fromStix(value as StixObject);
        expect(result.ok, `${mapper.recordType}`).toBe(false);
      }
    }
    for (const value of junk) expect(organisationFromStix(value as StixObject).ok).toBe(false);
  });
});

describe('choosing the mapper of a received object', () => {
  it('takes the STIX type, and the record type where several share it', () => {
    expect(mapperForStixObject(primaryOf('sighting'))).toBe(mapperForRecordType('corroboration'));
    expect(mapperForStixObject(primaryOf('site'))).toBe(mapperForRecordType('site'));
  });

  it('leaves types Tandem does not model, and derived locations, to be passed on as they are', () => {
    expect(
      mapperForStixObject({ type: 'malware', id: `malware--${uuidOf(SITE)}` }),
    ).toBeUndefined();
    const location = {
      type: 'location',
      id: `location--${uuidOf(SITE)}`,
      extensions: { [TANDEM_EXTENSIONS.sharing]: { derived_from: primaryOf('incident').id } },
    };
    expect(isDerivedObject(location)).toBe(true);
    expect(mapperForStixObject(location)).toBeUndefined();
  });

  it('gives an incident from elsewhere to the incident mapper, which refuses it', () => {
    const foreign = primaryOf('incident');
    delete foreign.extensions?.[TANDEM_EXTENSIONS.sharing];
    const mapper = mapperForStixObject(foreign);
    expect(mapper).toBe(mapperForRecordType('incident'));
    expect(mapper?.fromStix(foreign).ok).toBe(false);
  });

  it('never takes a record that claims to be derived for a derived object', () => {
    const claim = primaryOf('incident');
    sharing(claim).derived_from = claim.id;
    expect(isDerivedObject(claim)).toBe(false);
    expect(mapperForStixObject(claim)?.fromStix(claim)).toMatchObject({
      ok: false,
      error: 'a derived object, not a record',
    });
  });
});
