import fc from 'fast-check';
import { getHexagonEdgeLengthAvg, getResolution, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { cellCentroid } from './cells.js';
import {
  clusterFeatures,
  clusterResolutionForZoom,
  groupByResolutionFor,
  rollUpCellCounts,
} from './cluster.js';
import { haversineKm } from './distance.js';

/** Centre-to-centre spacing of neighbouring clusters on screen (MapLibre 512-px tiles). */
function clusterSpacingPx(zoom: number, resolution: number, lat = 32.5): number {
  const kmPerPx = (40_075.017 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
  return (getHexagonEdgeLengthAvg(resolution, 'km') * Math.sqrt(3)) / kmPerPx;
}

describe('clusterResolutionForZoom', () => {
  it('keeps neighbouring clusters 30–135 px apart at every clustered zoom', () => {
    for (let zoom = 0; zoom <= 13; zoom++) {
      const resolution = clusterResolutionForZoom(zoom);
      expect(resolution).not.toBeNull();
      const px = clusterSpacingPx(zoom, resolution ?? 0);
      expect(px).toBeGreaterThanOrEqual(30);
      expect(px).toBeLessThanOrEqual(135);
    }
  });

  it('stops clustering at zoom 14, floors fractional zooms and clamps negative ones', () => {
    expect(clusterResolutionForZoom(14)).toBeNull();
    expect(clusterResolutionForZoom(22)).toBeNull();
    expect(clusterResolutionForZoom(8.9)).toBe(clusterResolutionForZoom(8));
    expect(clusterResolutionForZoom(-1)).toBe(0);
    expect(() => clusterResolutionForZoom(Number.NaN)).toThrow(RangeError);
  });

  it('groups by the coarsest stored column at least as fine as the clusters', () => {
    expect([0, 3, 4, 5, 6, 7, 8].map(groupByResolutionFor)).toEqual([4, 4, 4, 6, 6, 8, 8]);
    expect(() => groupByResolutionFor(9)).toThrow(RangeError);
  });
});

describe('rollUpCellCounts', () => {
  it('keeps the total and gives every cluster the wanted resolution', () => {
    const rows = fc.array(
      fc.record({
        lat: fc.double({ min: 20, max: 45, noNaN: true }),
        lon: fc.double({ min: 60, max: 80, noNaN: true }),
        count: fc.integer({ min: 1, max: 1_000 }),
      }),
      { maxLength: 200 },
    );
    fc.assert(
      fc.property(rows, fc.integer({ min: 0, max: 4 }), (points, resolution) => {
        const grouped = points.map(({ lat, lon, count }) => ({
          cell: latLngToCell(lat, lon, 4),
          count,
        }));
        const clusters = rollUpCellCounts(grouped, resolution);
        const total = (list: { count: number }[]) => list.reduce((sum, row) => sum + row.count, 0);
        expect(total(clusters)).toBe(total(grouped));
        for (const { cell } of clusters) expect(getResolution(cell)).toBe(resolution);
        expect(new Set(clusters.map((c) => c.cell)).size).toBe(clusters.length);
      }),
    );
  });
});

describe('clusterFeatures', () => {
  it('turns cells into GeoJSON points at the cell centre, in [lon, lat] order', () => {
    const cell = latLngToCell(33.7215, 73.0433, 6);
    const [feature] = clusterFeatures([{ cell, count: 3 }], 6);
    expect(feature?.properties).toEqual({ cell, resolution: 6, count: 3 });
    const [lon, lat] = feature?.geometry.coordinates ?? [0, 0];
    expect(haversineKm({ lat, lon }, cellCentroid(cell))).toBeLessThan(1e-9);
    expect(haversineKm({ lat, lon }, { lat: 33.7215, lon: 73.0433 })).toBeLessThan(5);
  });
});
