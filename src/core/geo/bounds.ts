/**
 * Cell covers for map views ("what is in this lon/lat box"), and the handling
 * of views that cross the antimeridian: they are refused with a RangeError
 * that says how to split them, and `splitAtAntimeridian` does the split.
 *
 * A cell is kept when the lat/lon box around its circumscribing cap meets the
 * view; that box is rigorous (sphere.ts), so the cover is a guaranteed superset.
 *
 * Owns: view covers. Must never: decide clustering (cluster.ts) or run queries.
 */
import { latLngToCell } from 'h3-js';
import { type StoredResolution, averageEdgeKm, cellCentroid, cellCircumradiusKm } from './cells.js';
import { type CoverOptions, coverAtBestResolution } from './cover.js';
import { coverCells } from './flood.js';
import { type LatLonBox, EARTH_RADIUS_KM, boxAroundCap, boxesIntersect } from './sphere.js';

export const DEFAULT_MAX_VIEW_CELLS = 500;

/**
 * `too-large`: even the coarsest column needs more than `maxCells` cells, so a
 * cell filter would not help; filter on the lat/lon columns (or not at all).
 */
export type BoundsCover =
  | { readonly kind: 'cells'; readonly resolution: StoredResolution; readonly cells: string[] }
  | { readonly kind: 'too-large'; readonly estimatedCells: number };

const DEG = Math.PI / 180;

function assertValidBounds(west: number, south: number, east: number, north: number): void {
  const values = { west, south, east, north };
  for (const [name, value] of Object.entries(values)) {
    if (!Number.isFinite(value))
      throw new RangeError(`bounds.${name} must be a finite number, got ${value}`);
  }
  if (south < -90 || north > 90 || south >= north) {
    throw new RangeError(
      `bounds need -90 ≤ south < north ≤ 90, got south=${south}, north=${north}`,
    );
  }
  if (west < -180 || east > 180) {
    throw new RangeError(
      `bounds need longitudes in [-180, 180], got west=${west}, east=${east}; use splitAtAntimeridian`,
    );
  }
  if (west >= east) {
    throw new RangeError(
      `bounds with west ≥ east (west=${west}, east=${east}) cross the antimeridian; split them at 180° with splitAtAntimeridian`,
    );
  }
}

/**
 * A view as MapLibre may report it (longitudes unwrapped past ±180, or
 * west > east across the antimeridian) → one or two boxes within [-180, 180].
 */
export function splitAtAntimeridian(
  west: number,
  south: number,
  east: number,
  north: number,
): LatLonBox[] {
  let w = west;
  let e = east;
  if (e < w) e += 360;
  if (e - w >= 360) return [{ west: -180, south, east: 180, north }];
  const shift = Math.floor((w + 180) / 360) * 360;
  w -= shift;
  e -= shift;
  if (e <= 180) return [{ west: w, south, east: e, north }];
  return [
    { west: w, south, east: 180, north },
    { west: -180, south, east: e - 360, north },
  ];
}

function boxAreaKm2(box: LatLonBox): number {
  return (
    EARTH_RADIUS_KM ** 2 *
    (box.east - box.west) *
    DEG *
    (Math.sin(box.north * DEG) - Math.sin(box.south * DEG))
  );
}

/** Rings of a disk at the view's centre that stay inside the view; the flood fill does the rest. */
function ringsInside(view: LatLonBox, resolution: StoredResolution): number {
  const heightKm = (view.north - view.south) * DEG * EARTH_RADIUS_KM;
  const maxAbsLat = Math.max(Math.abs(view.south), Math.abs(view.north));
  const widthKm = (view.east - view.west) * DEG * EARTH_RADIUS_KM * Math.cos(maxAbsLat * DEG);
  return Math.max(
    0,
    Math.floor(Math.min(heightKm, widthKm) / 2 / (1.5 * averageEdgeKm(resolution))),
  );
}

/**
 * The cells of the finest stored column that cover the view in ≤ maxCells
 * (default 500), or `too-large`. Longitudes must satisfy -180 ≤ west < east ≤ 180.
 */
export function coverBounds(
  west: number,
  south: number,
  east: number,
  north: number,
  options: CoverOptions = {},
): BoundsCover {
  assertValidBounds(west, south, east, north);
  const view: LatLonBox = { west, south, east, north };
  const estimate = (resolution: StoredResolution): number => {
    const margin = averageEdgeKm(resolution);
    const perimeterKm = 4 * Math.sqrt(boxAreaKm2(view)); // as if square: only sizes the guess
    return (boxAreaKm2(view) + perimeterKm * margin) / (2.598 * margin * margin);
  };
  const maxCells = options.maxCells ?? DEFAULT_MAX_VIEW_CELLS;
  if (options.resolution === undefined && estimate(4) > maxCells) {
    return { kind: 'too-large', estimatedCells: Math.round(estimate(4)) };
  }
  const seed = { lat: (south + north) / 2, lon: (west + east) / 2 };
  const cover = coverAtBestResolution(
    estimate,
    (resolution, limit) =>
      coverCells(
        [
          {
            cell: latLngToCell(seed.lat, seed.lon, resolution),
            rings: ringsInside(view, resolution),
          },
        ],
        (cell) => {
          const center = cellCentroid(cell);
          if (
            center.lat >= south &&
            center.lat <= north &&
            center.lon >= west &&
            center.lon <= east
          ) {
            return true;
          }
          const radiusKm = cellCircumradiusKm(cell, center);
          return boxesIntersect(boxAroundCap(center, radiusKm * (1 + 1e-9) + 1e-6), view);
        },
        limit,
      ),
    options,
    DEFAULT_MAX_VIEW_CELLS,
  );
  return { kind: 'cells', ...cover };
}
