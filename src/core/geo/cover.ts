/**
 * Cell covers for "within r km of this point / of this route": the H3 cells a
 * repository puts in `h3_rN IN (...)` to get candidates, which the caller then
 * filters exactly with distance.ts. A cover is a guaranteed superset: it holds
 * latLngToCell(p, N) for every p within r km.
 *
 * A cell is kept when its centre is within r + its circumradius of the shape
 * (triangle inequality: a cell with any point within r must pass), so the
 * cover overshoots by at most one cell. Resolution: the finest stored column
 * whose cover stays within `maxCells` — precision is worth more index probes
 * until the IN list gets long.
 *
 * Owns: choosing a resolution and covering circles and routes. Must never:
 * run queries, or promise exact distances (that is distance.ts).
 */
import { latLngToCell } from 'h3-js';
import {
  type StoredResolution,
  STORED_RESOLUTIONS,
  averageEdgeKm,
  cellCentroid,
  cellCircumradiusKm,
  maxCircumradiusKm,
} from './cells.js';
import { type PreparedPolyline, haversineKm, preparePolyline } from './distance.js';
import { type Disk, coverCells } from './flood.js';
import { SIMPLIFY_SLACK, simplifyPolyline } from './simplify.js';
import {
  type LatLon,
  assertValidLatLon,
  assertValidRadius,
  interpolateGreatCircle,
} from './sphere.js';

export interface CellCover {
  readonly resolution: StoredResolution;
  readonly cells: string[];
}

export interface CoverOptions {
  /** Cover at this column only (e.g. to store a site's or a route's cells). */
  readonly resolution?: StoredResolution;
  /** Longest acceptable IN list before stepping to a coarser column. */
  readonly maxCells?: number;
}

export const MAX_COVER_RADIUS_KM = 1_000;
export const DEFAULT_MAX_CIRCLE_CELLS = 300;
export const DEFAULT_MAX_ROUTE_CELLS = 1_500;
/** Routes with more vertices are simplified before covering (see simplify.ts). */
const SIMPLIFY_ABOVE_VERTICES = 32;

/**
 * Tries stored columns finest first; skips one whose estimated size is over
 * the limit; the coarsest is always accepted, however long.
 */
export function coverAtBestResolution(
  estimateCells: (resolution: StoredResolution) => number,
  cover: (resolution: StoredResolution, maxCells: number) => string[] | null,
  options: CoverOptions,
  defaultMaxCells: number,
): CellCover {
  const maxCells = options.maxCells ?? defaultMaxCells;
  const order =
    options.resolution !== undefined ? [options.resolution] : [...STORED_RESOLUTIONS].reverse();
  for (const [index, resolution] of order.entries()) {
    const last = index === order.length - 1;
    if (!last && estimateCells(resolution) > maxCells) continue;
    const cells = cover(resolution, last ? Infinity : maxCells);
    if (cells) return { resolution, cells };
  }
  throw new Error('unreachable: the last resolution is covered without a limit');
}

/** Floating-point slack on every keep/drop decision; it can only add cells. */
const slackKm = (km: number): number => km * 1e-9 + 1e-6;

/**
 * Disks of cells along the line, spaced so that together they reach
 * radiusKm + one cell on every side; what they miss the flood fill finds.
 */
function disksAlong(
  points: readonly LatLon[],
  radiusKm: number,
  resolution: StoredResolution,
): Disk[] {
  const edgeKm = averageEdgeKm(resolution);
  const reachKm = radiusKm + maxCircumradiusKm(resolution);
  const spacingKm = Math.max(reachKm, 3 * edgeKm);
  // Planar hexagon rings: ring k's nearest cell centres are ~1.5 k edges away.
  const alongKm = points.length > 1 ? spacingKm / 2 : 0;
  const rings = Math.ceil(Math.hypot(reachKm, alongKm) / (1.5 * edgeKm));
  const disks: Disk[] = [];
  const add = (p: LatLon): void => {
    const cell = latLngToCell(p.lat, p.lon, resolution);
    if (disks[disks.length - 1]?.cell !== cell) disks.push({ cell, rings });
  };
  // One disk every spacingKm of length, wherever the vertices fall.
  let nextAtKm = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i] as LatLon;
    const b = points[i + 1] as LatLon;
    const lengthKm = haversineKm(a, b);
    for (; nextAtKm <= lengthKm; nextAtKm += spacingKm) {
      add(lengthKm === 0 ? a : interpolateGreatCircle(a, b, nextAtKm / lengthKm));
    }
    nextAtKm -= lengthKm;
  }
  add(points[points.length - 1] as LatLon);
  return disks;
}

/** Cells whose centre is within `radiusKm` + their circumradius of the line. */
function coverByDistance(
  line: PreparedPolyline,
  radiusKm: number,
  resolution: StoredResolution,
  maxCells: number,
): string[] | null {
  const farthest = radiusKm + maxCircumradiusKm(resolution);
  return coverCells(
    disksAlong(line.points, radiusKm, resolution),
    (cell) => {
      const center = cellCentroid(cell);
      const km = line.distanceWithinKm(center, farthest + slackKm(farthest));
      if (km <= radiusKm) return true;
      if (km === Infinity) return false;
      const limit = radiusKm + cellCircumradiusKm(cell, center);
      return km <= limit + slackKm(limit);
    },
    maxCells,
  );
}

function estimateCorridorCells(
  lengthKm: number,
  radiusKm: number,
  resolution: StoredResolution,
): number {
  const width = radiusKm + averageEdgeKm(resolution);
  const hexagonAreaKm2 = 2.598 * averageEdgeKm(resolution) ** 2;
  return (2 * width * lengthKm + Math.PI * width * width) / hexagonAreaKm2;
}

/** Every cell (at the returned resolution) holding a point within `radiusKm` of (lat, lon). */
export function coverCircle(
  lat: number,
  lon: number,
  radiusKm: number,
  options: CoverOptions = {},
): CellCover {
  const center = { lat, lon };
  assertValidLatLon(center, 'circle centre');
  assertValidRadius(radiusKm, MAX_COVER_RADIUS_KM);
  const circle = preparePolyline([center]);
  return coverAtBestResolution(
    (resolution) => estimateCorridorCells(0, radiusKm, resolution),
    (resolution, maxCells) => coverByDistance(circle, radiusKm, resolution, maxCells),
    options,
    DEFAULT_MAX_CIRCLE_CELLS,
  );
}

/**
 * Every cell holding a point within `radiusKm` of the polyline (great-circle
 * segments between `{ lat, lon }` points). Long, dense polylines are simplified
 * first and covered at a radius widened by the simplification tolerance.
 */
export function coverRoute(
  polyline: readonly LatLon[],
  radiusKm: number,
  options: CoverOptions = {},
): CellCover {
  assertValidRadius(radiusKm, MAX_COVER_RADIUS_KM);
  if (polyline.length === 0) throw new RangeError('a route needs at least one point');
  polyline.forEach((point, index) => assertValidLatLon(point, `polyline[${index}]`));
  let line = polyline;
  let radius = radiusKm;
  if (polyline.length > SIMPLIFY_ABOVE_VERTICES) {
    // ≤ 5% of the radius (and ≤ 1 km), ≥ 100 m: a fraction of the one-cell overshoot.
    const toleranceKm = Math.min(1, Math.max(0.1, 0.05 * radiusKm));
    line = simplifyPolyline(polyline, toleranceKm);
    radius += toleranceKm * (1 + SIMPLIFY_SLACK.relative) + SIMPLIFY_SLACK.absoluteKm;
  }
  const route = preparePolyline(line);
  return coverAtBestResolution(
    (resolution) => estimateCorridorCells(route.lengthKm, radius, resolution),
    (resolution, maxCells) => coverByDistance(route, radius, resolution, maxCells),
    options,
    DEFAULT_MAX_ROUTE_CELLS,
  );
}
