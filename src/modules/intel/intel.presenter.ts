/**
 * Intelligence records -> API shape. The release list is shown only to the
 * originating organisation (recipients see the marking, not who else got it),
 * and a report names only the threat actors the reader may read.
 */
import { circleToPolygon } from '../../core/geo/index.js';
import type { CurrentUser } from '../identity/identity.types.js';
import type { RecordRow, RecordVersionRow } from '../records/records.repository.js';
import type { ThreatActorWithRecord } from './actors.repository.js';
import type { CorroborationCounts, CorroborationWithRecord } from './corroborations.repository.js';
import { parseBody, parseReleaseList } from './intel.records.js';
import type { ThreatArea } from './intel.schema.js';
import type { ThreatReportWithRecord } from './reports.repository.js';

function releaseListFor(reader: CurrentUser, createdBy: string, releasableTo: string) {
  return reader.orgId === createdBy ? parseReleaseList(releasableTo) : undefined;
}

function sharing(record: RecordRow, reader: CurrentUser) {
  return {
    marking: record.marking,
    releasableTo: releaseListFor(reader, record.created_by, record.releasable_to),
    createdBy: record.created_by,
    createdByUser: record.created_by_user,
    created: record.created,
    modified: record.modified,
    revoked: record.revoked === 1,
  };
}

/** The body's actor ids, kept to those the reader may read: an unreadable id would reveal that it exists. */
function readableActorIds(body: Record<string, unknown>, readable: ReadonlySet<string>): string[] {
  const ids = Array.isArray(body.threatActorIds) ? (body.threatActorIds as unknown[]) : [];
  return ids.filter((id): id is string => typeof id === 'string' && readable.has(id));
}

export function presentThreatActor(row: ThreatActorWithRecord, reader: CurrentUser) {
  return {
    ...parseBody(row.record.body),
    id: row.id,
    type: 'threat-actor' as const,
    ...sharing(row.record, reader),
  };
}

export function presentThreatActorSummary(row: ThreatActorWithRecord) {
  return {
    id: row.id,
    name: row.name,
    sophistication: row.sophistication,
    primaryMotivation: row.primary_motivation,
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
    marking: row.record.marking,
    createdBy: row.record.created_by,
    modified: row.record.modified,
  };
}

export function presentThreatReport(
  row: ThreatReportWithRecord,
  reader: CurrentUser,
  actors: readonly ThreatActorWithRecord[],
  corroboration: CorroborationCounts,
) {
  const body = parseBody(row.record.body);
  const readable = new Set(actors.map((actor) => actor.id));
  return {
    ...body,
    id: row.id,
    type: 'threat-report' as const,
    status: row.status,
    threatActorIds: readableActorIds(body, readable),
    threatActors: actors.map((actor) => ({ id: actor.id, name: actor.name })),
    ...sharing(row.record, reader),
    corroboration,
  };
}

export function presentThreatReportSummary(row: ThreatReportWithRecord) {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    targetType: row.target_type,
    sourceReliability: row.source_reliability,
    informationCredibility: row.information_credibility,
    language: row.language,
    centre: { lat: row.lat, lon: row.lon },
    radiusKm: row.radius_km,
    marking: row.record.marking,
    createdBy: row.record.created_by,
    modified: row.record.modified,
  };
}

/** A report's area as a GeoJSON feature for the map: circles become 64-sided polygons. */
export function presentThreatArea(row: ThreatReportWithRecord) {
  const area = parseBody(row.record.body).area as ThreatArea;
  const geometry =
    area.kind === 'circle'
      ? circleToPolygon({ lat: area.lat, lon: area.lon }, area.radiusKm)
      : area.polygon;
  return {
    type: 'Feature' as const,
    id: row.id,
    geometry,
    properties: {
      id: row.id,
      title: row.title,
      status: row.status,
      marking: row.record.marking,
      sourceReliability: row.source_reliability,
      informationCredibility: row.information_credibility,
      targetType: row.target_type,
      validFrom: row.valid_from,
      validUntil: row.valid_until,
      radiusKm: row.radius_km,
    },
  };
}

export function presentThreatReportVersion(
  version: RecordVersionRow,
  reader: CurrentUser,
  readableActors: ReadonlySet<string>,
) {
  const body = parseBody(version.body);
  return {
    modified: version.modified,
    storedAt: version.stored_at,
    marking: version.marking,
    releasableTo: releaseListFor(reader, version.created_by, version.releasable_to),
    revoked: version.revoked === 1,
    report: { ...body, threatActorIds: readableActorIds(body, readableActors) },
  };
}

export function presentCorroboration(row: CorroborationWithRecord, reader: CurrentUser) {
  return {
    ...parseBody(row.record.body),
    id: row.id,
    type: 'corroboration' as const,
    ...sharing(row.record, reader),
  };
}
