/**
 * Test movements (and the sites they leave from or go to) written straight
 * into their tables: a `records` row through storeRecordVersion plus the
 * query-table row. The alarm tests need only these columns, not the
 * movement workflow, so they do not depend on the movements service.
 */
import { newId } from '../../../core/ids.js';
import type { Executor } from '../../../storage/executor.js';
import { storeRecordVersion } from '../../records/records.repository.js';

const AT = '2026-11-28T08:00:00.000Z';

export interface FixtureRecord {
  createdBy: string;
  createdByUser?: string;
  marking?: string;
  releasableTo?: string[];
}

async function storeFixtureRecord(db: Executor, type: string, id: string, record: FixtureRecord) {
  await storeRecordVersion(
    db,
    {
      id,
      type,
      createdBy: record.createdBy,
      createdByUser: record.createdByUser ?? null,
      marking: record.marking ?? 'TLP:AMBER',
      releasableTo: record.releasableTo ?? [],
      created: AT,
      modified: AT,
      revoked: false,
      receivedFromPeer: false,
      containsPersonalData: false,
      legalBasis: null,
      body: {},
    },
    AT,
  );
}

/** A protected site operated by `operatorOrgId` (its record created by that organisation). */
export async function insertFixtureSite(
  db: Executor,
  site: { operatorOrgId: string } & Partial<FixtureRecord>,
): Promise<string> {
  const id = newId('site');
  await storeFixtureRecord(db, 'site', id, { createdBy: site.operatorOrgId, ...site });
  await db
    .insertInto('sites')
    .values({
      id,
      name: `Site ${id.slice(-6)}`,
      name_folded: `site ${id.slice(-6)}`,
      site_type: 'camp',
      lat: 34.92,
      lon: 72.87,
      h3_r4: '8442d53ffffffff',
      h3_r6: '8642d5287ffffff',
      h3_r8: '8842d52801fffff',
      polygon: null,
      buffer_km: 1,
      operator_org_id: site.operatorOrgId,
      guard_org_id: site.operatorOrgId,
      posture_level: 'normal',
      people_total: null,
      people_day: null,
    })
    .execute();
  return id;
}

export interface FixtureMovement extends FixtureRecord {
  requesterOrgId: string;
  requestedByUser?: string;
  escortOrgId?: string | null;
  originSiteId?: string | null;
  destinationSiteId?: string | null;
  title?: string;
  state?: string;
}

/** A movement in transit; its record is AMBER by the requester unless told otherwise. */
export async function insertFixtureMovement(
  db: Executor,
  movement: FixtureMovement,
): Promise<string> {
  const id = newId('movement');
  await storeFixtureRecord(db, 'movement', id, movement);
  await db
    .insertInto('movements')
    .values({
      id,
      title: movement.title ?? 'Islamabad to Dasu',
      state: movement.state ?? 'in_transit',
      requester_org_id: movement.requesterOrgId,
      requested_by_user: movement.requestedByUser ?? 'user--fixture',
      origin_site_id: movement.originSiteId ?? null,
      origin_name: 'Islamabad',
      origin_lat: 33.7215,
      origin_lon: 73.0433,
      destination_site_id: movement.destinationSiteId ?? null,
      destination_name: 'Dasu',
      destination_lat: 35.2917,
      destination_lon: 73.2906,
      planned_departure: AT,
      planned_arrival: '2026-11-28T16:00:00.000Z',
      corridor_km: 10,
      checkin_interval_minutes: 30,
      risk_score: null,
      risk_level: null,
      risk_overridden: 0,
      escort_org_id: movement.escortOrgId ?? null,
      last_checkin_at: null,
      last_lat: null,
      last_lon: null,
      route_west: 73.0433,
      route_south: 33.7215,
      route_east: 73.2906,
      route_north: 35.2917,
      updated_at: AT,
    })
    .execute();
  return id;
}
