/**
 * What can trigger an alert: a stored version of an incident or a threat
 * report, read back with its query row, and whether that version is one
 * that should raise alerts at all (current, not revoked, published).
 *
 * Owns: the eligibility rules of triggers. Must never: decide who sees an
 * alert (that is alerts.visibility.ts, at read time).
 */
import type { ThreatArea } from '../intel/intel.schema.js';
import { parseBody } from '../intel/intel.records.js';
import type { IncidentsTable } from '../incidents/incidents.tables.js';
import type { ThreatReportsTable } from '../intel/intel.tables.js';
import type { RecordRow } from '../records/records.repository.js';

export type TriggerType = 'incident' | 'threat-report';
export const TRIGGER_TYPES: readonly TriggerType[] = ['incident', 'threat-report'];

export interface IncidentTrigger {
  kind: 'incident';
  id: string;
  modified: string;
  /** When this node stored the version: only subjects that existed then are alerted. */
  storedAt: string;
  revoked: boolean;
  row: IncidentsTable;
}

export interface ThreatTrigger {
  kind: 'threat-report';
  id: string;
  modified: string;
  storedAt: string;
  revoked: boolean;
  row: ThreatReportsTable;
  area: ThreatArea;
}

export type Trigger = IncidentTrigger | ThreatTrigger;

const DAY_MS = 86_400_000;
/** Older incidents (imports of history) raise nothing: they are not news to anyone. */
export const INCIDENT_RECENT_DAYS = 7;

/** The version stamp, revocation and body of the trigger's record. */
type VersionOf = Pick<RecordRow, 'modified' | 'revoked' | 'body'> & { storedAt: string };

export function incidentTrigger(row: IncidentsTable, record: VersionOf): IncidentTrigger {
  return {
    kind: 'incident',
    id: row.id,
    modified: record.modified,
    storedAt: record.storedAt,
    revoked: record.revoked === 1,
    row,
  };
}

/** A threat report's area from its record body; the query row's circle when the body has none. */
export function threatTrigger(
  row: ThreatReportsTable,
  record: VersionOf,
): ThreatTrigger | undefined {
  const area = areaOf(parseBody(record.body).area, row);
  if (!area) return undefined;
  return {
    kind: 'threat-report',
    id: row.id,
    modified: record.modified,
    storedAt: record.storedAt,
    revoked: record.revoked === 1,
    row,
    area,
  };
}

function areaOf(value: unknown, row: ThreatReportsTable): ThreatArea | undefined {
  if (value !== null && typeof value === 'object') {
    const area = value as Partial<Record<string, unknown>>;
    if (area.kind === 'circle' && typeof area.radiusKm === 'number') {
      return {
        kind: 'circle',
        lat: Number(area.lat),
        lon: Number(area.lon),
        radiusKm: area.radiusKm,
      };
    }
    if (area.kind === 'polygon' && area.polygon !== null && typeof area.polygon === 'object') {
      return {
        kind: 'polygon',
        polygon: area.polygon as Extract<ThreatArea, { kind: 'polygon' }>['polygon'],
      };
    }
  }
  return row.radius_km === null
    ? undefined
    : { kind: 'circle', lat: row.lat, lon: row.lon, radiusKm: row.radius_km };
}

/**
 * Whether this version raises alerts now: incidents not revoked and dated
 * within the last week; threat reports published, not revoked, still valid.
 */
export function triggerIsLive(trigger: Trigger, now: Date): boolean {
  if (trigger.revoked) return false;
  if (trigger.kind === 'incident') {
    const since = new Date(now.getTime() - INCIDENT_RECENT_DAYS * DAY_MS)
      .toISOString()
      .slice(0, 10);
    return trigger.row.event_date >= since;
  }
  return trigger.row.status === 'published' && trigger.row.valid_until >= now.toISOString();
}
