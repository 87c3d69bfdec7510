/**
 * Clusters for zoomed-out map views. The repository runs
 * `SELECT h3_rN AS cell, COUNT(*) ... GROUP BY h3_rN` over the filtered rows,
 * so counts equal filtered totals exactly; this module picks N for a MapLibre
 * zoom and turns (cell, count) rows into GeoJSON point features, rolling up to
 * a coarser parent when the wanted resolution is not a stored column (each
 * stored cell has exactly one parent, so rolled-up counts stay exact).
 *
 * Zoom → resolution (MapLibre 512-px tiles; cluster spacing in px at 32.5°N,
 * aiming at ~64 px between neighbouring clusters):
 *
 * | zoom | res | spacing | group by |    | zoom | res  | spacing | group by |
 * | ---- | --- | ------- | -------- | -- | ---- | ---- | ------- | -------- |
 * | 0–1  | 0   | 34–67   | h3_r4    |    | 8    | 5    | 66      | h3_r6    |
 * | 2–3  | 1   | 51–101  | h3_r4    |    | 9–10 | 6    | 50–100  | h3_r6    |
 * | 4    | 2   | 77      | h3_r4    |    | 11   | 7    | 76      | h3_r8    |
 * | 5    | 3   | 58      | h3_r4    |    | 12–13| 8    | 57–114  | h3_r8    |
 * | 6–7  | 4   | 44–88   | h3_r4    |    | ≥ 14 | none: individual points  |
 *
 * Owns: cluster resolutions and cell → feature. Must never: query or filter.
 */
import { getResolution } from 'h3-js';
import {
  type StoredResolution,
  STORED_RESOLUTIONS,
  cellCentroid,
  cellToParentAt,
} from './cells.js';

/** Index = floor(zoom); null = do not cluster, show points. */
export const CLUSTER_RESOLUTION_BY_ZOOM: readonly (number | null)[] = [
  0, 0, 1, 1, 2, 3, 4, 4, 5, 6, 6, 7, 8, 8,
];

export function clusterResolutionForZoom(zoom: number): number | null {
  if (!Number.isFinite(zoom)) throw new RangeError(`zoom must be a finite number, got ${zoom}`);
  return CLUSTER_RESOLUTION_BY_ZOOM[Math.max(0, Math.floor(zoom))] ?? null;
}

/** The stored column to GROUP BY for clusters at `resolution`: the coarsest one at least as fine. */
export function groupByResolutionFor(resolution: number): StoredResolution {
  const column = STORED_RESOLUTIONS.find((stored) => stored >= resolution);
  if (column === undefined)
    throw new RangeError(`no stored column is as fine as resolution ${resolution}`);
  return column;
}

export interface CellCount {
  readonly cell: string;
  readonly count: number;
}

/** Sums counts of cells finer than `resolution` into their parents at `resolution`. */
export function rollUpCellCounts(rows: Iterable<CellCount>, resolution: number): CellCount[] {
  const totals = new Map<string, number>();
  for (const { cell, count } of rows) {
    const parent = getResolution(cell) === resolution ? cell : cellToParentAt(cell, resolution);
    totals.set(parent, (totals.get(parent) ?? 0) + count);
  }
  return [...totals].map(([cell, count]) => ({ cell, count }));
}

export interface ClusterFeature {
  readonly type: 'Feature';
  readonly geometry: { readonly type: 'Point'; readonly coordinates: [number, number] };
  readonly properties: {
    readonly cell: string;
    readonly resolution: number;
    readonly count: number;
  };
}

/** One GeoJSON point feature per cluster, placed at the cell's centre ([lon, lat]). */
export function clusterFeatures(rows: Iterable<CellCount>, resolution: number): ClusterFeature[] {
  return rollUpCellCounts(rows, resolution).map(({ cell, count }) => {
    const { lat, lon } = cellCentroid(cell);
    return {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: { cell, resolution, count },
    };
  });
}
