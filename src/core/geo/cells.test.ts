import fc from 'fast-check';
import {
  cellToChildren,
  getPentagons,
  getRes0Cells,
  gridDisk,
  isValidCell,
  latLngToCell,
} from 'h3-js';
import { describe, expect, it } from 'vitest';
import {
  cellBoundaryPolygon,
  cellCentroid,
  cellCircumradiusKm,
  cellColumn,
  cellToParentAt,
  isStoredResolution,
  maxCircumradiusKm,
  pointCells,
} from './cells.js';
import { pointInPolygon } from './polygon.js';

describe('pointCells', () => {
  it('gives each stored column the cell latLngToCell gives at its resolution', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -90, max: 90, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        (lat, lon) => {
          const cells = pointCells(lat, lon);
          expect(cells).toEqual({
            h3_r4: latLngToCell(lat, lon, 4),
            h3_r6: latLngToCell(lat, lon, 6),
            h3_r8: latLngToCell(lat, lon, 8),
          });
          for (const cell of Object.values(cells)) expect(cell).toMatch(/^[0-9a-f]{15}$/);
        },
      ),
    );
  });

  it('names the column for each stored resolution and only those', () => {
    expect([cellColumn(4), cellColumn(6), cellColumn(8)]).toEqual(['h3_r4', 'h3_r6', 'h3_r8']);
    expect([4, 5, 6, 8, 9].map(isStoredResolution)).toEqual([true, false, true, true, false]);
  });

  it('rejects coordinates out of range', () => {
    expect(() => pointCells(91, 0)).toThrow(RangeError);
    expect(() => pointCells(0, 181)).toThrow(RangeError);
    expect(() => pointCells(Number.NaN, 0)).toThrow(RangeError);
  });
});

describe('maxCircumradiusKm', () => {
  it('bounds the circumradius of every cell at resolutions 0–3', () => {
    for (const resolution of [0, 1, 2, 3]) {
      const bound = maxCircumradiusKm(resolution);
      for (const base of getRes0Cells()) {
        for (const cell of cellToChildren(base, resolution)) {
          expect(cellCircumradiusKm(cell)).toBeLessThan(bound);
        }
      }
    }
  });

  it('bounds the circumradius around every pentagon and at random places at resolutions 4–8', () => {
    for (const resolution of [4, 6, 8]) {
      const bound = maxCircumradiusKm(resolution);
      for (const pentagon of getPentagons(resolution)) {
        for (const cell of gridDisk(pentagon, 3))
          expect(cellCircumradiusKm(cell)).toBeLessThan(bound);
      }
    }
    fc.assert(
      fc.property(
        fc.double({ min: -90, max: 90, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.constantFrom(4, 5, 6, 7, 8),
        (lat, lon, resolution) => {
          expect(cellCircumradiusKm(latLngToCell(lat, lon, resolution))).toBeLessThan(
            maxCircumradiusKm(resolution),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('cell geometry', () => {
  const cell = latLngToCell(33.7215, 73.0433, 6);

  it('returns the parent at a coarser resolution and the cell itself at its own', () => {
    expect(cellToParentAt(cell, 6)).toBe(cell);
    const parent = cellToParentAt(cell, 4);
    expect(isValidCell(parent)).toBe(true);
    expect(cellToChildren(parent, 6)).toContain(cell);
    expect(() => cellToParentAt(cell, 8)).toThrow(RangeError);
  });

  it('outlines a cell as a closed [lon, lat] ring around its centre', () => {
    const polygon = cellBoundaryPolygon(cell);
    const ring = polygon.coordinates[0] ?? [];
    expect(ring.length).toBeGreaterThanOrEqual(7);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    const center = cellCentroid(cell);
    expect(center.lat).toBeCloseTo(33.72, 1);
    expect(center.lon).toBeCloseTo(73.04, 1);
    expect(pointInPolygon(center, polygon)).toBe(true);
  });
});
