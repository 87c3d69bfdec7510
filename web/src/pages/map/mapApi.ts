/**
 * The two map reads: incidents in a view (GET /api/incidents/map: clusters
 * when zoomed out, points when zoomed in) and threat report areas in a view
 * (GET /api/threat-reports/map, a GeoJSON FeatureCollection). The server
 * takes boxes with west < east inside ±180°, so a view across the
 * antimeridian is asked for in two halves and the answers are merged.
 */
import type { Polygon } from 'geojson';
import { ApiError } from '../../api/client';
import { getOnce, startEarly } from './earlyRequests';
import { rangeInstants, type DateRange } from './timeRange';

export interface ViewBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

export interface IncidentCluster {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: { cell: string; resolution: number; count: number };
}

export interface IncidentPoint {
  id: string;
  event_date: string;
  event_type: string;
  sub_event_type: string;
  location: string;
  lat: number;
  lon: number;
  fatalities: number | null;
  marking: string;
}

export type IncidentMapAnswer =
  | { kind: 'clusters'; resolution: number; total: number; features: IncidentCluster[] }
  | { kind: 'points'; total: number; truncated: boolean; points: IncidentPoint[] };

export interface IncidentMapFilters {
  range: DateRange;
  eventType: string | undefined;
}

export interface ThreatAreaProperties {
  id: string;
  title: string;
  status: string;
  marking: string;
  sourceReliability: string;
  informationCredibility: number;
  targetType: string;
  validFrom: string;
  validUntil: string;
  radiusKm: number | null;
}

export interface ThreatArea {
  type: 'Feature';
  id: string;
  geometry: Polygon;
  properties: ThreatAreaProperties;
}

export interface ThreatMapAnswer {
  type: 'FeatureCollection';
  features: ThreatArea[];
  truncated: boolean;
}

const MAX_LATITUDE = 85.0511;

/** Outward to 1e-5° (about a metre): a view predicted before the map exists asks the same URL. */
function roundedOut(box: ViewBox): ViewBox {
  const down = (value: number) => Math.floor(value * 1e5) / 1e5;
  const up = (value: number) => Math.ceil(value * 1e5) / 1e5;
  return { west: down(box.west), south: down(box.south), east: up(box.east), north: up(box.north) };
}

/** The view as one or two boxes inside ±180° longitude (two when it crosses the antimeridian). */
export function viewBoxes(bounds: ViewBox): ViewBox[] {
  return boxesWithin180(bounds).map(roundedOut);
}

function boxesWithin180(bounds: ViewBox): ViewBox[] {
  const south = Math.max(-MAX_LATITUDE, bounds.south);
  const north = Math.min(MAX_LATITUDE, bounds.north);
  if (bounds.east - bounds.west >= 360) return [{ west: -180, south, east: 180, north }];
  // Bring the western edge into [-180, 180); the eastern one follows at the same width.
  const west = ((((bounds.west + 180) % 360) + 360) % 360) - 180;
  const east = west + (bounds.east - bounds.west);
  if (east <= 180) return [{ west, south, east, north }];
  return [
    { west, south, east: 180, north },
    { west: -180, south, east: east - 360, north },
  ].filter((box) => box.east > box.west);
}

function mergeIncidentAnswers(answers: IncidentMapAnswer[]): IncidentMapAnswer {
  const [first, ...rest] = answers;
  if (!first) return { kind: 'clusters', resolution: 0, total: 0, features: [] };
  return rest.reduce<IncidentMapAnswer>((merged, next) => {
    if (merged.kind === 'clusters' && next.kind === 'clusters')
      return {
        ...merged,
        total: merged.total + next.total,
        features: [...merged.features, ...next.features],
      };
    if (merged.kind === 'points' && next.kind === 'points')
      return {
        kind: 'points',
        total: merged.total + next.total,
        truncated: merged.truncated || next.truncated,
        points: [...merged.points, ...next.points],
      };
    return merged; // the same zoom gives the same kind; nothing else can happen
  }, first);
}

const INCIDENT_MAP = '/api/incidents/map';
const THREAT_MAP = '/api/threat-reports/map';

function incidentMapQuery(box: ViewBox, zoom: number, filters: IncidentMapFilters) {
  return {
    ...box,
    zoom: Math.floor(zoom),
    from: filters.range.from,
    to: filters.range.to,
    eventType: filters.eventType,
  };
}

function threatMapQuery(box: ViewBox, range: DateRange) {
  // Drafts are work in progress and revoked reports are withdrawn: neither is a threat to show.
  return { ...box, ...rangeInstants(range), status: 'published' };
}

/** Asks for a view's incidents before the layer does (see earlyRequests.ts). */
export function startIncidentMap(
  boxes: readonly ViewBox[],
  zoom: number,
  filters: IncidentMapFilters,
): void {
  for (const box of boxes) startEarly(INCIDENT_MAP, incidentMapQuery(box, zoom, filters));
}

/** Asks for a view's threat areas before the layer does. */
export function startThreatMap(boxes: readonly ViewBox[], range: DateRange): void {
  for (const box of boxes) startEarly(THREAT_MAP, threatMapQuery(box, range));
}

export async function fetchIncidentMap(
  boxes: readonly ViewBox[],
  zoom: number,
  filters: IncidentMapFilters,
  signal: AbortSignal,
): Promise<IncidentMapAnswer> {
  const answers = await Promise.all(
    boxes.map((box) =>
      getOnce<IncidentMapAnswer>(INCIDENT_MAP, incidentMapQuery(box, zoom, filters), signal),
    ),
  );
  return mergeIncidentAnswers(answers);
}

/** True when the server answered as one that does not have the threat map yet. */
function isUnsupported(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.status === 404 ||
      error.status === 405 ||
      // An older server reads `map` as a report id and refuses it.
      (error.status === 400 && error.issues.some((issue) => issue.path === 'id')))
  );
}

/** Learnt once per page life, so that panning does not ask a server again for what it lacks. */
let threatMapMissing = false;

/** Threat areas in the view, or null when this server does not offer them. */
export async function fetchThreatMap(
  boxes: readonly ViewBox[],
  range: DateRange,
  signal: AbortSignal,
): Promise<ThreatMapAnswer | null> {
  if (threatMapMissing) return null;
  try {
    const answers = await Promise.all(
      boxes.map((box) => getOnce<ThreatMapAnswer>(THREAT_MAP, threatMapQuery(box, range), signal)),
    );
    // An area crossing both halves comes back twice: keep it once.
    const byId = new Map(answers.flatMap((answer) => answer.features).map((f) => [f.id, f]));
    return {
      type: 'FeatureCollection',
      features: [...byId.values()],
      truncated: answers.some((answer) => answer.truncated),
    };
  } catch (error) {
    if (!isUnsupported(error)) throw error;
    threatMapMissing = true;
    return null;
  }
}
