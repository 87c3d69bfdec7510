/**
 * Gathers a movement's risk inputs through the sharing policy, with the eyes
 * of whoever asks for the assessment: incidents within 25 km of the route in
 * the last 90 days (incidents.geo.service), published threat reports valid
 * during the journey whose area meets the corridor (intel read service), and
 * the posture of the origin and destination sites. Stores the assessment
 * with its contributors; each viewer later sees only the contributors whose
 * records they may read themselves (visibleContributors).
 */
import { isoNow } from '../../core/clock.js';
import { haversineKm, type LatLon } from '../../core/geo/index.js';
import { canRead, readScope } from '../../core/policy/index.js';
import { fail, ok, type Result } from '../../core/result.js';
import type { PostureLevel, RiskLevel } from '../../core/vocabulary/protection.js';
import { inTransaction, type Executor } from '../../storage/executor.js';
import { circleMeetsFence, distanceToBaseKm, type Fence } from '../geofences/geofences.js';
import type { CurrentUser, RequestOrigin } from '../identity/identity.types.js';
import { incidentsAlongRoute } from '../incidents/incidents.geo.service.js';
import { actorOf, parseBody } from '../intel/intel.records.js';
import { threatAreasInView } from '../intel/reports.read.service.js';
import { findReadableRecords, toShareable } from '../records/records.repository.js';
import { readSite } from '../sites/sites.read.js';
import { findRisk, saveRisk, setRiskOverride } from './movements.field.repository.js';
import {
  MOVEMENT_TYPE,
  movementFor,
  type MovementDeps,
  type MovementError,
} from './movements.records.js';
import { updateMovementRow, type MovementWithRecord } from './movements.repository.js';
import { mayAct } from './movements.transitions.js';
import { assessRisk, type RiskAssessment, type RiskContributor, type RiskThreat } from './risk.js';

export const INCIDENT_RADIUS_KM = 25;
const INCIDENT_DAYS = 90;
const DAY_MS = 86_400_000;
const MAX_CONTRIBUTORS = 500;

/** The stored route, or the straight line from origin to destination. */
export function routeOfMovement(movement: MovementWithRecord): LatLon[] {
  const route: unknown = parseBody(movement.record.body).route;
  const coordinates =
    route && typeof route === 'object' && 'coordinates' in route && Array.isArray(route.coordinates)
      ? (route.coordinates as [number, number][])
      : [];
  if (coordinates.length >= 2) return coordinates.map(([lon, lat]) => ({ lat, lon }));
  return [
    { lat: movement.origin_lat, lon: movement.origin_lon },
    { lat: movement.destination_lat, lon: movement.destination_lon },
  ];
}

function threatRadiusKm(
  row: { lat: number; lon: number; radius_km: number | null },
  body: Record<string, unknown>,
): number {
  if (row.radius_km !== null) return row.radius_km;
  // A polygon: the circle around its centre that holds every vertex (a superset, enough for risk).
  const area = body.area as { polygon?: { coordinates?: [number, number][][] } } | undefined;
  const ring = area?.polygon?.coordinates?.[0] ?? [];
  return ring.reduce((far, [lon, lat]) => Math.max(far, haversineKm(row, { lat, lon })), 0);
}

async function threatsMeeting(
  deps: MovementDeps,
  movement: MovementWithRecord,
  fence: Fence,
  reader: CurrentUser,
): Promise<RiskThreat[]> {
  const margin = fence.bufferKm / 111 + 5; // degrees: the corridor plus areas up to ~500 km wide
  const { rows } = await threatAreasInView(
    deps,
    reader,
    { status: 'published', from: movement.planned_departure, to: movement.planned_arrival },
    {
      west: movement.route_west - margin,
      south: movement.route_south - margin,
      east: movement.route_east + margin,
      north: movement.route_north + margin,
    },
    MAX_CONTRIBUTORS,
  );
  const threats: RiskThreat[] = [];
  for (const row of rows) {
    const radius = threatRadiusKm(row, parseBody(row.record.body));
    if (!circleMeetsFence(fence, row, radius)) continue;
    threats.push({
      id: row.id,
      title: row.title,
      sourceReliability: row.source_reliability,
      informationCredibility: row.information_credibility,
      distanceKm: Math.max(0, distanceToBaseKm(fence.base, row) - radius),
    });
  }
  return threats;
}

/** The assessment as `reader` sees the world now (reads only). */
export async function gatherRisk(
  deps: MovementDeps,
  movement: MovementWithRecord,
  reader: CurrentUser,
): Promise<RiskAssessment> {
  const now = deps.clock.now();
  const route = routeOfMovement(movement);
  const fence: Fence = { base: { kind: 'line', line: route }, bufferKm: movement.corridor_km };
  const from = new Date(now.getTime() - INCIDENT_DAYS * DAY_MS).toISOString().slice(0, 10);
  const nearby = await incidentsAlongRoute(
    deps,
    reader,
    { from },
    route,
    INCIDENT_RADIUS_KM,
    MAX_CONTRIBUTORS,
  );
  const threats = await threatsMeeting(deps, movement, fence, reader);
  const postures: PostureLevel[] = [];
  for (const siteId of [movement.origin_site_id, movement.destination_site_id]) {
    const site = siteId ? await readSite(deps, siteId, reader) : undefined;
    if (site) postures.push(site.posture_level as PostureLevel);
  }
  return assessRisk({
    now,
    plannedDeparture: movement.planned_departure,
    plannedArrival: movement.planned_arrival,
    incidents: nearby.items.map((i) => ({
      id: i.id,
      title: `${i.event_type}: ${i.location} (${i.event_date})`,
      eventDate: i.event_date,
      eventType: i.event_type,
      fatalities: i.fatalities,
      distanceKm: i.distanceKm,
    })),
    threats,
    postures,
    searchRadiusKm: INCIDENT_RADIUS_KM,
  });
}

/** Stores an assessment in the caller's transaction; a standing override keeps its level. */
export async function assessAndStoreRisk(
  deps: Pick<MovementDeps, 'clock' | 'audit'>,
  trx: Executor,
  movementId: string,
  assessment: RiskAssessment,
  actor: CurrentUser,
): Promise<void> {
  const previous = await findRisk(trx, movementId);
  const now = isoNow(deps.clock);
  await saveRisk(trx, {
    movement_id: movementId,
    assessed_at: now,
    assessed_by_user: actor.userId,
    score: assessment.score,
    computed_level: assessment.level,
    contributors: JSON.stringify(assessment.contributors),
    override_level: previous?.override_level ?? null,
    override_reason: previous?.override_reason ?? null,
    overridden_by_user: previous?.overridden_by_user ?? null,
    overridden_at: previous?.overridden_at ?? null,
  });
  await updateMovementRow(trx, movementId, {
    risk_score: assessment.score,
    risk_level: previous?.override_level ?? assessment.level,
    updated_at: now,
  });
  await deps.audit.record(
    {
      action: 'movement.risk_assessed',
      outcome: 'success',
      actor: actorOf(actor),
      target: { type: MOVEMENT_TYPE, id: movementId },
      details: { score: assessment.score, level: assessment.level },
    },
    trx,
  );
}

const RISK_FROZEN = ['closed', 'cancelled', 'rejected'];

/** POST /risk/assess: the requester's editors or a duty officer, while the movement is open. */
export async function assessMovementRisk(
  deps: MovementDeps,
  id: string,
  actor: CurrentUser,
): Promise<Result<RiskAssessment, MovementError>> {
  const found = await movementFor(deps, id, actor);
  if (!found.ok) return found;
  const movement = found.value;
  const context = {
    actor,
    movement: {
      state: movement.state,
      requesterOrgId: movement.requester_org_id,
      escortOrgId: movement.escort_org_id,
    },
  };
  if (!mayAct('closer', context)) return fail('forbidden');
  if (RISK_FROZEN.includes(movement.state)) return fail('wrong_state');
  const assessment = await gatherRisk(deps, movement, actor);
  await inTransaction(deps.db, (trx) => assessAndStoreRisk(deps, trx, id, assessment, actor));
  return ok(assessment);
}

/** A duty officer sets the level by hand, with a reason; the computed score stays for reference. */
export async function overrideRisk(
  deps: MovementDeps,
  id: string,
  input: { level: RiskLevel; reason: string },
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<RiskLevel, MovementError>> {
  const found = await movementFor(deps, id, actor);
  if (!found.ok) return found;
  const movement = found.value;
  if (!actor.roles.includes('duty_officer')) return fail('forbidden');
  if (RISK_FROZEN.includes(movement.state)) return fail('wrong_state');
  const now = isoNow(deps.clock);
  await inTransaction(deps.db, async (trx) => {
    if (!(await findRisk(trx, id))) {
      await saveRisk(trx, {
        movement_id: id,
        assessed_at: now,
        assessed_by_user: actor.userId,
        score: movement.risk_score ?? 0,
        computed_level: movement.risk_level ?? 'low',
        contributors: '[]',
        override_level: null,
        override_reason: null,
        overridden_by_user: null,
        overridden_at: null,
      });
    }
    await setRiskOverride(trx, id, {
      level: input.level,
      reason: input.reason,
      byUser: actor.userId,
      at: now,
    });
    await updateMovementRow(trx, id, {
      risk_level: input.level,
      risk_overridden: 1,
      updated_at: now,
    });
    await deps.audit.record(
      {
        action: 'movement.risk_overridden',
        outcome: 'success',
        actor: actorOf(actor),
        target: { type: MOVEMENT_TYPE, id },
        address: origin?.address,
        requestId: origin?.requestId,
        details: { from: movement.risk_level, to: input.level, reason: input.reason },
      },
      trx,
    );
  });
  return ok(input.level);
}

/** The stored contributors this reader may see: factors always, records only if readable now. */
export async function visibleContributors(
  deps: Pick<MovementDeps, 'db'>,
  contributors: readonly RiskContributor[],
  reader: CurrentUser,
): Promise<RiskContributor[]> {
  const ids = contributors.flatMap((c) => (c.id ? [c.id] : []));
  const rows = await findReadableRecords(deps.db, readScope(reader), ids);
  const readable = new Set(
    rows.filter((r) => r.revoked === 0 && canRead(reader, toShareable(r))).map((r) => r.id),
  );
  return contributors.filter((c) => c.id === undefined || readable.has(c.id));
}
