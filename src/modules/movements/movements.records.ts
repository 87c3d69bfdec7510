/**
 * A movement as a shareable record: its request is the record body (new
 * version on every edit and on escort assignment), its query row carries the
 * state, the position and the route's box, and its fence (the route plus the
 * corridor) is stored in geofence_cells; all three change in one transaction
 * with the audit entry. State changes are NOT versions (movements.workflow.ts).
 *
 * Owns: building the row and body from a request, create and edit, and the
 * look-up every movement action starts from (unknown and unreadable look
 * the same). Must never present a movement its reader may not read.
 */
import { isoNow } from '../../core/clock.js';
import type { Clock } from '../../core/clock.js';
import type { LatLon } from '../../core/geo/index.js';
import { newId } from '../../core/ids.js';
import { canEdit, canRead, markingProblem } from '../../core/policy/index.js';
import type { ProtectionSettings } from '../../core/protection-settings.js';
import { fail, ok, type Result } from '../../core/result.js';
import type { PostureLevel } from '../../core/vocabulary/protection.js';
import { inTransaction, type Executor } from '../../storage/executor.js';
import type { StorageCapabilities } from '../../storage/capabilities.js';
import type { AuditLog } from '../audit/audit.service.js';
import { fenceCells } from '../geofences/geofences.js';
import { replaceFenceCells } from '../geofences/geofences.repository.js';
import type { CurrentUser, RequestOrigin } from '../identity/identity.types.js';
import { actorOf, asShareable, nextVersionOf, versionOf } from '../intel/intel.records.js';
import type { LiveBus } from '../live/live.bus.js';
import { storeRecordVersion, toShareable } from '../records/records.repository.js';
import { nextModified } from '../records/versions.js';
import { readSite } from '../sites/sites.read.js';
import {
  findMovementForCheck,
  saveMovementRow,
  type MovementRow,
  type MovementWithRecord,
} from './movements.repository.js';
import type { EndpointInput, MovementInput } from './movements.schema.js';
import { checkAction } from './movements.transitions.js';

export const MOVEMENT_TYPE = 'movement';

export interface MovementDeps {
  db: Executor;
  clock: Clock;
  audit: AuditLog;
  capabilities: StorageCapabilities;
  live: LiveBus;
  protection: ProtectionSettings;
}

export type MovementError =
  | 'not_found'
  | 'forbidden'
  | 'wrong_state'
  | 'self_approval'
  | 'approver_role'
  | 'second_approver'
  | 'invalid_release'
  | 'unreadable_origin'
  | 'unreadable_destination'
  | 'unknown_escort_org'
  | 'checkin_refused'
  | 'wrong_code';

export interface ResolvedEndpoint {
  siteId: string | null;
  name: string;
  lat: number;
  lon: number;
  posture: PostureLevel | undefined;
}

/** A site the actor may read, or a named place; undefined when the site is unreadable. */
export async function resolveEndpoint(
  deps: Pick<MovementDeps, 'db'>,
  endpoint: EndpointInput,
  actor: CurrentUser,
): Promise<ResolvedEndpoint | undefined> {
  if (!('siteId' in endpoint)) return { siteId: null, ...endpoint, posture: undefined };
  const site = await readSite(deps, endpoint.siteId, actor);
  if (!site || site.record.revoked === 1) return undefined;
  return {
    siteId: site.id,
    name: site.name,
    lat: site.lat,
    lon: site.lon,
    posture: site.posture_level as PostureLevel,
  };
}

/** The route as points: the drawn line, or origin → waypoints → destination. */
export function routeOf(
  input: Pick<MovementInput, 'route' | 'waypoints'>,
  origin: LatLon,
  destination: LatLon,
): LatLon[] {
  if (input.route) return input.route.coordinates.map(([lon, lat]) => ({ lat, lon }));
  return [origin, ...input.waypoints.map(({ lat, lon }) => ({ lat, lon })), destination];
}

export function bodyOf(
  input: MovementInput,
  origin: ResolvedEndpoint,
  destination: ResolvedEndpoint,
  route: readonly LatLon[],
): Record<string, unknown> {
  const endpoint = (e: ResolvedEndpoint) => ({
    siteId: e.siteId,
    name: e.name,
    lat: e.lat,
    lon: e.lon,
  });
  return {
    title: input.title,
    origin: endpoint(origin),
    destination: endpoint(destination),
    waypoints: input.waypoints,
    route: { type: 'LineString', coordinates: route.map((p) => [p.lon, p.lat]) },
    plannedDeparture: input.plannedDeparture,
    plannedArrival: input.plannedArrival,
    vehicles: input.vehicles,
    passengers: input.passengers,
    corridorKm: input.corridorKm,
    checkinIntervalMinutes: input.checkinIntervalMinutes,
    notes: input.notes,
  };
}

/** The query row of a version: the request's fields over `base`, what the version does not change. */
export function movementRow(
  id: string,
  input: MovementInput,
  ends: { origin: ResolvedEndpoint; destination: ResolvedEndpoint },
  route: readonly LatLon[],
  base: Pick<MovementRow, 'state' | 'requester_org_id' | 'requested_by_user' | 'updated_at'> &
    Partial<MovementRow>,
): MovementRow {
  const lats = route.map((p) => p.lat);
  const lons = route.map((p) => p.lon);
  return {
    risk_score: null,
    risk_level: null,
    risk_overridden: 0,
    escort_org_id: null,
    last_checkin_at: null,
    last_lat: null,
    last_lon: null,
    ...base,
    id,
    title: input.title,
    origin_site_id: ends.origin.siteId,
    origin_name: ends.origin.name,
    origin_lat: ends.origin.lat,
    origin_lon: ends.origin.lon,
    destination_site_id: ends.destination.siteId,
    destination_name: ends.destination.name,
    destination_lat: ends.destination.lat,
    destination_lon: ends.destination.lon,
    planned_departure: input.plannedDeparture,
    planned_arrival: input.plannedArrival,
    corridor_km: input.corridorKm,
    checkin_interval_minutes: input.checkinIntervalMinutes,
    route_west: Math.min(...lons),
    route_south: Math.min(...lats),
    route_east: Math.max(...lons),
    route_north: Math.max(...lats),
  };
}

/** Title, origin and destination: what full-text search finds a movement by. */
export function movementSearchText(
  input: Pick<MovementInput, 'title'>,
  ends: { origin: ResolvedEndpoint; destination: ResolvedEndpoint },
): string {
  return [input.title, ends.origin.name, ends.destination.name].join(' ');
}

async function resolveEnds(
  deps: Pick<MovementDeps, 'db'>,
  input: MovementInput,
  actor: CurrentUser,
) {
  const origin = await resolveEndpoint(deps, input.origin, actor);
  if (!origin) return fail('unreadable_origin' as const);
  const destination = await resolveEndpoint(deps, input.destination, actor);
  if (!destination) return fail('unreadable_destination' as const);
  return ok({ origin, destination });
}

/** The fence alerts match the movement by: the route and its corridor. */
export async function saveMovementFence(
  trx: Executor,
  id: string,
  route: readonly LatLon[],
  corridorKm: number,
) {
  await replaceFenceCells(
    trx,
    id,
    fenceCells({ base: { kind: 'line', line: route }, bufferKm: corridorKm }),
  );
}

export async function createMovement(
  deps: Pick<MovementDeps, 'db' | 'clock' | 'audit'>,
  input: MovementInput,
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<string, MovementError>> {
  const ends = await resolveEnds(deps, input, actor);
  if (!ends.ok) return ends;
  const now = isoNow(deps.clock);
  const id = newId(MOVEMENT_TYPE);
  const route = routeOf(input, ends.value.origin, ends.value.destination);
  const body = bodyOf(input, ends.value.origin, ends.value.destination, route);
  const version = {
    ...versionOf(MOVEMENT_TYPE, id, input, body, actor, { created: now, modified: now }),
    searchText: movementSearchText(input, ends.value),
  };
  if (markingProblem(asShareable(version)) !== undefined) return fail('invalid_release');
  if (!canEdit(actor, asShareable(version))) return fail('forbidden');
  const row = movementRow(id, input, ends.value, route, {
    state: 'draft',
    requester_org_id: actor.orgId,
    requested_by_user: actor.userId,
    updated_at: now,
  });
  await inTransaction(deps.db, async (trx) => {
    await storeRecordVersion(trx, version, now);
    await saveMovementRow(trx, row);
    await saveMovementFence(trx, id, route, input.corridorKm);
    await deps.audit.record(
      {
        action: 'record.created',
        outcome: 'success',
        actor: actorOf(actor),
        target: { type: MOVEMENT_TYPE, id },
        address: origin?.address,
        requestId: origin?.requestId,
        details: { marking: version.marking },
      },
      trx,
    );
  });
  return ok(id);
}

/** The movement for an action by `actor`: not_found unless they may read it. */
export async function movementFor(
  deps: Pick<MovementDeps, 'db'>,
  id: string,
  actor: CurrentUser,
  executor: Executor = deps.db,
): Promise<Result<MovementWithRecord, MovementError>> {
  const found = await findMovementForCheck(executor, id);
  if (!found || !canRead(actor, toShareable(found.record))) return fail('not_found');
  return ok(found);
}

/** A new version of the request, while it is a draft or returned, by the requester's editors. */
export async function updateMovement(
  deps: Pick<MovementDeps, 'db' | 'clock' | 'audit'>,
  id: string,
  input: MovementInput,
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<string, MovementError>> {
  const current = await movementFor(deps, id, actor);
  if (!current.ok) return current;
  const movement = current.value;
  if (!canEdit(actor, toShareable(movement.record))) return fail('forbidden');
  const allowed = checkAction('edit', {
    actor,
    movement: {
      state: movement.state,
      requesterOrgId: movement.requester_org_id,
      escortOrgId: movement.escort_org_id,
    },
  });
  if (!allowed.ok) return fail(allowed.error);
  const ends = await resolveEnds(deps, input, actor);
  if (!ends.ok) return ends;
  const route = routeOf(input, ends.value.origin, ends.value.destination);
  const modified = nextModified(deps.clock.now(), movement.record.modified);
  const version = {
    ...nextVersionOf(
      movement.record,
      input,
      bodyOf(input, ends.value.origin, ends.value.destination, route),
      modified,
      false,
    ),
    searchText: movementSearchText(input, ends.value),
  };
  if (markingProblem(asShareable(version)) !== undefined) return fail('invalid_release');
  const now = isoNow(deps.clock);
  const row = movementRow(id, input, ends.value, route, {
    state: movement.state,
    requester_org_id: movement.requester_org_id,
    requested_by_user: movement.requested_by_user,
    risk_score: movement.risk_score,
    risk_level: movement.risk_level,
    risk_overridden: movement.risk_overridden,
    escort_org_id: movement.escort_org_id,
    last_checkin_at: movement.last_checkin_at,
    last_lat: movement.last_lat,
    last_lon: movement.last_lon,
    updated_at: now,
  });
  await inTransaction(deps.db, async (trx) => {
    await storeRecordVersion(trx, version, now);
    await saveMovementRow(trx, row);
    await saveMovementFence(trx, id, route, input.corridorKm);
    await deps.audit.record(
      {
        action: 'record.updated',
        outcome: 'success',
        actor: actorOf(actor),
        target: { type: MOVEMENT_TYPE, id },
        address: origin?.address,
        requestId: origin?.requestId,
        details: { marking: version.marking, modified },
      },
      trx,
    );
  });
  return ok(modified);
}
