import { afterAll, beforeAll, expect, it } from 'vitest';
import { haversineKm } from '../../core/geo/index.js';
import { describeEachEngine } from '../../../test/support/storage.js';
import {
  buildUser,
  signIn,
  startTestApp,
  TEST_ORIGIN,
  type TestApp,
} from '../../../test/support/app.js';
import { buildIncidentInput } from '../../../test/support/factories.js';

// The scenario's Karakoram Highway route and places along and off it.
const ROUTE = [
  [73.0433, 33.7215],
  [73.2117, 34.1463],
  [73.1968, 34.3302],
  [72.94, 34.79],
  [72.87, 34.92],
  [73.2906, 35.2917],
];
const PLACES = [
  { name: 'Besham', lat: 34.92, lon: 72.87, date: '2024-03-26' }, // on the route
  { name: 'Dasu', lat: 35.2917, lon: 73.2906, date: '2021-07-14' }, // on the route
  { name: 'Thakot east', lat: 34.79, lon: 73.15, date: '2024-05-01' }, // ~15 km off the route, ~29 km from Besham
  { name: 'Karachi airport', lat: 24.9065, lon: 67.1608, date: '2024-10-06' }, // far away
  { name: 'Gwadar', lat: 25.1216, lon: 62.3254, date: '2021-08-20' }, // far away
];

describeEachEngine('incidents by place', (database) => {
  let t: TestApp;
  let cookie: string;
  let outsider: string;

  beforeAll(async () => {
    t = await startTestApp(database());
    cookie = await signIn(t.app, (await buildUser(t.context, { roles: ['analyst'] })).username);
    outsider = await signIn(t.app, (await buildUser(t.context, { roles: ['analyst'] })).username);
    for (const place of PLACES) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/incidents',
        headers: { cookie, origin: TEST_ORIGIN },
        payload: buildIncidentInput({
          eventDate: place.date,
          narrative: place.name,
          place: {
            name: place.name,
            country: 'PK',
            lat: place.lat,
            lon: place.lon,
            geoPrecision: 2,
          },
        }),
      });
      expect(response.statusCode).toBe(201);
    }
    // One AMBER incident on the route that the outsider may not see.
    await t.app.inject({
      method: 'POST',
      url: '/api/incidents',
      headers: { cookie, origin: TEST_ORIGIN },
      payload: buildIncidentInput({
        marking: 'TLP:AMBER',
        place: { name: 'Mansehra', country: 'PK', lat: 34.3302, lon: 73.1968, geoPrecision: 2 },
      }),
    });
  });
  afterAll(async () => t.close());

  const get = (who: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: who } });

  it('finds incidents within 35 km of a point, with exact distances', async () => {
    const body = (await get(cookie, '/api/incidents/near?lat=34.92&lon=72.87&radiusKm=35')).json();
    expect(body.items.map((i: { location: string }) => i.location)).toEqual([
      'Thakot east',
      'Besham',
    ]);
    for (const item of body.items as { lat: number; lon: number; distanceKm: number }[]) {
      expect(item.distanceKm).toBeCloseTo(haversineKm({ lat: 34.92, lon: 72.87 }, item), 1);
      expect(item.distanceKm).toBeLessThanOrEqual(35);
    }
  });

  it('finds incidents within 25 km of a route, and only those the reader may read', async () => {
    const along = (who: string, extra: object = {}) =>
      t.app.inject({
        method: 'POST',
        url: '/api/incidents/along-route',
        headers: { cookie: who, origin: TEST_ORIGIN },
        payload: { route: { type: 'LineString', coordinates: ROUTE }, radiusKm: 25, ...extra },
      });
    const mine = (await along(cookie))
      .json()
      .items.map((i: { location: string }) => i.location)
      .sort();
    expect(mine).toEqual(['Besham', 'Dasu', 'Mansehra', 'Thakot east']);
    const theirs = (await along(outsider))
      .json()
      .items.map((i: { location: string }) => i.location)
      .sort();
    expect(theirs).toEqual(['Besham', 'Dasu', 'Thakot east']);
    const recent = (await along(cookie, { from: '2024-01-01' }))
      .json()
      .items.map((i: { location: string }) => i.location)
      .sort();
    expect(recent).toEqual(['Besham', 'Mansehra', 'Thakot east']);
    const narrow = (await along(cookie, { radiusKm: 5 }))
      .json()
      .items.map((i: { location: string }) => i.location)
      .sort();
    expect(narrow).toEqual(['Besham', 'Dasu', 'Mansehra']);
  });

  it('clusters a zoomed-out view with counts that add up to the filtered total', async () => {
    const view = 'west=60&south=20&east=80&north=40';
    const clusters = (await get(cookie, `/api/incidents/map?zoom=4&${view}`)).json();
    expect(clusters.kind).toBe('clusters');
    const sum = clusters.features.reduce(
      (s: number, f: { properties: { count: number } }) => s + f.properties.count,
      0,
    );
    expect(sum).toBe(6);
    expect(clusters.total).toBe(6);
    const facets = (await get(cookie, '/api/incidents/facets')).json();
    expect(facets.total).toBe(6);
    const theirs = (await get(outsider, `/api/incidents/map?zoom=4&${view}`)).json();
    expect(theirs.total).toBe(5);
  });

  it('shows single points when zoomed in, only inside the view', async () => {
    const points = (
      await get(cookie, '/api/incidents/map?zoom=14&west=72.8&south=34.85&east=72.95&north=34.99')
    ).json();
    expect(points.kind).toBe('points');
    expect(points.points.map((p: { location: string }) => p.location)).toEqual(['Besham']);
  });

  it('answers a zoomed-in view with points when it holds few incidents, clusters when zoomed out', async () => {
    const view = 'west=70&south=32&east=76&north=37';
    const quiet = (await get(cookie, `/api/incidents/map?zoom=8&${view}`)).json();
    expect(quiet.kind).toBe('points');
    const clustered = (await get(cookie, `/api/incidents/map?zoom=7&${view}`)).json();
    expect(clustered.kind).toBe('clusters');
    expect(quiet.total).toBe(clustered.total);
    expect(quiet.points).toHaveLength(clustered.total);
  });

  it('counts incidents per month and type', async () => {
    const months = (await get(cookie, '/api/incidents/monthly?from=2024-01-01')).json().months;
    expect(months).toEqual([
      { month: '2024-03', eventType: 'Explosions/Remote violence', count: 2 },
      { month: '2024-05', eventType: 'Explosions/Remote violence', count: 1 },
      { month: '2024-10', eventType: 'Explosions/Remote violence', count: 1 },
    ]);
  });

  it('refuses a view that crosses itself and a radius beyond the limit, naming the field', async () => {
    const bad = await get(cookie, '/api/incidents/map?zoom=4&west=80&south=20&east=60&north=40');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues.map((i: { path: string }) => i.path)).toContain('east');
    const far = await get(cookie, '/api/incidents/near?lat=34&lon=72&radiusKm=5000');
    expect(far.json().error.issues.map((i: { path: string }) => i.path)).toContain('radiusKm');
  });
});
