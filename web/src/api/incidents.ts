/** Incidents and place names: the shapes of the server's incident presenters, and the calls. */
import { ApiError, apiRequest, exportUrl, type ExportFormat } from './client';
import type { Locale, Page } from './types';
import type { AcledEventType } from '../lib/acled';

export const TLP_MARKINGS = [
  'TLP:CLEAR',
  'TLP:GREEN',
  'TLP:AMBER',
  'TLP:AMBER+STRICT',
  'TLP:RED',
] as const;
export type TlpMarking = (typeof TLP_MARKINGS)[number];

export interface IncidentActor {
  name: string;
  inter: number;
}

export interface CountByNationality {
  country: string;
  count: number;
}

export interface Casualties {
  /** Null when the number is not known. */
  total: number | null;
  byNationality: CountByNationality[];
}

export interface IncidentPlace {
  name: string;
  admin1?: string;
  admin2?: string;
  country: string;
  lat: number;
  lon: number;
  geoPrecision: 1 | 2 | 3;
}

export interface IncidentSource {
  name: string;
  url?: string;
  date?: string;
}

/** What POST and PUT /api/incidents take (the server's IncidentInput). */
export interface IncidentInput {
  eventDate: string;
  timePrecision: 1 | 2 | 3;
  eventType: AcledEventType;
  subEventType: string;
  actor1: IncidentActor;
  actor2?: IncidentActor;
  place: IncidentPlace;
  fatalities: Casualties;
  injured: Casualties;
  narrative: string;
  language: Locale;
  sources: IncidentSource[];
  siteId?: string;
  movementId?: string;
  marking: TlpMarking;
  releasableTo: string[];
}

export interface Incident extends Omit<IncidentInput, 'releasableTo' | 'marking'> {
  id: string;
  type: 'incident';
  marking: string;
  /** Present only for the originating organisation. */
  releasableTo?: string[];
  createdBy: string;
  createdByUser: string | null;
  created: string;
  modified: string;
  revoked: boolean;
}

export interface IncidentSummary {
  id: string;
  eventDate: string;
  timePrecision: number;
  eventType: string;
  subEventType: string;
  country: string;
  location: string;
  lat: number;
  lon: number;
  geoPrecision: number;
  fatalities: number | null;
  injured: number | null;
  marking: string;
  createdBy: string;
  modified: string;
  revoked: boolean;
}

export interface IncidentVersion {
  modified: string;
  storedAt: string;
  marking: string;
  releasableTo?: string[];
  revoked: boolean;
  incident: Partial<IncidentInput>;
}

export interface IncidentFilters {
  /** Words that must all appear in the narrative, place or actors (any language). */
  q?: string | undefined;
  from?: string;
  to?: string;
  eventType?: string;
  subEventType?: string;
  country?: string;
  orgId?: string;
  marking?: string;
  includeRevoked?: boolean;
}

export interface MonthlyCount {
  month: string;
  eventType: string;
  count: number;
}

function filterQuery(filters: IncidentFilters): Record<string, string | undefined> {
  return {
    q: filters.q,
    from: filters.from,
    to: filters.to,
    eventType: filters.eventType,
    subEventType: filters.subEventType,
    country: filters.country,
    orgId: filters.orgId,
    marking: filters.marking,
    includeRevoked: filters.includeRevoked ? 'true' : undefined,
  };
}

const byId = (id: string) => `/api/incidents/${encodeURIComponent(id)}`;

/** Where the browser downloads the filtered list (the session cookie authorises it). */
export function incidentExportUrl(filters: IncidentFilters, format: ExportFormat): string {
  return exportUrl('/api/incidents', filterQuery(filters), format);
}

export function listIncidents(
  filters: IncidentFilters,
  page: { limit: number; cursor: string | null },
  signal?: AbortSignal,
): Promise<Page<IncidentSummary>> {
  return apiRequest('GET', '/api/incidents', {
    query: { ...filterQuery(filters), limit: page.limit, cursor: page.cursor },
    signal,
  });
}

export function incidentFacets(
  filters: IncidentFilters,
  signal?: AbortSignal,
): Promise<{ eventTypes: { eventType: string; count: number }[]; total: number }> {
  return apiRequest('GET', '/api/incidents/facets', { query: filterQuery(filters), signal });
}

/**
 * Counts per month and event type, or null when this server does not offer
 * them yet (an older node answers the path as an incident id: 404 or 400).
 */
export async function incidentMonthly(
  filters: IncidentFilters,
  signal?: AbortSignal,
): Promise<MonthlyCount[] | null> {
  try {
    const answer = await apiRequest<{ months: MonthlyCount[] }>('GET', '/api/incidents/monthly', {
      query: filterQuery(filters),
      signal,
    });
    return answer.months;
  } catch (error) {
    const unsupported =
      error instanceof ApiError &&
      (error.status === 404 ||
        error.status === 405 ||
        (error.status === 400 && error.issues.some((issue) => issue.path === 'id')));
    if (unsupported) return null;
    throw error;
  }
}

export async function getIncident(id: string, signal?: AbortSignal): Promise<Incident> {
  return (await apiRequest<{ incident: Incident }>('GET', byId(id), { signal })).incident;
}

export async function incidentHistory(
  id: string,
  signal?: AbortSignal,
): Promise<IncidentVersion[]> {
  return (
    await apiRequest<{ versions: IncidentVersion[] }>('GET', `${byId(id)}/history`, { signal })
  ).versions;
}

export async function createIncident(input: IncidentInput): Promise<Incident> {
  return (await apiRequest<{ incident: Incident }>('POST', '/api/incidents', { body: input }))
    .incident;
}

export async function updateIncident(id: string, input: IncidentInput): Promise<Incident> {
  return (await apiRequest<{ incident: Incident }>('PUT', byId(id), { body: input })).incident;
}

export async function revokeIncident(id: string): Promise<void> {
  await apiRequest('POST', `${byId(id)}/revoke`);
}

export interface PlaceMatch {
  name: string;
  country: string;
  lat: number;
  lon: number;
  population: number;
}

export async function searchPlaces(
  q: string,
  limit: number,
  signal?: AbortSignal,
): Promise<PlaceMatch[]> {
  return (
    await apiRequest<{ items: PlaceMatch[] }>('GET', '/api/places', { query: { q, limit }, signal })
  ).items;
}
