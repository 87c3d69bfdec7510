import fc from 'fast-check';
import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { circleToPolygon, destinationPoint } from '../../core/geo/index.js';
import {
  circleMeetsFence,
  distanceToFenceKm,
  enclosingCircle,
  fenceCells,
  type Fence,
} from './geofences.js';

const DASU = { lat: 35.3, lon: 73.22 };
const KKH = [
  { lat: 33.7215, lon: 73.0433 },
  { lat: 34.1463, lon: 73.2117 },
  { lat: 34.79, lon: 72.94 },
  { lat: 34.92, lon: 72.87 },
  { lat: 35.2917, lon: 73.2906 },
];
const siteFence: Fence = { base: { kind: 'point', point: DASU }, bufferKm: 5 };
const polygonFence: Fence = {
  base: { kind: 'polygon', polygon: circleToPolygon(DASU, 3, 12) },
  bufferKm: 2,
};
const corridor: Fence = { base: { kind: 'line', line: KKH }, bufferKm: 10 };

const bearing = fc.double({ min: 0, max: 360, noNaN: true });
const share = fc.double({ min: 0, max: 0.999, noNaN: true });

describe('geofences', () => {
  it('puts the r6 and r4 cells of every point inside a fence in its cover', () => {
    for (const fence of [siteFence, polygonFence, corridor]) {
      const cells = new Set(fenceCells(fence));
      const circle = enclosingCircle(fence);
      fc.assert(
        fc.property(bearing, share, (b, s) => {
          const point = destinationPoint(circle.centre, b, s * circle.radiusKm);
          if (distanceToFenceKm(fence, point) > 0) return;
          expect(cells.has(latLngToCell(point.lat, point.lon, 6))).toBe(true);
          expect(cells.has(latLngToCell(point.lat, point.lon, 4))).toBe(true);
        }),
        { numRuns: 300 },
      );
    }
  });

  it('measures zero inside and the distance beyond the buffer outside', () => {
    expect(distanceToFenceKm(siteFence, DASU)).toBe(0);
    const eightKmEast = destinationPoint(DASU, 90, 8);
    expect(distanceToFenceKm(siteFence, eightKmEast)).toBeCloseTo(3, 3);
    expect(distanceToFenceKm(polygonFence, DASU)).toBe(0);
    expect(distanceToFenceKm(polygonFence, destinationPoint(DASU, 0, 4.5))).toBe(0);
    expect(distanceToFenceKm(polygonFence, destinationPoint(DASU, 0, 10))).toBeGreaterThan(4);
  });

  it('finds a point near the road inside the corridor and a far one outside', () => {
    const besham = { lat: 34.93, lon: 72.9 };
    expect(distanceToFenceKm(corridor, besham)).toBe(0);
    expect(distanceToFenceKm(corridor, { lat: 24.86, lon: 67.01 })).toBeGreaterThan(900);
  });

  it('tells whether a threat circle meets a fence', () => {
    const twentyKmNorth = destinationPoint(DASU, 0, 20);
    expect(circleMeetsFence(siteFence, twentyKmNorth, 16)).toBe(true);
    expect(circleMeetsFence(siteFence, twentyKmNorth, 14)).toBe(false);
  });
});
