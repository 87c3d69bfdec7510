import { describe, expect, it } from 'vitest';
import {
  boundsOf,
  checkinCollection,
  circleRing,
  destination,
  pushedOutRing,
  routeCollection,
  siteCollection,
} from './opsMapData';

/** Great-circle distance in km, for checking the shapes. */
function km(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

describe('operations map features', () => {
  it('draws a point site’s buffer as a closed circle at the buffer’s distance', () => {
    const ring = circleRing(35.62, 73.27, 5);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    for (const position of ring) expect(km([73.27, 35.62], position)).toBeCloseTo(5, 1);
  });

  it('moves north by the distance asked', () => {
    const [lon, lat] = destination(30, 70, 111.195, 0);
    expect(lon).toBeCloseTo(70, 6);
    expect(lat).toBeCloseTo(31, 2);
  });

  it('pushes a polygon’s corners out from its centre by the buffer', () => {
    const centre = { lat: 24.8, lon: 67.3 };
    const corner: [number, number] = [67.32, 24.82];
    const [pushed] = pushedOutRing([corner], centre, 2);
    expect(pushed).toBeDefined();
    expect(km([centre.lon, centre.lat], pushed as [number, number])).toBeCloseTo(
      km([centre.lon, centre.lat], corner) + 2,
      1,
    );
  });

  it('gives each site its shape and, when it has one, its buffer', () => {
    const collection = siteCollection([
      {
        id: 'site--a',
        name: 'Dasu',
        location: { type: 'Point', coordinates: [73.27, 35.62] },
        centre: { lat: 35.62, lon: 73.27 },
        bufferKm: 5,
      },
      {
        id: 'site--b',
        name: 'Office',
        location: { type: 'Point', coordinates: [73.05, 33.7] },
        centre: { lat: 33.7, lon: 73.05 },
        bufferKm: 0,
      },
    ]);
    expect(collection.features.map((feature) => feature.properties?.role)).toEqual([
      'buffer',
      'site',
      'site',
    ]);
  });

  it('draws routes coloured by state and skips movements without one', () => {
    const routes = routeCollection([
      {
        id: 'movement--a',
        title: 'ISB to Dasu',
        state: 'overdue',
        route: {
          type: 'LineString',
          coordinates: [
            [73.05, 33.7],
            [73.27, 35.62],
          ],
        },
        lastPosition: { lat: 34.9, lon: 72.9, at: '2026-11-28T09:00:00Z' },
      },
      { id: 'movement--b', title: 'No route', state: 'draft', route: null, lastPosition: null },
    ]);
    expect(routes.features).toHaveLength(1);
    expect(routes.features[0]?.properties?.colour).toBe('#b42318');
    const checkins = checkinCollection([
      {
        id: 'movement--a',
        title: 'ISB to Dasu',
        state: 'in_transit',
        route: null,
        lastPosition: { lat: 34.9, lon: 72.9, at: '2026-11-28T09:00:00Z' },
      },
    ]);
    expect(checkins.features[0]?.geometry).toEqual({ type: 'Point', coordinates: [72.9, 34.9] });
  });

  it('frames every site and route point, and nothing when there is none', () => {
    expect(boundsOf([], [])).toBeNull();
    const bounds = boundsOf(
      [
        {
          id: 'site--a',
          name: 'Dasu',
          location: { type: 'Point', coordinates: [73.27, 35.62] },
          centre: { lat: 35.62, lon: 73.27 },
          bufferKm: 5,
        },
      ],
      [
        {
          id: 'movement--a',
          title: 'ISB to Dasu',
          state: 'in_transit',
          route: {
            type: 'LineString',
            coordinates: [
              [73.05, 33.7],
              [72.88, 34.93],
            ],
          },
          lastPosition: null,
        },
      ],
    );
    expect(bounds).toEqual([
      [72.88, 33.7],
      [73.27, 35.62],
    ]);
  });
});
