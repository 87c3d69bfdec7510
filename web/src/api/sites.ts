/**
 * Protected sites: the shapes of the server's site presenter
 * (src/modules/sites/sites.presenter.ts) and the calls. Emergency contacts
 * are personal data: they travel only through their own endpoint, and every
 * read of it is recorded in the audit log by the server.
 */
import type { PostureLevel, SiteType } from '@vocabulary/protection';
import { apiRequest } from './client';
import type { TlpMarking } from './incidents';
import type { Page } from './types';

export {
  POSTURE_LEVELS,
  SITE_TYPES,
  type PostureLevel,
  type SiteType,
} from '@vocabulary/protection';

export interface GeoJsonPolygon {
  type: 'Polygon';
  /** Rings of [lon, lat]; the first ring is the outline, closed. */
  coordinates: number[][][];
}

export type SiteLocation =
  { kind: 'point'; lat: number; lon: number } | { kind: 'polygon'; polygon: GeoJsonPolygon };

/** What POST and PUT /api/sites take. */
export interface SiteInput {
  name: string;
  type: SiteType;
  location: SiteLocation;
  bufferKm: number;
  operatorOrgId: string;
  guardOrgId: string;
  postureLevel: PostureLevel;
  notes: string;
  marking: TlpMarking;
  releasableTo: string[];
}

export interface NamedOrganisation {
  id: string;
  name: string | null;
}

export interface PeopleOnSite {
  day: string;
  total: number;
  byNationality: { nationality: string; count: number }[];
}

export interface Site {
  id: string;
  name: string;
  type: SiteType;
  /** GeoJSON geometry for the map. */
  location: { type: 'Point'; coordinates: [number, number] } | GeoJsonPolygon;
  centre: { lat: number; lon: number };
  bufferKm: number;
  operator: NamedOrganisation;
  guard: NamedOrganisation;
  postureLevel: PostureLevel;
  peopleOnSite: PeopleOnSite | null;
  notes?: string;
  marking: string;
  /** Present only for the originating organisation. */
  releasableTo?: string[];
  createdBy?: string;
  created: string;
  modified: string;
  revoked: boolean;
  canEdit: boolean;
  /** Whether this reader may open the emergency contacts (operator or guard organisation). */
  mayReadContacts: boolean;
  /** Whether this reader may record the people on site (the server decides; absent on older nodes). */
  mayRecordPeople?: boolean;
}

export interface SiteFilters {
  q?: string | undefined;
  type?: SiteType | undefined;
  posture?: PostureLevel | undefined;
}

export interface SiteVersion {
  modified: string;
  storedAt: string;
  marking: string;
  releasableTo?: string[];
  revoked: boolean;
  /** The body of that version (the server names it `record` or `site`). */
  record?: Partial<SiteInput>;
  site?: Partial<SiteInput>;
}

export interface PeopleDay {
  day: string;
  total: number;
  byNationality: { nationality: string; count: number }[];
}

export interface SiteContact {
  name: string;
  role: string;
  phone: string;
  email?: string;
}

export interface NearbyIncident {
  id: string;
  eventDate: string;
  eventType: string;
  subEventType: string;
  location: string;
  lat: number;
  lon: number;
  fatalities: number | null;
  marking: string;
  distanceKm: number;
}

export interface NearbyThreat {
  id: string;
  title: string;
  status: string;
  validFrom: string;
  validUntil: string | null;
  marking: string;
}

/** What the server found near a site; `truncated` when it listed only the nearest or newest. */
export interface Nearby {
  radiusKm: number;
  days: number;
  incidents: { items: NearbyIncident[]; truncated: boolean };
  threatReports: { items: NearbyThreat[]; truncated: boolean };
}

const byId = (id: string) => `/api/sites/${encodeURIComponent(id)}`;

export function listSites(
  filters: SiteFilters,
  page: { limit: number; cursor: string | null },
  signal?: AbortSignal,
): Promise<Page<Site>> {
  return apiRequest('GET', '/api/sites', {
    query: {
      q: filters.q,
      type: filters.type,
      posture: filters.posture,
      limit: page.limit,
      cursor: page.cursor,
    },
    signal,
  });
}

/** Every readable site, page by page, for pickers (bounded). */
export async function listAllSites(signal?: AbortSignal, maxPages = 10): Promise<Site[]> {
  const all: Site[] = [];
  let cursor: string | null = null;
  for (let n = 0; n < maxPages; n += 1) {
    const page: Page<Site> = await listSites({}, { limit: 200, cursor }, signal);
    all.push(...page.items);
    if (page.nextCursor === null) break;
    cursor = page.nextCursor;
  }
  return all;
}

export async function getSite(id: string, signal?: AbortSignal): Promise<Site> {
  return (await apiRequest<{ site: Site }>('GET', byId(id), { signal })).site;
}

export async function siteHistory(id: string, signal?: AbortSignal): Promise<SiteVersion[]> {
  return (await apiRequest<{ versions: SiteVersion[] }>('GET', `${byId(id)}/history`, { signal }))
    .versions;
}

export async function createSite(input: SiteInput): Promise<Site> {
  return (await apiRequest<{ site: Site }>('POST', '/api/sites', { body: input })).site;
}

export async function updateSite(id: string, input: SiteInput): Promise<Site> {
  return (await apiRequest<{ site: Site }>('PUT', byId(id), { body: input })).site;
}

export async function revokeSite(id: string, reason: string): Promise<void> {
  await apiRequest('POST', `${byId(id)}/revoke`, { body: { reason } });
}

export async function sitePeople(
  id: string,
  range: { from?: string; to?: string },
  signal?: AbortSignal,
): Promise<PeopleDay[]> {
  return (
    await apiRequest<{ days: PeopleDay[] }>('GET', `${byId(id)}/people`, {
      query: { from: range.from, to: range.to },
      signal,
    })
  ).days;
}

export async function recordSitePeople(
  id: string,
  day: string,
  counts: { nationality: string; count: number }[],
): Promise<void> {
  await apiRequest('PUT', `${byId(id)}/people/${encodeURIComponent(day)}`, { body: { counts } });
}

/** Personal data: the server records this read in the audit log. */
export async function siteContacts(id: string, signal?: AbortSignal): Promise<SiteContact[]> {
  return (await apiRequest<{ contacts: SiteContact[] }>('GET', `${byId(id)}/contacts`, { signal }))
    .contacts;
}

export async function saveSiteContacts(id: string, contacts: SiteContact[]): Promise<void> {
  await apiRequest('PUT', `${byId(id)}/contacts`, { body: { contacts } });
}

export function siteNearby(
  id: string,
  query: { radiusKm: number; days: number },
  signal?: AbortSignal,
): Promise<Nearby> {
  return apiRequest('GET', `${byId(id)}/nearby`, { query, signal });
}
