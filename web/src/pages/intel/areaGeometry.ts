/**
 * A threat report's area — a circle (centre and radius) or a polygon — as the
 * editor holds it while it is drawn, as the API takes it, and as GeoJSON for
 * the map. Circles are drawn as 64-sided polygons on the sphere, so a large
 * radius looks as the server measures it (great-circle distance).
 */
import type { Feature, FeatureCollection } from 'geojson';
import { MAX_AREA_RADIUS_KM, type Position, type ThreatArea } from '../../api/intel';

const EARTH_RADIUS_KM = 6371.0088;
const CIRCLE_STEPS = 64;

export interface LatLon {
  lat: number;
  lon: number;
}

/** The area while it is edited; both shapes are kept so switching back loses nothing. */
export interface AreaDraft {
  mode: 'circle' | 'polygon';
  centre: LatLon | null;
  radiusKm: string;
  /** The polygon's vertices, without the closing repeat of the first. */
  vertices: Position[];
  closed: boolean;
}

export type AreaProblem = 'centre' | 'radius' | 'vertices' | 'open';

export const EMPTY_AREA: AreaDraft = {
  mode: 'circle',
  centre: null,
  radiusKm: '10',
  vertices: [],
  closed: false,
};

export function round5(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;
const toDegrees = (radians: number) => (radians * 180) / Math.PI;

/** The closed ring of points `radiusKm` from the centre, as [lon, lat] positions. */
export function circleRing(centre: LatLon, radiusKm: number, steps = CIRCLE_STEPS): Position[] {
  const angular = radiusKm / EARTH_RADIUS_KM;
  const lat1 = toRadians(centre.lat);
  const lon1 = toRadians(centre.lon);
  const ring: Position[] = [];
  for (let step = 0; step <= steps; step += 1) {
    const bearing = (2 * Math.PI * step) / steps;
    const lat2 = Math.asin(
      Math.sin(lat1) * Math.cos(angular) + Math.cos(lat1) * Math.sin(angular) * Math.cos(bearing),
    );
    const lon2 =
      lon1 +
      Math.atan2(
        Math.sin(bearing) * Math.sin(angular) * Math.cos(lat1),
        Math.cos(angular) - Math.sin(lat1) * Math.sin(lat2),
      );
    ring.push([toDegrees(lon2), toDegrees(lat2)]);
  }
  return ring;
}

export function parseRadius(text: string): number | undefined {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(value) && value > 0 && value <= MAX_AREA_RADIUS_KM
    ? value
    : undefined;
}

export function draftFromArea(area: ThreatArea): AreaDraft {
  if (area.kind === 'circle') {
    return {
      ...EMPTY_AREA,
      centre: { lat: area.lat, lon: area.lon },
      radiusKm: String(area.radiusKm),
    };
  }
  const outer = area.polygon.coordinates[0] ?? [];
  return { ...EMPTY_AREA, mode: 'polygon', vertices: outer.slice(0, -1), closed: true };
}

/** What keeps the draft from being an area the server accepts, if anything. */
export function areaProblem(draft: AreaDraft): AreaProblem | undefined {
  if (draft.mode === 'circle') {
    if (!draft.centre) return 'centre';
    return parseRadius(draft.radiusKm) === undefined ? 'radius' : undefined;
  }
  if (draft.vertices.length < 3) return 'vertices';
  return draft.closed ? undefined : 'open';
}

/** The API's area; call when areaProblem found nothing. */
export function areaFromDraft(draft: AreaDraft): ThreatArea | undefined {
  if (areaProblem(draft) !== undefined) return undefined;
  if (draft.mode === 'circle' && draft.centre) {
    const radiusKm = parseRadius(draft.radiusKm) ?? 0;
    return { kind: 'circle', lat: draft.centre.lat, lon: draft.centre.lon, radiusKm };
  }
  const first = draft.vertices[0];
  if (!first) return undefined;
  return {
    kind: 'polygon',
    polygon: { type: 'Polygon', coordinates: [[...draft.vertices, first]] },
  };
}

const feature = (geometry: Feature['geometry'], role: string): Feature => ({
  type: 'Feature',
  geometry,
  properties: { role },
});

/** What the map draws: the shape, and while editing its centre or vertices. */
export function draftFeatures(draft: AreaDraft, editing: boolean): FeatureCollection {
  const features: Feature[] = [];
  if (draft.mode === 'circle') {
    const radius = parseRadius(draft.radiusKm);
    if (draft.centre && radius !== undefined) {
      features.push(
        feature({ type: 'Polygon', coordinates: [circleRing(draft.centre, radius)] }, 'area'),
      );
    }
    if (draft.centre && editing) {
      features.push(
        feature({ type: 'Point', coordinates: [draft.centre.lon, draft.centre.lat] }, 'centre'),
      );
    }
  } else {
    const [first] = draft.vertices;
    if (draft.closed && first && draft.vertices.length >= 3) {
      features.push(
        feature({ type: 'Polygon', coordinates: [[...draft.vertices, first]] }, 'area'),
      );
    } else if (draft.vertices.length >= 2) {
      features.push(feature({ type: 'LineString', coordinates: draft.vertices }, 'outline'));
    }
    if (editing) {
      draft.vertices.forEach((vertex, index) =>
        features.push(
          feature({ type: 'Point', coordinates: vertex }, index === 0 ? 'first' : 'vertex'),
        ),
      );
    }
  }
  return { type: 'FeatureCollection', features };
}

/** [[west, south], [east, north]] around the area, or null when there is nothing to frame. */
export function draftBounds(draft: AreaDraft): [[number, number], [number, number]] | null {
  const radius = parseRadius(draft.radiusKm);
  const points =
    draft.mode === 'circle'
      ? draft.centre && radius !== undefined
        ? circleRing(draft.centre, radius, 16)
        : []
      : draft.vertices;
  if (points.length === 0) return null;
  const lons = points.map(([lon]) => lon);
  const lats = points.map(([, lat]) => lat);
  return [
    [Math.min(...lons), Math.min(...lats)],
    [Math.max(...lons), Math.max(...lats)],
  ];
}
