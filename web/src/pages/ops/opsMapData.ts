/**
 * What the operations map draws, as GeoJSON, pure: each site's shape and
 * its buffer (a circle around a point site; around a polygon site, its
 * outline pushed out from the centre by the buffer — a drawing aid, the
 * server's geofence decides exactly), each movement's route coloured by
 * state, and each movement's last check-in.
 */
import type { Feature, FeatureCollection, LineString, Point, Polygon } from 'geojson';
import type { MovementState } from '@vocabulary/protection';
import { stateColour } from './movementBoard';

type Position = [number, number];

const EARTH_RADIUS_KM = 6371.0088;
const CIRCLE_STEPS = 48;

export interface OpsSite {
  id: string;
  name: string;
  location:
    | { type: 'Point'; coordinates: [number, number] }
    | { type: 'Polygon'; coordinates: number[][][] };
  centre: { lat: number; lon: number };
  bufferKm: number;
}

export interface OpsRoute {
  id: string;
  title: string;
  state: MovementState;
  route: { type: 'LineString'; coordinates: [number, number][] } | null;
  lastPosition: { lat: number; lon: number; at: string } | null;
}

/** The point `distanceKm` from (lat, lon) on the bearing, on a sphere. */
export function destination(
  lat: number,
  lon: number,
  distanceKm: number,
  bearingDeg: number,
): Position {
  const rad = Math.PI / 180;
  const angular = distanceKm / EARTH_RADIUS_KM;
  const bearing = bearingDeg * rad;
  const lat1 = lat * rad;
  const lon1 = lon * rad;
  const lat2 = Math.asin(
    Math.sin(lat1) * Math.cos(angular) + Math.cos(lat1) * Math.sin(angular) * Math.cos(bearing),
  );
  const lon2 =
    lon1 +
    Math.atan2(
      Math.sin(bearing) * Math.sin(angular) * Math.cos(lat1),
      Math.cos(angular) - Math.sin(lat1) * Math.sin(lat2),
    );
  return [((lon2 / rad + 540) % 360) - 180, lat2 / rad];
}

/** A closed ring approximating the circle of `radiusKm` around (lat, lon). */
export function circleRing(lat: number, lon: number, radiusKm: number): Position[] {
  const ring: Position[] = [];
  for (let step = 0; step < CIRCLE_STEPS; step += 1) {
    ring.push(destination(lat, lon, radiusKm, (360 * step) / CIRCLE_STEPS));
  }
  ring.push(ring[0] as Position);
  return ring;
}

function bearingKm(
  from: { lat: number; lon: number },
  to: Position,
): { bearing: number; km: number } {
  const rad = Math.PI / 180;
  const lat1 = from.lat * rad;
  const lat2 = to[1] * rad;
  const dLon = (to[0] - from.lon) * rad;
  const y = Math.sin(dLon) * Math.cos(lat2);
  const x = Math.cos(lat1) * Math.sin(lat2) - Math.sin(lat1) * Math.cos(lat2) * Math.cos(dLon);
  const a =
    Math.sin((lat2 - lat1) / 2) ** 2 + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) ** 2;
  return {
    bearing: Math.atan2(y, x) / rad,
    km: 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a))),
  };
}

/** The polygon's outline with every corner pushed `bufferKm` further from the centre. */
export function pushedOutRing(
  ring: readonly number[][],
  centre: { lat: number; lon: number },
  bufferKm: number,
): Position[] {
  return ring.map((corner) => {
    const position: Position = [corner[0] ?? 0, corner[1] ?? 0];
    const { bearing, km } = bearingKm(centre, position);
    return destination(centre.lat, centre.lon, km + bufferKm, bearing);
  });
}

export function siteCollection(sites: readonly OpsSite[]): FeatureCollection {
  const features: Feature[] = [];
  for (const site of sites) {
    const properties = { id: site.id, name: site.name };
    if (site.bufferKm > 0) {
      const ring =
        site.location.type === 'Point'
          ? circleRing(site.centre.lat, site.centre.lon, site.bufferKm)
          : pushedOutRing(site.location.coordinates[0] ?? [], site.centre, site.bufferKm);
      features.push({
        type: 'Feature',
        geometry: { type: 'Polygon', coordinates: [ring] } satisfies Polygon,
        properties: { ...properties, role: 'buffer' },
      });
    }
    features.push({
      type: 'Feature',
      geometry:
        site.location.type === 'Point'
          ? ({ type: 'Point', coordinates: site.location.coordinates } satisfies Point)
          : ({ type: 'Polygon', coordinates: site.location.coordinates } satisfies Polygon),
      properties: { ...properties, role: 'site' },
    });
  }
  return { type: 'FeatureCollection', features };
}

export function routeCollection(routes: readonly OpsRoute[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: routes.flatMap((movement): Feature[] =>
      movement.route && movement.route.coordinates.length >= 2
        ? [
            {
              type: 'Feature',
              geometry: {
                type: 'LineString',
                coordinates: movement.route.coordinates,
              } satisfies LineString,
              properties: {
                id: movement.id,
                title: movement.title,
                state: movement.state,
                colour: stateColour(movement.state),
              },
            },
          ]
        : [],
    ),
  };
}

export function checkinCollection(routes: readonly OpsRoute[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: routes.flatMap((movement): Feature[] =>
      movement.lastPosition
        ? [
            {
              type: 'Feature',
              geometry: {
                type: 'Point',
                coordinates: [movement.lastPosition.lon, movement.lastPosition.lat],
              } satisfies Point,
              properties: { id: movement.id, colour: stateColour(movement.state) },
            },
          ]
        : [],
    ),
  };
}

/** The box around every site centre and route point, or null when there is nothing. */
export function boundsOf(
  sites: readonly OpsSite[],
  routes: readonly OpsRoute[],
): [[number, number], [number, number]] | null {
  const points: Position[] = [
    ...sites.map((site): Position => [site.centre.lon, site.centre.lat]),
    ...routes.flatMap((movement) => movement.route?.coordinates ?? []),
  ];
  if (points.length === 0) return null;
  const lons = points.map((point) => point[0]);
  const lats = points.map((point) => point[1]);
  return [
    [Math.min(...lons), Math.min(...lats)],
    [Math.max(...lons), Math.max(...lats)],
  ];
}
