/**
 * Geofenced alerts (the server's src/modules/alerts): a threat report or an
 * incident (the trigger) that touches a protected site or a movement (the
 * subject), with CAP 1.2 fields. The server lists only the alerts the reader
 * may see (recipient organisation, and readable trigger and subject), newest
 * first.
 */
import type { Page } from './types';
import { apiRequest } from './client';

/** CAP 1.2 values, as the server sends them. */
export const CAP_SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;
export const CAP_URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const;
export const CAP_CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const;
export type CapSeverity = (typeof CAP_SEVERITIES)[number];
export type CapUrgency = (typeof CAP_URGENCIES)[number];
export type CapCertainty = (typeof CAP_CERTAINTIES)[number];

export interface AlertTrigger {
  id: string;
  type: 'incident' | 'threat-report';
  /** The report's title or the incident's what, where and when, as the reader may read it. */
  title: string;
  /** The trigger was withdrawn after the alert was raised. */
  revoked?: boolean;
}

export interface AlertSubject {
  id: string;
  type: 'site' | 'movement';
  /** The site's name or the movement's title. */
  name: string;
}

export interface Alert {
  id: string;
  trigger: AlertTrigger;
  subject: AlertSubject;
  severity: string;
  urgency: string;
  certainty: string;
  headline: string;
  instruction: string;
  /** The CAP area: a description and a circle ("lat,lon radiusKm") or a polygon. */
  area?: { areaDesc: string; circle?: string; polygon?: string };
  distanceKm: number;
  createdAt: string;
  /** `by` is the display name of whoever acknowledged it (null when unknown), `userId` their id. */
  acknowledged: { at: string; by: string | null; userId: string | null } | null;
  /** 0 until an unacknowledged alert escalates; then 1, 2. */
  escalationLevel: number;
  /** The stricter marking of the trigger and the subject. */
  marking?: string;
}

export interface AlertQuery {
  /** true: only unacknowledged alerts. */
  open?: boolean;
  subjectId?: string;
  limit?: number;
  cursor?: string | null;
}

export function listAlerts(query: AlertQuery, signal?: AbortSignal): Promise<Page<Alert>> {
  return apiRequest('GET', '/api/alerts', {
    query: {
      open: query.open === undefined ? undefined : String(query.open),
      subjectId: query.subjectId,
      limit: query.limit,
      cursor: query.cursor,
    },
    signal,
  });
}

/** The server answers one alert bare or as `{ alert }`; both read the same here. */
function oneAlert(answer: Alert | { alert: Alert }): Alert {
  return 'alert' in answer ? answer.alert : answer;
}

export async function getAlert(id: string, signal?: AbortSignal): Promise<Alert> {
  return oneAlert(await apiRequest('GET', `/api/alerts/${encodeURIComponent(id)}`, { signal }));
}

/** The alert as it stands once acknowledged. */
export async function acknowledgeAlert(id: string): Promise<Alert> {
  return oneAlert(await apiRequest('POST', `/api/alerts/${encodeURIComponent(id)}/acknowledge`));
}

/** The alert as a CAP 1.2 message, for a download link. */
export function alertCapUrl(id: string): string {
  return `/api/alerts/${encodeURIComponent(id)}.cap.xml`;
}
