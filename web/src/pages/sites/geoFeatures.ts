/**
 * What the protection maps draw, as GeoJSON: a site's point or polygon, a
 * movement's route with its ends, waypoints and last check-in — and the
 * buffer or corridor around them, drawn as a line or circle whose width in
 * pixels follows the zoom so that it covers the true distance on the ground.
 * Pure functions, so that they are tested without a map.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { ExpressionSpecification } from 'maplibre-gl';

/** [lon, lat], as GeoJSON orders them. */
export type Position = [number, number];
export type Bounds = [[number, number], [number, number]];

/** What a feature is, for the map's styling. */
export type FeatureRole = 'site' | 'route' | 'origin' | 'destination' | 'waypoint' | 'last';

const EARTH_CIRCUMFERENCE_M = 40_075_016.686;
const TILE_SIZE = 512;
const MAX_ZOOM = 22;

/** Ground metres per screen pixel at zoom 0 and this latitude (Web Mercator, 512-px tiles). */
function metresPerPixelAtZoom0(lat: number): number {
  return (EARTH_CIRCUMFERENCE_M * Math.cos((lat * Math.PI) / 180)) / TILE_SIZE;
}

/**
 * Pixels that stand for `km` on the ground, as a zoom expression: each zoom
 * level doubles them. For a line's width pass twice the buffer (both sides);
 * for a circle's radius, the buffer itself.
 */
export function groundPixels(km: number, lat: number): ExpressionSpecification {
  const atZoom0 = (Math.max(km, 0) * 1000) / metresPerPixelAtZoom0(lat);
  return [
    'interpolate',
    ['exponential', 2],
    ['zoom'],
    0,
    atZoom0,
    MAX_ZOOM,
    atZoom0 * 2 ** MAX_ZOOM,
  ];
}

function feature(geometry: Geometry, role: FeatureRole, label = ''): Feature {
  return { type: 'Feature', geometry, properties: { role, label } };
}

export interface SiteShape {
  location:
    | { type: 'Point'; coordinates: [number, number] }
    | { type: 'Polygon'; coordinates: number[][][] };
  name: string;
}

export function siteFeatures(site: SiteShape): FeatureCollection {
  return { type: 'FeatureCollection', features: [feature(site.location, 'site', site.name)] };
}

export interface RouteShape {
  route: { coordinates: [number, number][] };
  origin: { name: string; lat: number; lon: number };
  destination: { name: string; lat: number; lon: number };
  waypoints: { name?: string; lat: number; lon: number }[];
  lastPosition?: { lat: number; lon: number } | null;
}

/** The route line first (the corridor is drawn from it), then its points; the last check-in on top. */
export function movementFeatures(movement: RouteShape): FeatureCollection {
  const line: Position[] =
    movement.route.coordinates.length >= 2
      ? movement.route.coordinates
      : [
          [movement.origin.lon, movement.origin.lat],
          ...movement.waypoints.map((w): Position => [w.lon, w.lat]),
          [movement.destination.lon, movement.destination.lat],
        ];
  const point = (lat: number, lon: number): Geometry => ({
    type: 'Point',
    coordinates: [lon, lat],
  });
  const features: Feature[] = [
    feature({ type: 'LineString', coordinates: line }, 'route'),
    ...movement.waypoints.map((w) => feature(point(w.lat, w.lon), 'waypoint', w.name ?? '')),
    feature(point(movement.origin.lat, movement.origin.lon), 'origin', movement.origin.name),
    feature(
      point(movement.destination.lat, movement.destination.lon),
      'destination',
      movement.destination.name,
    ),
  ];
  if (movement.lastPosition) {
    features.push(feature(point(movement.lastPosition.lat, movement.lastPosition.lon), 'last'));
  }
  return { type: 'FeatureCollection', features };
}

function positionsOf(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates as Position];
    case 'LineString':
    case 'MultiPoint':
      return geometry.coordinates as Position[];
    case 'Polygon':
    case 'MultiLineString':
      return geometry.coordinates.flat() as Position[];
    case 'MultiPolygon':
      return geometry.coordinates.flat(2) as Position[];
    case 'GeometryCollection':
      return geometry.geometries.flatMap(positionsOf);
  }
}

/**
 * The box around every feature, widened by `marginKm` (the buffer or
 * corridor) so that it shows whole; null when there is nothing to frame.
 */
export function featureBounds(collection: FeatureCollection, marginKm: number): Bounds | null {
  const positions = collection.features.flatMap((f) => (f.geometry ? positionsOf(f.geometry) : []));
  if (positions.length === 0) return null;
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const [lon, lat] of positions) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  const latMargin = marginKm / 111.32;
  const midLat = (south + north) / 2;
  const lonMargin = marginKm / (111.32 * Math.max(Math.cos((midLat * Math.PI) / 180), 0.01));
  return [
    [Math.max(west - lonMargin, -180), Math.max(south - latMargin, -85)],
    [Math.min(east + lonMargin, 180), Math.min(north + latMargin, 85)],
  ];
}

/** Reads "lat, lon" lines into a closed GeoJSON ring ([lon, lat]); null when a line does not read. */
export function ringFromText(text: string): Position[] | null {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const ring: Position[] = [];
  for (const line of lines) {
    const parts = line.split(/[\s,;]+/).filter((part) => part !== '');
    if (parts.length !== 2) return null;
    const lat = Number(parts[0]);
    const lon = Number(parts[1]);
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) return null;
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
    ring.push([lon, lat]);
  }
  if (ring.length < 3) return null;
  const [first] = ring;
  const last = ring[ring.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push(first);
  return ring.length >= 4 ? ring : null;
}

/** A ring back as "lat, lon" lines (without the closing repeat), for editing. */
export function ringToText(ring: readonly Position[]): string {
  const open = ring.length > 1 ? ring.slice(0, -1) : ring;
  return open.map(([lon, lat]) => `${lat}, ${lon}`).join('\n');
}
