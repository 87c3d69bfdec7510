/**
 * Movement alarms (the server's src/modules/alarms): a missed check-in, an
 * overdue arrival or a duress check-in, escalated L1 → L2 → L3 while nobody
 * acknowledges them. The server lists only the alarms the reader may see at
 * the alarm's current level, newest first.
 */
import type { Page } from './types';
import { apiRequest } from './client';

export const ALARM_REASONS = ['missed_checkin', 'overdue_arrival', 'duress'] as const;
export type AlarmReason = (typeof ALARM_REASONS)[number];

export interface Alarm {
  id: string;
  movement: { id: string; title: string };
  reason: string;
  /** 1, 2 or 3. */
  level: number;
  raisedAt: string;
  escalatedAt: string | null;
  /** The last known position and when it was reported; null before the first check-in. */
  lastPosition: { lat: number; lon: number; at: string } | null;
  acknowledged: { at: string; by: string } | null;
  resolvedAt: string | null;
}

export function listAlarms(
  query: { open?: boolean; limit?: number; cursor?: string | null },
  signal?: AbortSignal,
): Promise<Page<Alarm>> {
  return apiRequest('GET', '/api/alarms', {
    query: {
      open: query.open === undefined ? undefined : String(query.open),
      limit: query.limit,
      cursor: query.cursor,
    },
    signal,
  });
}

export function acknowledgeAlarm(id: string): Promise<Alarm> {
  return apiRequest('POST', `/api/alarms/${encodeURIComponent(id)}/acknowledge`);
}

export function isAlarmReason(value: string): value is AlarmReason {
  return (ALARM_REASONS as readonly string[]).includes(value);
}
