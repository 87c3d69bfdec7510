/**
 * Matching one trigger against the stored fences: the H3 cover narrows the
 * candidates in SQL (an incident probes with its own r6 cell, a threat area
 * with its r4 cover), then the exact geometry decides — a point inside a
 * site's buffer or a movement's corridor, a threat circle that meets it.
 * Movements match only while they are planned or under way, in time with
 * the trigger. Only subjects recorded by the time the trigger version was
 * stored are alerted: a site or movement recorded later meets the news in
 * its nearby list and its risk assessment instead (a demo or an import of
 * sites would otherwise raise an alert for every old report at once).
 *
 * Owns: which subjects a trigger touches and how far it is from each.
 * Must never: write, or consult the sharing policy (alerts are addressed to
 * organisations; readers are checked when they read).
 */
import {
  coverCircle,
  haversineKm,
  MAX_COVER_RADIUS_KM,
  type LatLon,
} from '../../core/geo/index.js';
import type { Clock } from '../../core/clock.js';
import type { Executor } from '../../storage/executor.js';
import {
  circleMeetsFence,
  distanceToBaseKm,
  distanceToFenceKm,
  FENCE_AREA_RESOLUTION,
  polygonCentre,
  type Fence,
} from '../geofences/geofences.js';
import { parseBody } from '../intel/intel.records.js';
import type { MovementsTable } from '../movements/movements.tables.js';
import { siteFence } from '../sites/sites.read.js';
import type { SitesTable } from '../sites/sites.tables.js';
import {
  movementsInCells,
  sitesInCells,
  type MovementCandidate,
} from './alerts.subjects.repository.js';
import {
  triggerIsLive,
  type IncidentTrigger,
  type ThreatTrigger,
  type Trigger,
} from './alerts.triggers.js';

export interface MatchDeps {
  db: Executor;
  clock: Clock;
}

interface MatchBase {
  subjectId: string;
  name: string;
  /** From the trigger (point, or the threat area's edge) to the site or route itself. */
  distanceKm: number;
  /** The organisations the alert is addressed to. */
  recipients: string[];
}
export type SubjectMatch =
  (MatchBase & { subjectType: 'site' }) | (MatchBase & { subjectType: 'movement'; state: string });

/** States in which a movement is planned or on the road, so that news about its route matters. */
export const ALERTABLE_MOVEMENT_STATES = [
  'submitted',
  'approved',
  'escort_assigned',
  'in_transit',
  'overdue',
] as const;
const HOUR_MS = 3_600_000;

const isPoint = (value: unknown): value is LatLon =>
  value !== null &&
  typeof value === 'object' &&
  Number.isFinite((value as LatLon).lat) &&
  Number.isFinite((value as LatLon).lon);

/** The route line: the body's GeoJSON polyline, else origin → waypoints → destination. */
export function routeOfMovement(row: MovementsTable, body: Record<string, unknown>): LatLon[] {
  const route = body.route as { coordinates?: unknown } | undefined;
  if (route && Array.isArray(route.coordinates)) {
    const line = route.coordinates
      .filter((p): p is [number, number] => Array.isArray(p) && p.length >= 2)
      .map(([lon, lat]) => ({ lat, lon }))
      .filter(isPoint);
    if (line.length > 0) return line;
  }
  const waypoints = Array.isArray(body.waypoints) ? body.waypoints.filter(isPoint) : [];
  return [
    { lat: row.origin_lat, lon: row.origin_lon },
    ...waypoints.map((p) => ({ lat: p.lat, lon: p.lon })),
    { lat: row.destination_lat, lon: row.destination_lon },
  ];
}

function corridorOf(candidate: MovementCandidate): Fence {
  const line = routeOfMovement(candidate, parseBody(candidate.body));
  return { base: { kind: 'line', line }, bufferKm: candidate.corridor_km };
}

function movementRecipients(row: MovementCandidate): string[] {
  return [...new Set([row.requester_org_id, ...(row.escort_org_id ? [row.escort_org_id] : [])])];
}

function siteMatch(row: SitesTable, distanceKm: number): SubjectMatch {
  return {
    subjectType: 'site',
    subjectId: row.id,
    name: row.name,
    distanceKm,
    recipients: [...new Set([row.operator_org_id, row.guard_org_id])],
  };
}

function movementMatch(row: MovementCandidate, distanceKm: number): SubjectMatch {
  return {
    subjectType: 'movement',
    subjectId: row.id,
    name: row.title,
    distanceKm,
    state: row.state,
    recipients: movementRecipients(row),
  };
}

async function matchIncident(deps: MatchDeps, trigger: IncidentTrigger): Promise<SubjectMatch[]> {
  const point = { lat: trigger.row.lat, lon: trigger.row.lon };
  const cells = [trigger.row.h3_r6];
  const arrivingFrom = new Date(deps.clock.now().getTime() - HOUR_MS).toISOString();
  const [sites, movements] = await Promise.all([
    sitesInCells(deps.db, cells, trigger.storedAt),
    movementsInCells(deps.db, cells, {
      states: ALERTABLE_MOVEMENT_STATES,
      existingAt: trigger.storedAt,
      arrivingFrom,
    }),
  ]);
  const matches: SubjectMatch[] = [];
  for (const site of sites) {
    const fence = siteFence(site);
    if (distanceToFenceKm(fence, point) === 0) {
      matches.push(siteMatch(site, distanceToBaseKm(fence.base, point)));
    }
  }
  for (const movement of movements) {
    const fence = corridorOf(movement);
    if (distanceToFenceKm(fence, point) === 0) {
      matches.push(movementMatch(movement, distanceToBaseKm(fence.base, point)));
    }
  }
  return matches;
}

/** The threat area as a circle: itself, or one holding the whole polygon. */
export function threatCircle(trigger: ThreatTrigger): { centre: LatLon; radiusKm: number } {
  const area = trigger.area;
  if (area.kind === 'circle')
    return { centre: { lat: area.lat, lon: area.lon }, radiusKm: area.radiusKm };
  const centre = polygonCentre(area.polygon);
  const ring = area.polygon.coordinates[0] ?? [];
  const radiusKm = ring.reduce(
    (far, [lon, lat]) => Math.max(far, haversineKm(centre, { lat, lon })),
    0,
  );
  return { centre, radiusKm };
}

async function matchThreat(deps: MatchDeps, trigger: ThreatTrigger): Promise<SubjectMatch[]> {
  const { centre, radiusKm } = threatCircle(trigger);
  const cells = coverCircle(
    centre.lat,
    centre.lon,
    Math.min(Math.max(radiusKm, 0.01), MAX_COVER_RADIUS_KM),
    {
      resolution: FENCE_AREA_RESOLUTION,
    },
  ).cells;
  const window = { from: trigger.row.valid_from, until: trigger.row.valid_until };
  const [sites, movements] = await Promise.all([
    sitesInCells(deps.db, cells, trigger.storedAt),
    movementsInCells(deps.db, cells, {
      states: ALERTABLE_MOVEMENT_STATES,
      existingAt: trigger.storedAt,
      window,
    }),
  ]);
  const edgeKm = (fence: Fence) => Math.max(0, distanceToBaseKm(fence.base, centre) - radiusKm);
  const matches: SubjectMatch[] = [];
  for (const site of sites) {
    const fence = siteFence(site);
    if (circleMeetsFence(fence, centre, radiusKm)) matches.push(siteMatch(site, edgeKm(fence)));
  }
  for (const movement of movements) {
    const fence = corridorOf(movement);
    if (circleMeetsFence(fence, centre, radiusKm)) {
      matches.push(movementMatch(movement, edgeKm(fence)));
    }
  }
  return matches;
}

/**
 * The sites and movements this trigger version touches, sorted by subject id
 * (so that concurrent matchers take row locks in one order); none when the
 * version raises no alerts (revoked, old, a draft, expired).
 */
export async function matchTrigger(deps: MatchDeps, trigger: Trigger): Promise<SubjectMatch[]> {
  if (!triggerIsLive(trigger, deps.clock.now())) return [];
  const matches =
    trigger.kind === 'incident'
      ? await matchIncident(deps, trigger)
      : await matchThreat(deps, trigger);
  return matches.sort((a, b) =>
    a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : 0,
  );
}
