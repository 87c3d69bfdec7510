/**
 * "Which incidents are within r km of this point or route, or in this map
 * view": the H3 cover narrows candidates in SQL (with the read filter), the
 * exact distance decides in code. Clusters group the same filtered rows by
 * cell, so their counts add up to the filtered total in the view.
 */
import {
  clusterFeatures,
  clusterResolutionForZoom,
  coverBounds,
  coverCircle,
  coverRoute,
  groupByResolutionFor,
  haversineKm,
  preparePolyline,
  cellColumn,
  type CellCover,
  type LatLon,
} from '../../core/geo/index.js';
import { readScope } from '../../core/policy/index.js';
import type { CurrentUser } from '../identity/identity.types.js';
import {
  countIncidentsPerCell,
  listIncidentPoints,
  type Bounds,
  type IncidentPoint,
} from './incidents.geo.repository.js';
import type { IncidentFilters } from './incidents.repository.js';
import type { IncidentDeps } from './incidents.service.js';

/** More candidates than this and the answer says it is truncated: narrow the filters. */
export const CANDIDATE_LIMIT = 50_000;
/** Zoomed in far enough to show single incidents: at most this many points. */
export const POINT_LIMIT = 5_000;
/** From this zoom, a view holding at most this many incidents is answered with points. */
export const POINTS_FROM_ZOOM = 8;
export const POINTS_WHEN_AT_MOST = 300;

export interface NearbyIncidents {
  items: (IncidentPoint & { distanceKm: number })[];
  truncated: boolean;
}

async function withinDistance(
  deps: IncidentDeps,
  reader: CurrentUser,
  filters: IncidentFilters,
  cover: CellCover,
  distanceKm: (point: LatLon) => number,
  radiusKm: number,
  limit: number,
): Promise<NearbyIncidents> {
  const cells = { column: cellColumn(cover.resolution), cells: cover.cells };
  const candidates = await listIncidentPoints(
    deps.db,
    readScope(reader),
    { ...filters, cells },
    CANDIDATE_LIMIT,
  );
  const items: NearbyIncidents['items'] = [];
  for (const candidate of candidates) {
    const distance = distanceKm(candidate);
    if (distance <= radiusKm)
      items.push({ ...candidate, distanceKm: Math.round(distance * 100) / 100 });
  }
  return {
    items: items.slice(0, limit),
    truncated: candidates.length === CANDIDATE_LIMIT || items.length > limit,
  };
}

export function incidentsNearPoint(
  deps: IncidentDeps,
  reader: CurrentUser,
  filters: IncidentFilters,
  centre: LatLon,
  radiusKm: number,
  limit: number,
) {
  return withinDistance(
    deps,
    reader,
    filters,
    coverCircle(centre.lat, centre.lon, radiusKm),
    (p) => haversineKm(centre, p),
    radiusKm,
    limit,
  );
}

export function incidentsAlongRoute(
  deps: IncidentDeps,
  reader: CurrentUser,
  filters: IncidentFilters,
  route: readonly LatLon[],
  radiusKm: number,
  limit: number,
) {
  const prepared = preparePolyline(route);
  return withinDistance(
    deps,
    reader,
    filters,
    coverRoute(route, radiusKm),
    (p) => prepared.distanceKm(p),
    radiusKm,
    limit,
  );
}

export type MapView =
  | {
      kind: 'clusters';
      resolution: number;
      total: number;
      features: ReturnType<typeof clusterFeatures>;
    }
  | { kind: 'points'; total: number; truncated: boolean; points: IncidentPoint[] };

export async function incidentMapView(
  deps: IncidentDeps,
  reader: CurrentUser,
  filters: IncidentFilters,
  zoom: number,
  bounds: Bounds,
): Promise<MapView> {
  const view = coverBounds(bounds.west, bounds.south, bounds.east, bounds.north);
  // The cover is only an index hint, and only worth it for a small view: for a wide
  // one (an r4 cover) reading the table in order beats thousands of index probes.
  // The lat/lon bounds make the counts exact either way.
  const narrowed: IncidentFilters =
    view.kind === 'cells' && view.resolution !== 4
      ? { ...filters, cells: { column: cellColumn(view.resolution), cells: view.cells } }
      : filters;
  const resolution = clusterResolutionForZoom(zoom);
  const pointsView = async (): Promise<MapView> => {
    const points = await listIncidentPoints(
      deps.db,
      readScope(reader),
      narrowed,
      POINT_LIMIT + 1,
      bounds,
    );
    return {
      kind: 'points',
      total: Math.min(points.length, POINT_LIMIT),
      truncated: points.length > POINT_LIMIT,
      points: points.slice(0, POINT_LIMIT),
    };
  };
  if (resolution === null) return pointsView();
  const counts = await countIncidentsPerCell(
    deps.db,
    readScope(reader),
    narrowed,
    cellColumn(groupByResolutionFor(resolution)),
    bounds,
  );
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  // Zoomed in on a quiet area: each incident can be opened, a cluster of two cannot.
  if (zoom >= POINTS_FROM_ZOOM && total <= POINTS_WHEN_AT_MOST) return pointsView();
  const features = clusterFeatures(counts, resolution);
  return {
    kind: 'clusters',
    resolution,
    total,
    features,
  };
}
