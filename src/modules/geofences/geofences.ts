/**
 * Geofences: the regions that alerts and route risk test records against. A
 * fence is a base geometry (a point, a polygon or a route line) and a buffer
 * around it: a site is its point or polygon plus its buffer, a movement is
 * its route plus its corridor, a threat area is its centre plus its radius.
 *
 * Stored fences keep an H3 cover at resolutions 4 and 6 (geofence_cells), so
 * that "which fences can this point or area touch" is one indexed lookup: an
 * incident probes with its own r6 cell, an area with its r4 cover. The cover
 * is a superset; `distanceToFenceKm` decides exactly.
 *
 * Owns: fence geometry, covers and exact tests. Must never: do I/O.
 */
import {
  coverCircle,
  coverRoute,
  haversineKm,
  pointInPolygon,
  preparePolyline,
  type GeoJsonPolygon,
  type LatLon,
} from '../../core/geo/index.js';

export type FenceBase =
  | { kind: 'point'; point: LatLon }
  | { kind: 'polygon'; polygon: GeoJsonPolygon }
  | { kind: 'line'; line: readonly LatLon[] };

export interface Fence {
  base: FenceBase;
  /** The region is every point within this distance of the base (0 for the base alone). */
  bufferKm: number;
}

/** Resolutions a stored fence is covered at: r6 for points probing it, r4 for areas. */
export const FENCE_POINT_RESOLUTION = 6;
export const FENCE_AREA_RESOLUTION = 4;

function outerRing(polygon: GeoJsonPolygon): LatLon[] {
  return (polygon.coordinates[0] ?? []).map(([lon, lat]) => ({ lat, lon }));
}

/** The mean of a polygon's outer-ring vertices (without the closing repeat). */
export function polygonCentre(polygon: GeoJsonPolygon): LatLon {
  const ring = outerRing(polygon).slice(0, -1);
  const n = Math.max(1, ring.length);
  return {
    lat: ring.reduce((sum, p) => sum + p.lat, 0) / n,
    lon: ring.reduce((sum, p) => sum + p.lon, 0) / n,
  };
}

/** A point to put a fence's marker at. */
export function fenceCentre(fence: Fence): LatLon {
  switch (fence.base.kind) {
    case 'point':
      return fence.base.point;
    case 'polygon':
      return polygonCentre(fence.base.polygon);
    case 'line': {
      const line = fence.base.line;
      return line[Math.floor(line.length / 2)] ?? { lat: 0, lon: 0 };
    }
  }
}

/**
 * A circle holding the whole region: its centre and the radius that reaches
 * the farthest point of the base plus the buffer. Polygons are covered
 * through it (a superset; the exact test is in distanceToFenceKm).
 */
export function enclosingCircle(fence: Fence): { centre: LatLon; radiusKm: number } {
  const centre = fenceCentre(fence);
  const points =
    fence.base.kind === 'point'
      ? [fence.base.point]
      : fence.base.kind === 'polygon'
        ? outerRing(fence.base.polygon)
        : fence.base.line;
  const reach = points.reduce((far, p) => Math.max(far, haversineKm(centre, p)), 0);
  return { centre, radiusKm: reach + fence.bufferKm };
}

/** Every cell at r4 and r6 holding a point of the region (a superset: covers overshoot by a cell). */
export function fenceCells(fence: Fence): string[] {
  const cells = new Set<string>();
  for (const resolution of [FENCE_AREA_RESOLUTION, FENCE_POINT_RESOLUTION] as const) {
    const cover =
      fence.base.kind === 'line'
        ? coverRoute(fence.base.line, Math.max(fence.bufferKm, 0.01), { resolution })
        : (() => {
            const circle = enclosingCircle(fence);
            return coverCircle(
              circle.centre.lat,
              circle.centre.lon,
              Math.max(circle.radiusKm, 0.01),
              {
                resolution,
              },
            );
          })();
    for (const cell of cover.cells) cells.add(cell);
  }
  return [...cells];
}

/** Distance from the base geometry to a point (0 inside a polygon). */
export function distanceToBaseKm(base: FenceBase, point: LatLon): number {
  switch (base.kind) {
    case 'point':
      return haversineKm(base.point, point);
    case 'polygon':
      if (pointInPolygon(point, base.polygon)) return 0;
      return preparePolyline(outerRing(base.polygon)).distanceKm(point);
    case 'line':
      return preparePolyline(base.line).distanceKm(point);
  }
}

/** How far outside the region a point is: 0 when it is inside. */
export function distanceToFenceKm(fence: Fence, point: LatLon): number {
  return Math.max(0, distanceToBaseKm(fence.base, point) - fence.bufferKm);
}

/** True when a circular area (a threat's centre and radius) meets the region. */
export function circleMeetsFence(fence: Fence, centre: LatLon, radiusKm: number): boolean {
  return distanceToFenceKm(fence, centre) <= radiusKm;
}
