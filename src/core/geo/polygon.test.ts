import fc from 'fast-check';
import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { haversineKm } from './distance.js';
import type { GeoJsonPolygon } from './geojson.schema.js';
import { circleToPolygon, coverPolygon, pointInPolygon, polygonCells } from './polygon.js';

const polygon = (...rings: [number, number][][]): GeoJsonPolygon => ({
  type: 'Polygon',
  coordinates: rings,
});
const SQUARE_RING: [number, number][] = [
  [73, 33],
  [74, 33],
  [74, 34],
  [73, 34],
  [73, 33],
];
const SQUARE = polygon(SQUARE_RING);
/** A "U" opening north: the notch between lon 73.3 and 73.7 above lat 33.3 is outside. */
const U_SHAPE = polygon([
  [73, 33],
  [74, 33],
  [74, 34],
  [73.7, 34],
  [73.7, 33.3],
  [73.3, 33.3],
  [73.3, 34],
  [73, 34],
  [73, 33],
]);
const WITH_HOLE = polygon(SQUARE_RING, [
  [73.4, 33.4],
  [73.4, 33.6],
  [73.6, 33.6],
  [73.6, 33.4],
  [73.4, 33.4],
]);

describe('pointInPolygon', () => {
  it('tells inside from outside a square', () => {
    expect(pointInPolygon({ lat: 33.5, lon: 73.5 }, SQUARE)).toBe(true);
    expect(pointInPolygon({ lat: 34.5, lon: 73.5 }, SQUARE)).toBe(false);
    expect(pointInPolygon({ lat: 33.5, lon: 72.5 }, SQUARE)).toBe(false);
  });

  it('puts the notch of a concave shape outside and its arms inside', () => {
    expect(pointInPolygon({ lat: 33.8, lon: 73.5 }, U_SHAPE)).toBe(false);
    expect(pointInPolygon({ lat: 33.8, lon: 73.1 }, U_SHAPE)).toBe(true);
    expect(pointInPolygon({ lat: 33.8, lon: 73.9 }, U_SHAPE)).toBe(true);
    expect(pointInPolygon({ lat: 33.1, lon: 73.5 }, U_SHAPE)).toBe(true);
  });

  it('puts a hole outside and the ring around it inside', () => {
    expect(pointInPolygon({ lat: 33.5, lon: 73.5 }, WITH_HOLE)).toBe(false);
    expect(pointInPolygon({ lat: 33.2, lon: 73.5 }, WITH_HOLE)).toBe(true);
  });

  it('takes the point as { lat, lon }, not in GeoJSON order', () => {
    const tall = polygon([
      [10, 0],
      [11, 0],
      [11, 50],
      [10, 50],
      [10, 0],
    ]);
    expect(pointInPolygon({ lat: 30, lon: 10.5 }, tall)).toBe(true);
    expect(pointInPolygon({ lat: 10.5, lon: 30 }, tall)).toBe(false);
  });
});

describe('polygonCells', () => {
  const inside = (shape: GeoJsonPolygon) =>
    fc
      .record({
        lat: fc.double({ min: 33, max: 34, noNaN: true }),
        lon: fc.double({ min: 73, max: 74, noNaN: true }),
      })
      .filter((p) => pointInPolygon(p, shape));

  for (const [name, shape] of [
    ['a square', SQUARE],
    ['a concave shape', U_SHAPE],
    ['a polygon with a hole', WITH_HOLE],
  ] as const) {
    it(`holds the cell of every point inside ${name}`, () => {
      const cells = { 6: new Set(polygonCells(shape, 6)), 7: new Set(polygonCells(shape, 7)) };
      fc.assert(
        fc.property(inside(shape), fc.constantFrom(6 as const, 7 as const), (p, resolution) => {
          expect(cells[resolution].has(latLngToCell(p.lat, p.lon, resolution))).toBe(true);
        }),
        { numRuns: 500 },
      );
    });
  }

  it('leaves out cells wholly inside a hole', () => {
    const holeCenter = latLngToCell(33.5, 73.5, 8);
    expect(polygonCells(SQUARE, 8)).toContain(holeCenter);
    expect(polygonCells(WITH_HOLE, 8)).not.toContain(holeCenter);
  });

  it('covers at the finest column within maxCells', () => {
    const small = coverPolygon(circleToPolygon({ lat: 33.7, lon: 73 }, 3));
    expect(small.resolution).toBe(8);
    const large = coverPolygon(SQUARE);
    expect(large.resolution).toBe(6);
    expect(large.cells.length).toBeLessThanOrEqual(2_000);
  });
});

describe('circleToPolygon', () => {
  it('returns a closed counter-clockwise ring of points on the circle', () => {
    const center = { lat: 33.7215, lon: 73.0433 };
    const circle = circleToPolygon(center, 25, 32);
    const ring = circle.coordinates[0] ?? [];
    expect(ring).toHaveLength(33);
    expect(ring[0]).toEqual(ring[32]);
    for (const [lon, lat] of ring) expect(haversineKm(center, { lat, lon })).toBeCloseTo(25, 6);
    let twiceArea = 0;
    for (let i = 1; i < ring.length; i++) {
      const [x1, y1] = ring[i - 1] ?? [0, 0];
      const [x2, y2] = ring[i] ?? [0, 0];
      twiceArea += x1 * y2 - x2 * y1;
    }
    expect(twiceArea).toBeGreaterThan(0);
    expect(pointInPolygon(center, circle)).toBe(true);
  });

  it('rejects fewer than 3 segments', () => {
    expect(() => circleToPolygon({ lat: 0, lon: 0 }, 1, 2)).toThrow(RangeError);
  });
});
