/**
 * Incident records -> API shape. The release list is shown only to the
 * originating organisation: recipients see the marking, not who else got it.
 */
import type { CurrentUser } from '../identity/identity.types.js';
import type { RecordVersionRow } from '../records/records.repository.js';
import type { IncidentWithRecord } from './incidents.repository.js';

function parseObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function releaseListFor(
  reader: CurrentUser,
  createdBy: string,
  releasableTo: string,
): string[] | undefined {
  if (reader.orgId !== createdBy) return undefined;
  const parsed: unknown = JSON.parse(releasableTo);
  return Array.isArray(parsed)
    ? parsed.filter((entry): entry is string => typeof entry === 'string')
    : [];
}

export function presentIncident(row: IncidentWithRecord, reader: CurrentUser) {
  const body = parseObject(row.record.body);
  return {
    ...body,
    id: row.id,
    type: 'incident' as const,
    marking: row.record.marking,
    releasableTo: releaseListFor(reader, row.record.created_by, row.record.releasable_to),
    createdBy: row.record.created_by,
    createdByUser: row.record.created_by_user,
    created: row.record.created,
    modified: row.record.modified,
    revoked: row.record.revoked === 1,
  };
}

/** A compact line for lists and maps. */
export function presentIncidentSummary(row: IncidentWithRecord) {
  return {
    id: row.id,
    eventDate: row.event_date,
    timePrecision: row.time_precision,
    eventType: row.event_type,
    subEventType: row.sub_event_type,
    country: row.country,
    location: row.location,
    lat: row.lat,
    lon: row.lon,
    geoPrecision: row.geo_precision,
    fatalities: row.fatalities,
    injured: row.injured,
    marking: row.record.marking,
    createdBy: row.record.created_by,
    modified: row.record.modified,
    revoked: row.record.revoked === 1,
  };
}

export function presentIncidentVersion(version: RecordVersionRow, reader: CurrentUser) {
  return {
    modified: version.modified,
    storedAt: version.stored_at,
    marking: version.marking,
    releasableTo: releaseListFor(reader, version.created_by, version.releasable_to),
    revoked: version.revoked === 1,
    incident: parseObject(version.body),
  };
}
