/**
 * Protected sites -> API shape. The location is GeoJSON geometry for the map
 * (Point or Polygon), with the centre for markers. The release list is shown
 * only to the originating organisation. Emergency contacts never appear here:
 * `mayReadContacts` only tells the web app whether to offer the tab.
 */
import { canEdit } from '../../core/policy/index.js';
import type { Executor } from '../../storage/executor.js';
import type { CurrentUser } from '../identity/identity.types.js';
import { parseBody, parseReleaseList } from '../intel/intel.records.js';
import { presentThreatReportSummary } from '../intel/intel.presenter.js';
import type { ThreatReportWithRecord } from '../intel/reports.repository.js';
import type { IncidentPoint } from '../incidents/incidents.geo.repository.js';
import { toShareable, type RecordVersionRow } from '../records/records.repository.js';
import { latestHeadcounts, type HeadcountRow } from './sites.people.repository.js';
import { isOfSiteOrganisations, mayRecordPeople, type PeopleDay } from './sites.people.service.js';
import { sitePolygon } from './sites.read.js';
import { organisationNames, type SiteWithRecord } from './sites.repository.js';

/** What presenting sites needs beyond their rows: organisation names and the latest counts. */
export interface SiteExtras {
  names: Map<string, string>;
  counts: Map<string, HeadcountRow[]>;
}

export async function loadSiteExtras(
  db: Executor,
  rows: readonly SiteWithRecord[],
): Promise<SiteExtras> {
  const orgIds = rows.flatMap((row) => [row.operator_org_id, row.guard_org_id]);
  const [names, counts] = await Promise.all([
    organisationNames(db, orgIds),
    latestHeadcounts(db, rows),
  ]);
  return { names, counts };
}

function peopleOnSite(row: SiteWithRecord, extras: SiteExtras) {
  if (row.people_day === null || row.people_total === null) return null;
  const counts = extras.counts.get(row.id) ?? [];
  return {
    day: row.people_day,
    total: row.people_total,
    byNationality: counts.map((c) => ({ nationality: c.nationality, count: c.count })),
  };
}

export function presentSite(row: SiteWithRecord, reader: CurrentUser, extras: SiteExtras) {
  const { record } = row;
  const shareable = toShareable(record);
  const revoked = record.revoked === 1;
  const polygon = sitePolygon(row);
  const body = parseBody(record.body);
  const org = (id: string) => ({ id, name: extras.names.get(id) ?? null });
  return {
    id: row.id,
    name: row.name,
    type: row.site_type,
    location: polygon ?? { type: 'Point' as const, coordinates: [row.lon, row.lat] },
    centre: { lat: row.lat, lon: row.lon },
    bufferKm: row.buffer_km,
    operator: org(row.operator_org_id),
    guard: org(row.guard_org_id),
    postureLevel: row.posture_level,
    peopleOnSite: peopleOnSite(row, extras),
    notes: typeof body.notes === 'string' ? body.notes : '',
    marking: record.marking,
    releasableTo:
      reader.orgId === record.created_by ? parseReleaseList(record.releasable_to) : undefined,
    createdBy: record.created_by,
    created: record.created,
    modified: record.modified,
    revoked,
    canEdit: !revoked && canEdit(reader, shareable),
    mayRecordPeople: !revoked && mayRecordPeople(reader, row, shareable),
    mayReadContacts: isOfSiteOrganisations(reader, row),
  };
}

export function presentSiteVersion(version: RecordVersionRow, reader: CurrentUser) {
  return {
    modified: version.modified,
    storedAt: version.stored_at,
    marking: version.marking,
    releasableTo:
      reader.orgId === version.created_by ? parseReleaseList(version.releasable_to) : undefined,
    revoked: version.revoked === 1,
    site: parseBody(version.body),
  };
}

export function presentPeopleDay(day: PeopleDay) {
  return { ...day };
}

export function presentNearbyIncident(item: IncidentPoint & { distanceKm: number }) {
  return {
    id: item.id,
    eventDate: item.event_date,
    eventType: item.event_type,
    subEventType: item.sub_event_type,
    location: item.location,
    lat: item.lat,
    lon: item.lon,
    fatalities: item.fatalities,
    marking: item.marking,
    distanceKm: item.distanceKm,
  };
}

export function presentNearbyReport(row: ThreatReportWithRecord) {
  return presentThreatReportSummary(row);
}
