/**
 * Valid primary objects of every kind of record, made from hand-built rows
 * (no database), and the helpers that spoil them: the material of the
 * refusal tests.
 */
import {
  buildCorroborationInput,
  buildIncidentInput,
  buildThreatReportInput,
} from '../../../../../test/support/factories.js';
import { newId } from '../../../../core/ids.js';
import { incidentInputSchema } from '../../../incidents/incidents.schema.js';
import { incidentBody } from '../../../incidents/incidents.service.js';
import { bodyOf } from '../../../intel/intel.records.js';
import { corroborationInputSchema, threatReportInputSchema } from '../../../intel/intel.schema.js';
import { reportBody } from '../../../intel/reports.write.service.js';
import type { RecordRow } from '../../../records/records.repository.js';
import { siteInputSchema } from '../../../sites/sites.schema.js';
import { mapperForRecordType } from '../registry.js';
import { TANDEM_EXTENSIONS, type StixMapper, type StixObject } from '../stix.types.js';

export const ORG = newId('identity');
export const PARTNER = newId('identity');
export const USER = newId('user');
export const SITE = newId('site');

export function rowOf(type: string, body: object): RecordRow {
  return {
    id: newId(type),
    type,
    created_by: ORG,
    created_by_user: USER,
    marking: 'TLP:AMBER',
    marking_valid: 1,
    releasable_to: JSON.stringify([PARTNER]),
    created: '2026-11-28T09:00:00.000Z',
    modified: '2026-11-28T10:00:00.000Z',
    revoked: 0,
    received_from_peer: 0,
    contains_personal_data: 0,
    legal_basis: null,
    body: JSON.stringify(body),
  };
}

export const ROWS = {
  incident: rowOf('incident', incidentBody(incidentInputSchema.parse(buildIncidentInput()))),
  'threat-report': rowOf(
    'threat-report',
    reportBody(
      threatReportInputSchema.parse(buildThreatReportInput()),
      'published',
      '2026-11-28T09:30:00.000Z',
    ),
  ),
  note: rowOf(
    'corroboration',
    bodyOf(
      corroborationInputSchema.parse(
        buildCorroborationInput(newId('threat-report'), { kind: 'deny' }),
      ),
    ),
  ),
  sighting: rowOf(
    'corroboration',
    bodyOf(
      corroborationInputSchema.parse(
        buildCorroborationInput(newId('incident'), { observedAt: '2026-11-27T08:00:00.000Z' }),
      ),
    ),
  ),
  site: rowOf(
    'site',
    bodyOf(
      siteInputSchema.parse({
        name: 'Dasu Hydropower Project',
        type: 'hydropower',
        location: { kind: 'point', lat: 35.3, lon: 73.22 },
        bufferKm: 5,
        operatorOrgId: ORG,
        guardOrgId: PARTNER,
        postureLevel: 'heightened',
        marking: 'TLP:AMBER',
      }),
    ),
  ),
  movement: rowOf('movement', {
    title: 'Engineers to Dasu',
    origin: { siteId: null, name: 'Islamabad', lat: 33.72, lon: 73.04 },
    destination: { siteId: SITE, name: 'Dasu', lat: 35.29, lon: 73.29 },
    waypoints: [],
    route: {
      type: 'LineString',
      coordinates: [
        [73.04, 33.72],
        [73.29, 35.29],
      ],
    },
    plannedDeparture: '2026-11-29T04:00:00.000Z',
    plannedArrival: '2026-11-29T12:00:00.000Z',
    vehicles: [],
    passengers: [{ nationality: 'CN', count: 3 }],
    corridorKm: 10,
    checkinIntervalMinutes: 30,
    notes: '',
  }),
  'action-item': rowOf('action-item', {
    decisionId: newId('decision'),
    title: 'Draft the procedure',
    ownerOrgId: PARTNER,
    dueDate: '2026-12-15',
    status: 'open',
    progressNotes: [{ at: '2026-11-28T09:30:00.000Z', byUser: USER, text: 'Started.' }],
  }),
};
export type Sample = keyof typeof ROWS;

export function mapperOf(sample: Sample): StixMapper {
  const mapper = mapperForRecordType(ROWS[sample].type);
  if (!mapper) throw new Error(`no mapper for ${sample}`);
  return mapper;
}

/** A fresh, valid primary object of the sample, to spoil. */
export function primaryOf(sample: Sample): StixObject {
  const [primary] = mapperOf(sample).toStix(ROWS[sample]);
  if (!primary) throw new Error(`no primary object for ${sample}`);
  return JSON.parse(JSON.stringify(primary)) as StixObject;
}

/** The object found along `path` (an object, or a list when asked with listAt). */
export function at(value: unknown, ...path: (string | number)[]): Record<string, unknown> {
  let current = value;
  for (const step of path) current = (current as Record<string | number, unknown>)[step];
  if (current === null || typeof current !== 'object')
    throw new Error(`nothing at ${path.join('.')}`);
  return current as Record<string, unknown>;
}
export function listAt(value: unknown, ...path: (string | number)[]): unknown[] {
  const found: unknown = at(value, ...path);
  if (!Array.isArray(found)) throw new Error(`no list at ${path.join('.')}`);
  return found;
}
export const extension = (object: StixObject, id: string) => at(object, 'extensions', id);
export const sharing = (object: StixObject) => extension(object, TANDEM_EXTENSIONS.sharing);
export const uuidOf = (id: string) => id.split('--')[1] ?? '';

export type Spoil = (object: StixObject) => void;
