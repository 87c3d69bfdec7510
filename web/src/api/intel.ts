/**
 * Intelligence: threat reports, threat actors, corroborations and the
 * "who will see this" preview — the shapes of the server's intel presenters
 * (src/modules/intel/intel.presenter.ts) and the calls.
 */
import { apiRequest, exportUrl, type ExportFormat } from './client';
import type { TlpMarking } from './incidents';
import type { Locale, Page } from './types';

import type {
  CorroborationKind,
  InformationCredibility,
  Motivation,
  ReportStatus,
  Sophistication,
  SourceReliability,
  TargetType,
} from '@vocabulary/intel';

// The vocabularies are the server's own (src/core/vocabulary/intel.ts).
export {
  CORROBORATION_KINDS,
  INFORMATION_CREDIBILITY,
  MAX_AREA_RADIUS_KM,
  MOTIVATION,
  REPORT_STATUSES,
  SOPHISTICATION,
  SOURCE_RELIABILITY,
  TARGET_TYPES,
  type CorroborationKind,
  type InformationCredibility,
  type Motivation,
  type ReportStatus,
  type Sophistication,
  type SourceReliability,
  type TargetType,
} from '@vocabulary/intel';

/** GeoJSON positions are [longitude, latitude]. */
export type Position = [number, number];

export type ThreatArea =
  | { kind: 'circle'; lat: number; lon: number; radiusKm: number }
  | { kind: 'polygon'; polygon: { type: 'Polygon'; coordinates: Position[][] } };

/** The sharing fields and who wrote the record, as every intel presenter adds them. */
export interface RecordSharing {
  marking: string;
  /** Present only for the originating organisation. */
  releasableTo?: string[];
  createdBy: string;
  createdByUser: string | null;
  created: string;
  modified: string;
  revoked: boolean;
}

export interface ThreatReportInput {
  title: string;
  narrative: string;
  language: Locale;
  area: ThreatArea;
  validFrom: string;
  validUntil: string;
  targetType: TargetType;
  modusOperandi: { description: string; acledSubEventType?: string };
  threatActorIds: string[];
  sourceReliability: SourceReliability;
  informationCredibility: InformationCredibility;
  marking: TlpMarking;
  releasableTo: string[];
}

export interface CorroborationCounts {
  /** Distinct organisations per kind, the originator not counted. */
  byKind: Record<CorroborationKind, number>;
  organisations: number;
}

export interface ThreatReport
  extends Omit<ThreatReportInput, 'marking' | 'releasableTo'>, RecordSharing {
  id: string;
  type: 'threat-report';
  status: ReportStatus;
  publishedAt?: string;
  threatActors: { id: string; name: string }[];
  corroboration: CorroborationCounts;
}

export interface ThreatReportSummary {
  id: string;
  title: string;
  status: ReportStatus;
  validFrom: string;
  validUntil: string;
  targetType: string;
  sourceReliability: string;
  informationCredibility: number;
  language: string;
  centre: { lat: number; lon: number };
  radiusKm: number | null;
  marking: string;
  createdBy: string;
  modified: string;
}

export interface ThreatReportVersion {
  modified: string;
  storedAt: string;
  marking: string;
  releasableTo?: string[];
  revoked: boolean;
  report: Partial<ThreatReportInput> & { status?: ReportStatus; publishedAt?: string };
}

export interface ReportFilters {
  q?: string;
  status?: ReportStatus;
  from?: string;
  to?: string;
  targetType?: TargetType;
  sourceReliability?: SourceReliability[];
  informationCredibility?: InformationCredibility[];
  orgId?: string;
  marking?: TlpMarking;
}

export interface ThreatActorInput {
  name: string;
  aliases: string[];
  description: string;
  sophistication?: Sophistication;
  primaryMotivation?: Motivation;
  firstSeen?: string;
  lastSeen?: string;
  marking: TlpMarking;
  releasableTo: string[];
}

export interface ThreatActor
  extends Omit<ThreatActorInput, 'marking' | 'releasableTo'>, RecordSharing {
  id: string;
  type: 'threat-actor';
}

export interface ThreatActorSummary {
  id: string;
  name: string;
  sophistication: string | null;
  primaryMotivation: string | null;
  firstSeen: string | null;
  lastSeen: string | null;
  marking: string;
  createdBy: string;
  modified: string;
}

export interface CorroborationInput {
  subjectId: string;
  kind: CorroborationKind;
  text: string;
  observedAt?: string;
  place?: { lat: number; lon: number; name?: string };
  marking: TlpMarking;
  releasableTo: string[];
}

export interface Corroboration
  extends Omit<CorroborationInput, 'marking' | 'releasableTo'>, RecordSharing {
  id: string;
  type: 'corroboration';
}

export interface SharingPreview {
  marking: TlpMarking;
  audience: 'everyone' | 'organisations' | 'named_users';
  organisations: { id: string; name: string }[];
  users?: { count: number; ids: string[] };
  /** Release-list entries naming no organisation this node knows. */
  unknownGrantees: string[];
}

const reportPath = (id: string) => `/api/threat-reports/${encodeURIComponent(id)}`;
const actorPath = (id: string) => `/api/threat-actors/${encodeURIComponent(id)}`;

export function listThreatReports(
  filters: ReportFilters,
  page: { limit: number; cursor: string | null },
  signal?: AbortSignal,
): Promise<Page<ThreatReportSummary>> {
  return apiRequest('GET', '/api/threat-reports', {
    query: { ...reportFilterQuery(filters), limit: page.limit, cursor: page.cursor },
    signal,
  });
}

function reportFilterQuery(filters: ReportFilters): Record<string, string | undefined> {
  return {
    q: filters.q,
    status: filters.status,
    from: filters.from,
    to: filters.to,
    targetType: filters.targetType,
    sourceReliability: filters.sourceReliability?.join(','),
    informationCredibility: filters.informationCredibility?.join(','),
    orgId: filters.orgId,
    marking: filters.marking,
  };
}

/** Where the browser downloads the filtered list (the session cookie authorises it). */
export function threatReportExportUrl(filters: ReportFilters, format: ExportFormat): string {
  return exportUrl('/api/threat-reports', reportFilterQuery(filters), format);
}

export async function getThreatReport(id: string, signal?: AbortSignal): Promise<ThreatReport> {
  return (await apiRequest<{ threatReport: ThreatReport }>('GET', reportPath(id), { signal }))
    .threatReport;
}

export async function threatReportHistory(
  id: string,
  signal?: AbortSignal,
): Promise<ThreatReportVersion[]> {
  return (
    await apiRequest<{ versions: ThreatReportVersion[] }>('GET', `${reportPath(id)}/history`, {
      signal,
    })
  ).versions;
}

export async function createThreatReport(input: ThreatReportInput): Promise<ThreatReport> {
  return (
    await apiRequest<{ threatReport: ThreatReport }>('POST', '/api/threat-reports', { body: input })
  ).threatReport;
}

export async function updateThreatReport(
  id: string,
  input: ThreatReportInput,
): Promise<ThreatReport> {
  return (await apiRequest<{ threatReport: ThreatReport }>('PUT', reportPath(id), { body: input }))
    .threatReport;
}

export async function publishThreatReport(id: string): Promise<ThreatReport> {
  return (await apiRequest<{ threatReport: ThreatReport }>('POST', `${reportPath(id)}/publish`))
    .threatReport;
}

export async function revokeThreatReport(id: string): Promise<void> {
  await apiRequest('POST', `${reportPath(id)}/revoke`);
}

export function listThreatActors(
  query: { q?: string; limit: number; cursor: string | null },
  signal?: AbortSignal,
): Promise<Page<ThreatActorSummary>> {
  return apiRequest('GET', '/api/threat-actors', { query: { ...query }, signal });
}

export async function getThreatActor(id: string, signal?: AbortSignal): Promise<ThreatActor> {
  return (await apiRequest<{ threatActor: ThreatActor }>('GET', actorPath(id), { signal }))
    .threatActor;
}

export async function createThreatActor(input: ThreatActorInput): Promise<ThreatActor> {
  return (
    await apiRequest<{ threatActor: ThreatActor }>('POST', '/api/threat-actors', { body: input })
  ).threatActor;
}

export async function updateThreatActor(id: string, input: ThreatActorInput): Promise<ThreatActor> {
  return (await apiRequest<{ threatActor: ThreatActor }>('PUT', actorPath(id), { body: input }))
    .threatActor;
}

/** A subject's corroborations the caller may read, newest first, with the independent counts. */
export function listCorroborations(
  subjectId: string,
  signal?: AbortSignal,
): Promise<{ items: Corroboration[]; corroboration: CorroborationCounts }> {
  return apiRequest('GET', '/api/corroborations', { query: { subjectId, limit: 100 }, signal });
}

export async function createCorroboration(input: CorroborationInput): Promise<Corroboration> {
  return (
    await apiRequest<{ corroboration: Corroboration }>('POST', '/api/corroborations', {
      body: input,
    })
  ).corroboration;
}

/**
 * Who could read a record written now with these sharing fields: by the
 * caller, or for `recordId`, by that record's originator (an edit).
 */
export function previewSharing(
  sharing: { marking: TlpMarking; releasableTo: string[]; recordId?: string | undefined },
  signal?: AbortSignal,
): Promise<SharingPreview> {
  return apiRequest('POST', '/api/sharing/preview', { body: sharing, signal });
}
