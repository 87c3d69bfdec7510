/**
 * The alert inbox's list rules, pure: newest first, how a live event changes
 * a loaded list (a new alert goes in at its place, an acknowledged one
 * leaves the "open" view), and the CSS tone of a CAP severity (the text is
 * always shown beside it, so colour is never the only sign).
 */
import type { Alert } from '../../api/alerts';

export type AlertView = 'open' | 'all';

/** Newest first; the id (time-ordered) settles alerts raised in the same millisecond. */
export function compareAlerts(a: Alert, b: Alert): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? 1 : -1;
}

export function sortAlerts(alerts: readonly Alert[]): Alert[] {
  return [...alerts].sort(compareAlerts);
}

export function isOpenAlert(alert: Alert): boolean {
  return alert.acknowledged === null;
}

export function belongsTo(view: AlertView, alert: Alert): boolean {
  return view === 'all' || isOpenAlert(alert);
}

/**
 * The list after a live event brought `alert` as the reader now sees it:
 * replaced where it was, added when new and in view, dropped when it no
 * longer belongs to the view. `insertNew` is false on pages after the first,
 * where a newer alert has no place.
 */
export function applyAlertChange(
  list: readonly Alert[],
  alert: Alert,
  view: AlertView,
  insertNew = true,
): Alert[] {
  const known = list.some((item) => item.id === alert.id);
  if (!belongsTo(view, alert))
    return known ? list.filter((item) => item.id !== alert.id) : [...list];
  if (known) return list.map((item) => (item.id === alert.id ? alert : item));
  return insertNew ? sortAlerts([alert, ...list]) : [...list];
}

export const SEVERITY_TONES = {
  Extreme: 'extreme',
  Severe: 'severe',
  Moderate: 'moderate',
  Minor: 'minor',
} as const;

export type SeverityTone = (typeof SEVERITY_TONES)[keyof typeof SEVERITY_TONES] | 'unknown';

export function severityTone(severity: string): SeverityTone {
  return Object.hasOwn(SEVERITY_TONES, severity)
    ? SEVERITY_TONES[severity as keyof typeof SEVERITY_TONES]
    : 'unknown';
}

/** Where the alert's subject and trigger open in the app. */
export function subjectPath(subject: Alert['subject']): string {
  const id = encodeURIComponent(subject.id);
  return subject.type === 'site' ? `/sites/${id}` : `/movements/${id}`;
}

export function triggerPath(trigger: Alert['trigger']): string {
  const id = encodeURIComponent(trigger.id);
  return trigger.type === 'incident' ? `/incidents/${id}` : `/intel/${id}`;
}

/** A live event's item as an alert, when it looks like one (the server presents it). */
export function asAlert(item: unknown): Alert | null {
  if (typeof item !== 'object' || item === null) return null;
  const candidate = item as Partial<Alert>;
  return typeof candidate.id === 'string' &&
    typeof candidate.createdAt === 'string' &&
    typeof candidate.headline === 'string' &&
    typeof candidate.subject === 'object' &&
    typeof candidate.trigger === 'object'
    ? (candidate as Alert)
    : null;
}
