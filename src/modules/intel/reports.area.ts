/**
 * A threat report's area as the query table stores it: one centre with its H3
 * cells, and the radius for a circle. The polygon's centre is the mean of its
 * outer ring's vertices: good enough to index and sort areas of a few hundred
 * km that never span the antimeridian (the polygon schema refuses that).
 */
import {
  boxAroundCap,
  haversineKm,
  pointCells,
  type LatLon,
  type LatLonBox,
} from '../../core/geo/index.js';
import type { ThreatReportRow } from './reports.repository.js';
import type { ThreatArea, ThreatReportInput } from './intel.schema.js';
import type { ReportStatus } from '../../core/vocabulary/intel.js';

export function areaCentre(area: ThreatArea): LatLon {
  if (area.kind === 'circle') return { lat: area.lat, lon: area.lon };
  const outer = area.polygon.coordinates[0] ?? [];
  // The closing position repeats the first; counting it twice would pull the centre towards it.
  const vertices = outer.slice(0, -1);
  const n = Math.max(1, vertices.length);
  return {
    lat: vertices.reduce((sum, [, lat]) => sum + lat, 0) / n,
    lon: vertices.reduce((sum, [lon]) => sum + lon, 0) / n,
  };
}

/**
 * The area's bounding box. A circle's box is rigorous (it holds the whole
 * cap), clipped to [-180, 180]: areas never span the antimeridian here.
 */
export function areaBounds(area: ThreatArea): LatLonBox {
  if (area.kind === 'circle') {
    const box = boxAroundCap({ lat: area.lat, lon: area.lon }, area.radiusKm);
    return { ...box, west: Math.max(-180, box.west), east: Math.min(180, box.east) };
  }
  const outer = area.polygon.coordinates[0] ?? [];
  const lons = outer.map(([lon]) => lon);
  const lats = outer.map(([, lat]) => lat);
  return {
    west: Math.min(...lons),
    south: Math.min(...lats),
    east: Math.max(...lons),
    north: Math.max(...lats),
  };
}

export function reportRow(
  id: string,
  input: ThreatReportInput,
  status: ReportStatus,
): ThreatReportRow {
  const centre = areaCentre(input.area);
  const box = areaBounds(input.area);
  return {
    id,
    title: input.title,
    status,
    valid_from: input.validFrom,
    valid_until: input.validUntil,
    target_type: input.targetType,
    source_reliability: input.sourceReliability,
    information_credibility: input.informationCredibility,
    language: input.language,
    lat: centre.lat,
    lon: centre.lon,
    ...pointCells(centre.lat, centre.lon),
    radius_km: input.area.kind === 'circle' ? input.area.radiusKm : null,
    area_west: box.west,
    area_south: box.south,
    area_east: box.east,
    area_north: box.north,
  };
}

/** The exact test behind the list's area filter, after the cell pre-filter. */
export function centreWithin(row: ThreatReportRow, point: LatLon, radiusKm: number): boolean {
  return haversineKm({ lat: row.lat, lon: row.lon }, point) <= radiusKm;
}
