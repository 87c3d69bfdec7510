/**
 * Which H3 cells a stored point carries, and how to turn a cell back into
 * geometry. Each stored point gets one cell id (h3-js hex string, 15 chars) at
 * each of three resolutions, two H3 levels (×7 in area) apart:
 *
 * | column | res | avg edge | avg area   | serves                                               |
 * | ------ | --- | -------- | ---------- | ---------------------------------------------------- |
 * | h3_r4  | 4   | ~26 km   | ~1,770 km² | radii ≳ 55 km, long routes, clusters at zoom ≤ 7     |
 * | h3_r6  | 6   | ~3.7 km  | ~36 km²    | radii ~8–55 km (the 25 km alert), zoom 8–10          |
 * | h3_r8  | 8   | ~0.53 km | ~0.74 km²  | radii ≲ 8 km (site perimeters), zoom 11–13           |
 *
 * A cover at resolution R with cell circumradius a ≈ edge has precision about
 * (r / (r + a))² for a circle and r / (r + a) for a corridor, so two levels
 * between columns gives every radius from 1 km to a few hundred a column
 * with ≥ ~40% precision in ≤ 300 cells (cover.ts picks it).
 *
 * Each resolution is computed directly (latLngToCell), never as the parent of
 * a finer cell: H3 children do not tile their parent exactly, and covers
 * promise to contain latLngToCell(point, R).
 *
 * Owns: the stored resolutions and cell ⇄ geometry. Must never: choose a
 * query's resolution (cover.ts) or do I/O.
 */
import {
  cellToBoundary,
  cellToLatLng,
  cellToParent,
  getHexagonEdgeLengthAvg,
  getResolution,
  latLngToCell,
} from 'h3-js';
import type { GeoJsonPolygon } from './geojson.schema.js';
import { haversineKm } from './distance.js';
import { type LatLon, assertValidLatLon } from './sphere.js';

export const STORED_RESOLUTIONS = [4, 6, 8] as const;
export type StoredResolution = (typeof STORED_RESOLUTIONS)[number];

export interface PointCells {
  readonly h3_r4: string;
  readonly h3_r6: string;
  readonly h3_r8: string;
}
export type CellColumn = keyof PointCells;

export function cellColumn(resolution: StoredResolution): CellColumn {
  return `h3_r${resolution}`;
}

export function isStoredResolution(resolution: number): resolution is StoredResolution {
  return (STORED_RESOLUTIONS as readonly number[]).includes(resolution);
}

/** The cells to store with a point. Throws RangeError on an invalid coordinate. */
export function pointCells(lat: number, lon: number): PointCells {
  assertValidLatLon({ lat, lon });
  return {
    h3_r4: latLngToCell(lat, lon, 4),
    h3_r6: latLngToCell(lat, lon, 6),
    h3_r8: latLngToCell(lat, lon, 8),
  };
}

export function averageEdgeKm(resolution: number): number {
  return getHexagonEdgeLengthAvg(resolution, 'km');
}

/**
 * An upper bound on any cell's circumradius (centre to farthest vertex) at a
 * resolution. The measured maximum over every cell at res 0–4 is 1.10 × the
 * average edge (cells.test.ts re-checks it); 1.25 leaves a margin. Covers use
 * it only to skip cells that are clearly out; the in/out decision near the
 * edge uses each cell's own circumradius.
 */
export function maxCircumradiusKm(resolution: number): number {
  return 1.25 * averageEdgeKm(resolution);
}

/** The centre of a cell, for placing a cluster marker. */
export function cellCentroid(cell: string): LatLon {
  const [lat, lon] = cellToLatLng(cell);
  return { lat, lon };
}

/** Distance from a cell's centre to its farthest boundary vertex; the cell lies within it. */
export function cellCircumradiusKm(cell: string, center: LatLon = cellCentroid(cell)): number {
  let max = 0;
  for (const [lat, lon] of cellToBoundary(cell))
    max = Math.max(max, haversineKm(center, { lat, lon }));
  return max;
}

/** The ancestor of `cell` at `resolution` (the cell itself at its own resolution). */
export function cellToParentAt(cell: string, resolution: number): string {
  const own = getResolution(cell);
  if (resolution === own) return cell;
  if (!Number.isInteger(resolution) || resolution < 0 || resolution > own) {
    throw new RangeError(`a res ${own} cell has no parent at resolution ${resolution}`);
  }
  return cellToParent(cell, resolution);
}

/** A cell's outline as a GeoJSON Polygon ([lon, lat] positions, closed ring). */
export function cellBoundaryPolygon(cell: string): GeoJsonPolygon {
  return { type: 'Polygon', coordinates: [cellToBoundary(cell, true)] };
}
