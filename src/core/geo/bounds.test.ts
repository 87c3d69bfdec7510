import fc from 'fast-check';
import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { coverBounds, splitAtAntimeridian } from './bounds.js';

const view = fc
  .record({
    south: fc.double({ min: -85, max: 84, noNaN: true }),
    west: fc.double({ min: -180, max: 178, noNaN: true }),
    height: fc.double({ min: 0.01, max: 1.5, noNaN: true }),
    width: fc.double({ min: 0.01, max: 2, noNaN: true }),
  })
  .map(({ south, west, height, width }) => ({
    south,
    west,
    north: Math.min(90, south + height),
    east: Math.min(180, west + width),
  }));
const share = fc.double({ min: 0, max: 1, noNaN: true });

describe('coverBounds', () => {
  it('holds the cell of every point in the view', () => {
    fc.assert(
      fc.property(view, share, share, (box, u, v) => {
        const cover = coverBounds(box.west, box.south, box.east, box.north);
        if (cover.kind === 'too-large') return;
        const lat = box.south + (box.north - box.south) * u;
        const lon = box.west + (box.east - box.west) * v;
        expect(cover.cells).toContain(latLngToCell(lat, lon, cover.resolution));
      }),
      { numRuns: 200 },
    );
  });

  it('holds the cells of the view’s corners and edges', () => {
    const cover = coverBounds(72.9, 33.6, 73.2, 33.8);
    if (cover.kind !== 'cells') throw new Error('expected cells');
    for (let t = 0; t <= 1; t += 0.01) {
      for (const [lat, lon] of [
        [33.6, 72.9 + 0.3 * t],
        [33.8, 72.9 + 0.3 * t],
        [33.6 + 0.2 * t, 72.9],
        [33.6 + 0.2 * t, 73.2],
      ] as const) {
        expect(cover.cells).toContain(latLngToCell(lat, lon, cover.resolution));
      }
    }
  });

  it('chooses the resolution from the view size', () => {
    const at = (size: number) => coverBounds(73, 33.5, 73 + size, 33.5 + size);
    expect(at(0.05)).toMatchObject({ kind: 'cells', resolution: 8 });
    expect(at(0.5)).toMatchObject({ kind: 'cells', resolution: 6 });
    expect(at(3)).toMatchObject({ kind: 'cells', resolution: 4 });
    const region = coverBounds(60, 20, 80, 45);
    expect(region.kind).toBe('too-large');
    expect(coverBounds(60, 20, 80, 45, { resolution: 4 }).kind).toBe('cells');
  });

  it('keeps each cover within maxCells when a finer column would exceed it', () => {
    for (const size of [0.05, 0.2, 0.5, 1, 3]) {
      const cover = coverBounds(73, 33.5, 73 + size, 33.5 + size);
      if (cover.kind === 'cells') expect(cover.cells.length).toBeLessThanOrEqual(500);
    }
  });

  it('refuses a view across the antimeridian, saying how to split it', () => {
    expect(() => coverBounds(170, -10, -170, 10)).toThrow(/antimeridian/);
    expect(() => coverBounds(170, -10, 190, 10)).toThrow(/splitAtAntimeridian/);
    expect(() => coverBounds(0, 10, 1, 5)).toThrow(/south < north/);
  });
});

describe('splitAtAntimeridian', () => {
  it('leaves an ordinary view alone', () => {
    expect(splitAtAntimeridian(60, 20, 80, 45)).toEqual([
      { west: 60, south: 20, east: 80, north: 45 },
    ]);
  });

  it('splits a view with west > east, or unwrapped past 180, into two', () => {
    const expected = [
      { west: 170, south: -10, east: 180, north: 10 },
      { west: -180, south: -10, east: -170, north: 10 },
    ];
    expect(splitAtAntimeridian(170, -10, -170, 10)).toEqual(expected);
    expect(splitAtAntimeridian(170, -10, 190, 10)).toEqual(expected);
    expect(splitAtAntimeridian(-190, -10, -170, 10)).toEqual(expected);
  });

  it('shifts a view that is wholly one world copy over, and widens one wider than the world', () => {
    expect(splitAtAntimeridian(420, 20, 440, 45)).toEqual([
      { west: 60, south: 20, east: 80, north: 45 },
    ]);
    expect(splitAtAntimeridian(-300, 0, 200, 10)).toEqual([
      { west: -180, south: 0, east: 180, north: 10 },
    ]);
  });
});
