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
import { type PreparedPolyline, preparePolyline } from './distance.js';
import { floodFillCells } from './flood.js';
import { SIMPLIFY_SLACK, simplifyPolyline } from './simplify.js';
import { type LatLon, assertValidLatLon, assertValidRadius } from './sphere.js';

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

/** Cells whose centre is within `radiusKm` + circumradius of the shape `distanceKm` measures. */
function coverByDistance(
  seeds: readonly LatLon[],
  isWithinKm: (point: LatLon, km: number) => boolean,
  radiusKm: number,
  resolution: StoredResolution,
  maxCells: number,
): string[] | null {
  const farthest = radiusKm + maxCircumradiusKm(resolution);
  return floodFillCells(
    seeds.map((p) => latLngToCell(p.lat, p.lon, resolution)),
    (cell) => {
      const center = cellCentroid(cell);
      if (isWithinKm(center, radiusKm)) return true;
      if (!isWithinKm(center, farthest + slackKm(farthest))) return false;
      const limit = radiusKm + cellCircumradiusKm(cell, center);
      return isWithinKm(center, limit + slackKm(limit));
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
    (resolution, maxCells) =>
      coverByDistance([center], circle.isWithinKm, radiusKm, resolution, maxCells),
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
  let route: PreparedPolyline = preparePolyline(polyline);
  let radius = radiusKm;
  if (polyline.length > SIMPLIFY_ABOVE_VERTICES) {
    const toleranceKm = Math.min(1, Math.max(0.01, 0.02 * radiusKm));
    route = preparePolyline(simplifyPolyline(polyline, toleranceKm));
    radius += toleranceKm * (1 + SIMPLIFY_SLACK.relative) + SIMPLIFY_SLACK.absoluteKm;
  }
  return coverAtBestResolution(
    (resolution) => estimateCorridorCells(route.lengthKm, radius, resolution),
    (resolution, maxCells) =>
      coverByDistance(route.points, route.isWithinKm, radius, resolution, maxCells),
    options,
    DEFAULT_MAX_ROUTE_CELLS,
  );
}
