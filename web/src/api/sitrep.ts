/**
 * The daily situation report (the server's src/modules/sitrep): the report
 * as JSON for the page, and the address of the same report as a PDF. The
 * server builds it for the signed-in reader, so it holds only what they may read.
 */
import { apiRequest } from './client';
import type { Locale } from './types';

export interface CountByEventType {
  eventType: string;
  count: number;
}

export interface SitrepAreaCount {
  country: string;
  /** The first-level administrative area as recorded, or '' when not known. */
  area: string;
  count: number;
  fatalities: number;
  byEventType: CountByEventType[];
}

export interface SitrepIncident {
  id: string;
  eventDate: string;
  eventType: string;
  subEventType: string;
  place: string;
  admin1: string;
  country: string;
  latitude: number;
  longitude: number;
  fatalities: number | null;
  marking: string;
}

export interface SitrepThreat {
  id: string;
  title: string;
  language?: string;
  sourceReliability: string;
  informationCredibility: number;
  validFrom: string;
  validUntil: string;
  /** [lon, lat] of the threat area's centre, or null when the report has no area. */
  centroid: [number, number] | null;
  marking: string;
  /** The place the area is named after (the server's own naming), when it has one. */
  area?: string;
}

export interface SitrepOverdueActionItem {
  id: string;
  title: string;
  ownerOrg: { id: string; name: string };
  dueDate: string;
  daysOverdue: number;
  status: string;
  workingGroupId: string;
  marking?: string;
}

/** A movement of the day, in its state at the end of the day. */
export interface SitrepMovement {
  id: string;
  title: string;
  origin: string;
  destination: string;
  state: string;
  riskLevel: string | null;
  escortOrg: { id: string; name: string } | null;
  plannedDeparture: string;
  plannedArrival: string;
  /** The last check-in recorded before the end of the day. */
  lastCheckinAt: string | null;
  marking: string;
}

export interface SitrepAlarm {
  id: string;
  movement: { id: string; title: string };
  reason: string;
  level: number;
  raisedAt: string;
  acknowledged: { at: string; by: string } | null;
  resolvedAt: string | null;
  marking: string;
}

export interface SitrepAlert {
  id: string;
  headline: string;
  severity: string;
  urgency: string;
  createdAt: string;
  trigger: { id: string; type: string; title: string };
  subject: { id: string; type: string; name: string };
  acknowledged: { at: string } | null;
  escalationLevel: number;
  marking: string;
}

export interface NationalityCount {
  nationality: string;
  count: number;
}

export interface SitrepSitePeople {
  id: string;
  name: string;
  siteType: string;
  /** The day counted: the latest on or before the report's day. */
  day: string;
  total: number;
  byNationality: NationalityCount[];
  marking: string;
}

export interface Sitrep {
  date: string;
  generatedAt: string;
  window: { from: string; to: string };
  organisation: { id: string; name: string };
  /** The record sources the report covers ('incidents', 'threat-reports', 'action-items', …). */
  sources: string[];
  incidents: {
    total: number;
    fatalities: number;
    injured: number;
    byArea: SitrepAreaCount[];
    items: SitrepIncident[];
    truncated: boolean;
  };
  threats: {
    total: number;
    byArea: { area: string; count: number }[];
    items: SitrepThreat[];
    truncated: boolean;
  };
  actionItems: { overdue: SitrepOverdueActionItem[]; total: number };
  chart: {
    incidentsByEventType: CountByEventType[];
    incidentsByDay: { date: string; count: number }[];
  };
  movements: {
    total: number;
    byState: { state: string; count: number }[];
    outcomes: { arrived: number; overdue: number; incident: number; cancelled: number };
    items: SitrepMovement[];
    truncated: boolean;
  };
  alarmsAlerts: {
    alarms: { total: number; items: SitrepAlarm[]; truncated: boolean };
    alerts: {
      total: number;
      bySeverity: { severity: string; count: number }[];
      items: SitrepAlert[];
      truncated: boolean;
    };
  };
  people: {
    total: number;
    byNationality: NationalityCount[];
    sites: SitrepSitePeople[];
    siteCount: number;
    truncated: boolean;
  };
}

/** The report of `date` (YYYY-MM-DD); the server's today (UTC) when absent. */
export async function getSitrep(date: string | undefined, signal?: AbortSignal): Promise<Sitrep> {
  const answer = await apiRequest<{ sitrep: Sitrep }>('GET', '/api/sitrep', {
    query: { date },
    signal,
  });
  return answer.sitrep;
}

/** The languages the PDF is printed in, by interface language. */
const PDF_LANGUAGE: Record<Locale, 'en' | 'zh' | 'ur'> = { en: 'en', 'zh-Hans': 'zh', ur: 'ur' };

/** The PDF of the report of `date`, headed and labelled in the interface language. */
export function sitrepPdfUrl(date: string, locale: Locale): string {
  const query = new URLSearchParams({ date, lang: PDF_LANGUAGE[locale] });
  return `/api/sitrep.pdf?${query.toString()}`;
}
