/**
 * Rows -> the situation report's item shapes. Items carry what a daily
 * report shows and their marking; never release lists, authors or bodies.
 */
import type { ActionItemWithRecord } from '../coordination/action-items.repository.js';
import type { IncidentWithRecord } from '../incidents/incidents.repository.js';
import { parseBody } from '../intel/intel.records.js';
import type { ThreatReportWithRecord } from '../intel/reports.repository.js';
import { daysBetween } from './sitrep.schema.js';

/** The first-level administrative area as the incident's author wrote it, or ''. */
export function admin1Of(row: IncidentWithRecord): string {
  const place = parseBody(row.record.body).place;
  if (place === null || typeof place !== 'object') return '';
  const admin1 = (place as Record<string, unknown>).admin1;
  return typeof admin1 === 'string' ? admin1.trim() : '';
}

export function presentSitrepIncident(row: IncidentWithRecord, admin1: string) {
  return {
    id: row.id,
    eventDate: row.event_date,
    eventType: row.event_type,
    subEventType: row.sub_event_type,
    place: row.location,
    admin1,
    country: row.country,
    latitude: row.lat,
    longitude: row.lon,
    fatalities: row.fatalities,
    marking: row.record.marking,
  };
}
export type SitrepIncident = ReturnType<typeof presentSitrepIncident>;

export function presentSitrepThreat(row: ThreatReportWithRecord) {
  const located = Number.isFinite(row.lat) && Number.isFinite(row.lon);
  return {
    id: row.id,
    title: row.title,
    language: row.language,
    sourceReliability: row.source_reliability,
    informationCredibility: row.information_credibility,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    centroid: located ? ([row.lon, row.lat] as [number, number]) : null,
    marking: row.record.marking,
  };
}
export type SitrepThreat = ReturnType<typeof presentSitrepThreat>;

export function presentOverdueActionItem(
  row: ActionItemWithRecord,
  owner: { id: string; name: string },
  date: string,
) {
  return {
    id: row.id,
    title: row.title,
    ownerOrg: owner,
    dueDate: row.due_date,
    daysOverdue: daysBetween(row.due_date, date),
    status: row.status,
    workingGroupId: row.working_group_id,
    marking: row.record.marking,
  };
}
export type SitrepOverdueActionItem = ReturnType<typeof presentOverdueActionItem>;
