/** Test factories with overrides: buildIncidentInput({ marking: 'TLP:RED' }). */
import type { IncidentInput } from '../../src/modules/incidents/incidents.schema.js';

export function buildIncidentInput(overrides: Partial<IncidentInput> = {}): IncidentInput {
  return {
    eventDate: '2024-03-26',
    timePrecision: 1,
    eventType: 'Explosions/Remote violence',
    subEventType: 'Suicide bomb',
    actor1: { name: 'Unidentified armed group', inter: 2 },
    place: { name: 'Besham', country: 'PK', lat: 34.92, lon: 72.87, geoPrecision: 2 },
    fatalities: {
      total: 6,
      byNationality: [
        { country: 'CN', count: 5 },
        { country: 'PK', count: 1 },
      ],
    },
    injured: { total: 0, byNationality: [] },
    narrative: 'Vehicle-borne suicide attack on a convoy of engineers near Besham.',
    language: 'en',
    sources: [{ name: 'Press reports' }],
    marking: 'TLP:GREEN',
    releasableTo: [],
    ...overrides,
  };
}
