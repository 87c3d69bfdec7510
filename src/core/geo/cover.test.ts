import fc from 'fast-check';
import { getPentagons, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { cellCentroid, maxCircumradiusKm } from './cells.js';
import { coverCircle, coverRoute } from './cover.js';
import { distanceToPolylineKm, haversineKm } from './distance.js';
import { type LatLon, destinationPoint } from './sphere.js';

const regionPoint = fc.record({
  lat: fc.double({ min: 20, max: 45, noNaN: true }),
  lon: fc.double({ min: 60, max: 80, noNaN: true }),
});
/** Anywhere, including across the antimeridian and up to 89° from the equator. */
const worldPoint = fc.record({
  lat: fc.double({ min: -89, max: 89, noNaN: true }),
  lon: fc.double({ min: -180, max: 180, noNaN: true }),
});
const bearing = fc.double({ min: 0, max: 360, noNaN: true });
/** A share of the radius, biased towards the rim where covers are most likely to miss. */
const share = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.double({ min: 0.97, max: 1, noNaN: true }),
);

const ROUTE = [
  { lat: 33.7215, lon: 73.0433 },
  { lat: 34.1463, lon: 73.2117 },
  { lat: 34.3302, lon: 73.1968 },
  { lat: 34.79, lon: 72.94 },
  { lat: 34.92, lon: 72.87 },
  { lat: 35.2917, lon: 73.2906 },
];

describe('coverCircle', () => {
  it('holds the cell of every point within the radius, in the region and anywhere', () => {
    for (const center of [regionPoint, worldPoint]) {
      fc.assert(
        fc.property(
          center,
          fc.double({ min: 0, max: 60, noNaN: true }),
          bearing,
          share,
          (c, radiusKm, b, s) => {
            const cover = coverCircle(c.lat, c.lon, radiusKm);
            const point = destinationPoint(c, b, radiusKm * s);
            expect(haversineKm(c, point)).toBeLessThanOrEqual(radiusKm + 1e-9);
            expect(cover.cells).toContain(latLngToCell(point.lat, point.lon, cover.resolution));
          },
        ),
        { numRuns: 300 },
      );
    }
  });

  it('holds the cells of points around each of the twelve pentagons', () => {
    for (const pentagon of getPentagons(6)) {
      const center = cellCentroid(pentagon);
      const cover = coverCircle(center.lat, center.lon, 20, { resolution: 6 });
      for (let i = 0; i < 200; i++) {
        const point = destinationPoint(center, i * 7.3, (20 * ((i * 37) % 101)) / 100);
        expect(cover.cells).toContain(latLngToCell(point.lat, point.lon, 6));
      }
    }
  });

  it('keeps no cell whose centre is farther than radius plus one cell', () => {
    fc.assert(
      fc.property(regionPoint, fc.double({ min: 0, max: 60, noNaN: true }), (c, radiusKm) => {
        const cover = coverCircle(c.lat, c.lon, radiusKm);
        for (const cell of cover.cells) {
          expect(haversineKm(c, cellCentroid(cell))).toBeLessThanOrEqual(
            radiusKm + maxCircumradiusKm(cover.resolution),
          );
        }
      }),
      { numRuns: 50 },
    );
  });

  it('picks res 6 for 25 km, res 8 for 1 km and res 4 for 300 km, each within 300 cells', () => {
    const at = (km: number) => coverCircle(33.7215, 73.0433, km);
    expect(at(25).resolution).toBe(6);
    expect(at(1).resolution).toBe(8);
    expect(at(300).resolution).toBe(4);
    for (const km of [0, 1, 5, 8, 25, 60, 300])
      expect(at(km).cells.length).toBeLessThanOrEqual(300);
  });

  it('covers at the requested column and steps coarser when maxCells is small', () => {
    expect(coverCircle(33.7, 73, 25, { resolution: 8 }).resolution).toBe(8);
    expect(coverCircle(33.7, 73, 25, { maxCells: 20 }).resolution).toBe(4);
  });

  it('rejects a negative or absurd radius and an invalid centre', () => {
    expect(() => coverCircle(33.7, 73, -1)).toThrow(RangeError);
    expect(() => coverCircle(33.7, 73, 5_000)).toThrow(RangeError);
    expect(() => coverCircle(95, 73, 5)).toThrow(/circle centre/);
  });
});

/** A point a share `t` along the polyline's segment `index`, on the great circle. */
function pointAlong(polyline: readonly LatLon[], index: number, t: number): LatLon {
  const a = polyline[index % polyline.length] as LatLon;
  const b = polyline[(index + 1) % polyline.length] as LatLon;
  const rad = Math.PI / 180;
  const y = Math.sin((b.lon - a.lon) * rad) * Math.cos(b.lat * rad);
  const x =
    Math.cos(a.lat * rad) * Math.sin(b.lat * rad) -
    Math.sin(a.lat * rad) * Math.cos(b.lat * rad) * Math.cos((b.lon - a.lon) * rad);
  return destinationPoint(a, Math.atan2(y, x) / rad, haversineKm(a, b) * t);
}

const routeNear = (start: fc.Arbitrary<LatLon>, maxStepKm: number, maxVertices: number) =>
  fc
    .tuple(
      start,
      fc.array(fc.tuple(bearing, fc.double({ min: 0, max: maxStepKm, noNaN: true })), {
        minLength: 1,
        maxLength: maxVertices,
      }),
    )
    .map(([first, steps]) => {
      const line = [first];
      for (const [b, km] of steps)
        line.push(destinationPoint(line[line.length - 1] as LatLon, b, km));
      return line;
    });

/** Every point of a fine lat/lon grid over the area that is within the radius must be covered. */
function expectGridCovered(
  cover: { resolution: number; cells: string[] },
  isWithin: (p: LatLon) => boolean,
  box: { south: number; north: number; west: number; east: number },
  stepDeg: number,
): number {
  const cells = new Set(cover.cells);
  let checked = 0;
  for (let lat = box.south; lat <= box.north; lat += stepDeg) {
    for (let lon = box.west; lon <= box.east; lon += stepDeg) {
      if (!isWithin({ lat, lon })) continue;
      checked++;
      expect(cells.has(latLngToCell(lat, lon, cover.resolution))).toBe(true);
    }
  }
  return checked;
}

describe('covers on a dense grid of points', () => {
  it('misses no grid point within 25 km of Islamabad at res 6 or res 8', () => {
    const center = ROUTE[0] as LatLon;
    for (const resolution of [6, 8] as const) {
      const cover = coverCircle(center.lat, center.lon, 25, { resolution });
      const box = { south: 33.4, north: 34.0, west: 72.7, east: 73.4 };
      expect(
        expectGridCovered(cover, (p) => haversineKm(center, p) <= 25, box, 0.004),
      ).toBeGreaterThan(10_000);
    }
  });

  it('misses no grid point within 25 km of the Karakoram Highway route', () => {
    const cover = coverRoute(ROUTE, 25);
    const box = { south: 33.4, north: 35.6, west: 72.5, east: 73.6 };
    expect(
      expectGridCovered(cover, (p) => distanceToPolylineKm(p, ROUTE) <= 25, box, 0.01),
    ).toBeGreaterThan(10_000);
  });
});

describe('coverRoute', () => {
  it('holds the cell of every point within the radius of the route, in the region and anywhere', () => {
    for (const start of [regionPoint, worldPoint]) {
      fc.assert(
        fc.property(
          routeNear(start, 150, 5),
          fc.double({ min: 0, max: 50, noNaN: true }),
          fc.nat(),
          fc.double({ min: 0, max: 1, noNaN: true }),
          bearing,
          share,
          (route, radiusKm, index, t, b, s) => {
            const cover = coverRoute(route, radiusKm);
            const onRoute =
              route.length > 1 ? pointAlong(route, index % (route.length - 1), t) : route[0];
            const point = destinationPoint(onRoute as LatLon, b, radiusKm * s);
            expect(distanceToPolylineKm(point, route)).toBeLessThanOrEqual(radiusKm + 1e-5);
            expect(cover.cells).toContain(latLngToCell(point.lat, point.lon, cover.resolution));
          },
        ),
        { numRuns: 100 },
      );
    }
  });

  it('still covers a dense, winding route that it simplifies first', () => {
    fc.assert(
      fc.property(
        routeNear(regionPoint, 3, 300),
        fc.double({ min: 1, max: 30, noNaN: true }),
        fc.nat(),
        bearing,
        share,
        (route, radiusKm, index, b, s) => {
          const cover = coverRoute(route, radiusKm);
          const onRoute = pointAlong(route, index % Math.max(1, route.length - 1), 0.5);
          const point = destinationPoint(onRoute, b, radiusKm * s);
          expect(cover.cells).toContain(latLngToCell(point.lat, point.lon, cover.resolution));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('covers the Karakoram Highway at 25 km with a few hundred res 6 cells', () => {
    const cover = coverRoute(ROUTE, 25);
    expect(cover.resolution).toBe(6);
    expect(cover.cells.length).toBeGreaterThan(200);
    expect(cover.cells.length).toBeLessThan(600);
  });

  it('steps to a coarser column when the corridor would exceed maxCells', () => {
    const long = [{ lat: 25, lon: 62 }, destinationPoint({ lat: 25, lon: 62 }, 45, 600)];
    const cover = coverRoute(long, 50);
    expect(cover.resolution).toBe(4);
    expect(cover.cells.length).toBeLessThanOrEqual(1_500);
    expect(coverRoute(ROUTE, 25, { maxCells: 100 }).resolution).toBe(4);
  });

  it('treats a one-point route as a circle', () => {
    expect(new Set(coverRoute([ROUTE[0] as LatLon], 25).cells)).toEqual(
      new Set(coverCircle(33.7215, 73.0433, 25).cells),
    );
  });
});
