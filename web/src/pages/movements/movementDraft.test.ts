import { describe, expect, it } from 'vitest';
import {
  blankMovement,
  checkMovement,
  instantOf,
  localDateTime,
  movementInput,
  type MovementDraft,
} from './movementDraft';
import { blankSite, checkSite, siteInput } from '../sites/siteDraft';

const SITE = 'site--0190f5a4-0000-7000-8000-000000000001';

function filled(overrides: Partial<MovementDraft> = {}): MovementDraft {
  return {
    ...blankMovement(new Date('2026-11-28T09:20:00Z')),
    title: 'Islamabad to Dasu',
    origin: { mode: 'place', siteId: '', name: 'Islamabad', lat: '33.6844', lon: '73.0479' },
    destination: { mode: 'site', siteId: SITE, name: '', lat: '', lon: '' },
    vehicles: [{ kind: 'Coaster bus', registration: ' LEB-1234 ', seats: '22' }],
    passengers: [{ nationality: 'CN', count: '18' }],
    ...overrides,
  };
}

describe('the movement request draft', () => {
  it('turns a complete draft into the input the server takes', () => {
    const draft = filled({ waypoints: [{ name: 'Besham', lat: '34.93', lon: '72.88' }] });
    expect(checkMovement(draft)).toEqual({});
    const input = movementInput(draft);
    expect(input.origin).toEqual({ name: 'Islamabad', lat: 33.6844, lon: 73.0479 });
    expect(input.destination).toEqual({ siteId: SITE });
    expect(input.waypoints).toEqual([{ name: 'Besham', lat: 34.93, lon: 72.88 }]);
    expect(input.vehicles).toEqual([{ kind: 'Coaster bus', registration: 'LEB-1234', seats: 22 }]);
    expect(input.passengers).toEqual([{ nationality: 'CN', count: 18 }]);
    expect(input.corridorKm).toBe(10);
    expect(input.checkinIntervalMinutes).toBe(30);
    expect(Date.parse(input.plannedArrival) - Date.parse(input.plannedDeparture)).toBe(
      4 * 3_600_000,
    );
  });

  it('names each problem by the API path the server would use', () => {
    const problems = checkMovement(
      filled({
        title: ' ',
        origin: { mode: 'site', siteId: '', name: '', lat: '', lon: '' },
        destination: { mode: 'place', siteId: '', name: '', lat: '91', lon: 'x' },
        waypoints: [{ name: '', lat: '', lon: '72' }],
        vehicles: [{ kind: '', registration: '', seats: '0' }],
        passengers: [
          { nationality: 'CN', count: '2' },
          { nationality: 'CN', count: '3' },
        ],
        corridorKm: '60',
        checkinIntervalMinutes: '2',
      }),
    );
    expect(problems).toEqual({
      title: 'required',
      'origin.siteId': 'required',
      'destination.name': 'required',
      'destination.lat': 'latitude',
      'destination.lon': 'longitude',
      'waypoints.0.lat': 'latitude',
      'vehicles.0.kind': 'required',
      'vehicles.0.seats': 'seats',
      passengers: 'passengers',
      corridorKm: 'corridor',
      checkinIntervalMinutes: 'interval',
    });
  });

  it('refuses an arrival before departure or more than 72 hours after it', () => {
    const departure = '2026-11-28T10:00';
    expect(checkMovement(filled({ departure, arrival: '2026-11-28T09:00' })).plannedArrival).toBe(
      'arrivalBeforeDeparture',
    );
    expect(checkMovement(filled({ departure, arrival: '2026-12-01T11:00' })).plannedArrival).toBe(
      'tooLong',
    );
    expect(checkMovement(filled({ departure, arrival: '2026-12-01T10:00' }))).toEqual({});
  });

  it('keeps local date-times and UTC instants round trip', () => {
    const local = localDateTime(new Date(2026, 10, 28, 14, 5));
    expect(local).toBe('2026-11-28T14:05');
    expect(localDateTime(instantOf(local) ?? '')).toBe(local);
    expect(instantOf('28/11/2026 14:05')).toBeNull();
  });
});

describe('the site draft', () => {
  it('sends a polygon read from corner lines, and a point otherwise', () => {
    const own = 'identity--0190f5a4-0000-7000-8000-000000000009';
    const point = { ...blankSite(own), name: 'Dasu dam', lat: '35.29', lon: '73.21' };
    expect(checkSite(point)).toEqual({});
    expect(siteInput(point).location).toEqual({ kind: 'point', lat: 35.29, lon: 73.21 });
    const polygon = {
      ...point,
      locationKind: 'polygon' as const,
      polygonText: '35.28, 73.2\n35.3, 73.2\n35.3, 73.23',
    };
    expect(siteInput(polygon).location).toEqual({
      kind: 'polygon',
      polygon: {
        type: 'Polygon',
        coordinates: [
          [
            [73.2, 35.28],
            [73.2, 35.3],
            [73.23, 35.3],
            [73.2, 35.28],
          ],
        ],
      },
    });
    expect(checkSite({ ...polygon, polygonText: '35, 73' })).toEqual({
      'location.polygon': 'polygon',
    });
    expect(checkSite({ ...point, bufferKm: '51', lat: '' })).toEqual({
      'location.lat': 'latitude',
      bufferKm: 'buffer',
    });
  });
});

describe('the escort draft', () => {
  it('refuses short or equal codes and reads vehicles one a line', async () => {
    const { checkEscort, escortInput } = await import('./escortDraft');
    const draft = {
      orgId: 'identity--0190f5a4-0000-7000-8000-000000000009',
      unit: 'SSD Wing 3',
      callSign: 'Falcon 2',
      strength: '12',
      vehicles: 'Land Cruiser LEA-4411\n\nPickup\n',
      checkinCode: 'ALPHA7',
      duressCode: 'ALPHA7',
    };
    expect(checkEscort(draft)).toEqual({ duressCode: 'codesEqual' });
    expect(checkEscort({ ...draft, checkinCode: 'abc', strength: '0' })).toEqual({
      strength: 'strength',
      checkinCode: 'codeLength',
    });
    expect(escortInput({ ...draft, duressCode: 'BRAVO9' }).vehicles).toEqual([
      { kind: 'Land Cruiser', registration: 'LEA-4411' },
      { kind: 'Pickup' },
    ]);
  });
});
