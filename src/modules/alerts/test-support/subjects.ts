/**
 * Sites and movements for the alerts tests and bench, stored the way their
 * own modules store them (a record version, the query row and the fence
 * cover, in one transaction) but without their services, so that the alert
 * tests depend on the tables only. Bodies carry the fields the matcher and
 * presenter read (name/title, route).
 */
import { pointCells, type LatLon } from '../../../core/geo/index.js';
import { newId } from '../../../core/ids.js';
import type { TlpMarking } from '../../../core/policy/types.js';
import { inTransaction, type Executor } from '../../../storage/executor.js';
import { fenceCells, type Fence } from '../../geofences/geofences.js';
import { replaceFenceCells } from '../../geofences/geofences.repository.js';
import { storeRecordVersion } from '../../records/records.repository.js';

export interface SubjectSharing {
  createdBy: string;
  createdByUser: string | null;
  marking: TlpMarking;
  releasableTo: string[];
  /** When the subject was recorded (default: an hour before the scene's clock). */
  recordedAt?: string;
}

const CLOCK = '2026-11-28T08:00:00.000Z';

async function storeRecord(
  trx: Executor,
  type: string,
  id: string,
  sharing: SubjectSharing,
  body: Record<string, unknown>,
) {
  await storeRecordVersion(
    trx,
    {
      id,
      type,
      createdBy: sharing.createdBy,
      createdByUser: sharing.createdByUser,
      marking: sharing.marking,
      releasableTo: sharing.releasableTo,
      created: sharing.recordedAt ?? CLOCK,
      modified: sharing.recordedAt ?? CLOCK,
      revoked: false,
      receivedFromPeer: false,
      containsPersonalData: false,
      legalBasis: null,
      body,
    },
    sharing.recordedAt ?? CLOCK,
  );
}

export async function insertSite(
  db: Executor,
  site: {
    name: string;
    centre: LatLon;
    bufferKm: number;
    operatorOrgId: string;
    guardOrgId: string;
  } & SubjectSharing,
): Promise<string> {
  const id = newId('site');
  const fence: Fence = { base: { kind: 'point', point: site.centre }, bufferKm: site.bufferKm };
  await inTransaction(db, async (trx) => {
    await storeRecord(trx, 'site', id, site, {
      name: site.name,
      type: 'hydropower',
      location: { kind: 'point', ...site.centre },
      bufferKm: site.bufferKm,
      operatorOrgId: site.operatorOrgId,
      guardOrgId: site.guardOrgId,
      postureLevel: 'normal',
    });
    await trx
      .insertInto('sites')
      .values({
        id,
        name: site.name,
        name_folded: site.name.toLowerCase(),
        site_type: 'hydropower',
        lat: site.centre.lat,
        lon: site.centre.lon,
        ...pointCells(site.centre.lat, site.centre.lon),
        polygon: null,
        buffer_km: site.bufferKm,
        operator_org_id: site.operatorOrgId,
        guard_org_id: site.guardOrgId,
        posture_level: 'normal',
        people_total: null,
        people_day: null,
      })
      .execute();
    await replaceFenceCells(trx, id, fenceCells(fence));
  });
  return id;
}

export interface MovementSpec extends SubjectSharing {
  title: string;
  route: LatLon[];
  corridorKm: number;
  state: string;
  plannedDeparture: string;
  plannedArrival: string;
  requesterOrgId: string;
  requestedByUser: string;
  escortOrgId: string | null;
}

export async function insertMovement(db: Executor, movement: MovementSpec): Promise<string> {
  const id = newId('movement');
  const origin = movement.route[0] ?? { lat: 0, lon: 0 };
  const destination = movement.route.at(-1) ?? origin;
  const lats = movement.route.map((p) => p.lat);
  const lons = movement.route.map((p) => p.lon);
  await inTransaction(db, async (trx) => {
    await storeRecord(trx, 'movement', id, movement, {
      title: movement.title,
      origin: { name: 'Origin', ...origin },
      destination: { name: 'Destination', ...destination },
      waypoints: [],
      route: { type: 'LineString', coordinates: movement.route.map((p) => [p.lon, p.lat]) },
      plannedDeparture: movement.plannedDeparture,
      plannedArrival: movement.plannedArrival,
      corridorKm: movement.corridorKm,
    });
    await trx
      .insertInto('movements')
      .values({
        id,
        title: movement.title,
        state: movement.state,
        requester_org_id: movement.requesterOrgId,
        requested_by_user: movement.requestedByUser,
        origin_site_id: null,
        origin_name: 'Origin',
        origin_lat: origin.lat,
        origin_lon: origin.lon,
        destination_site_id: null,
        destination_name: 'Destination',
        destination_lat: destination.lat,
        destination_lon: destination.lon,
        planned_departure: movement.plannedDeparture,
        planned_arrival: movement.plannedArrival,
        corridor_km: movement.corridorKm,
        checkin_interval_minutes: 30,
        risk_score: null,
        risk_level: null,
        risk_overridden: 0,
        escort_org_id: movement.escortOrgId,
        last_checkin_at: null,
        last_lat: null,
        last_lon: null,
        route_west: Math.min(...lons),
        route_south: Math.min(...lats),
        route_east: Math.max(...lons),
        route_north: Math.max(...lats),
        updated_at: CLOCK,
      })
      .execute();
    await replaceFenceCells(
      trx,
      id,
      fenceCells({ base: { kind: 'line', line: movement.route }, bufferKm: movement.corridorKm }),
    );
  });
  return id;
}
