/**
 * An alert as the API and the live stream show it: its CAP fields, and the
 * trigger and subject named from the records the reader was just allowed to
 * read (never from anything else). Also the marking the alert travels under:
 * the stricter of its two records' markings.
 */
import { TLP_MARKINGS } from '../../core/policy/types.js';
import { parseBody } from '../intel/intel.records.js';
import type { RecordRow } from '../records/records.repository.js';
import type { CapArea } from './alerts.cap.js';
import type { VisibleAlert } from './alerts.visibility.js';

export interface PresentedAlert {
  id: string;
  trigger: { id: string; type: string; title: string; revoked: boolean };
  subject: { id: string; type: string; name: string };
  severity: string;
  urgency: string;
  certainty: string;
  headline: string;
  instruction: string;
  area: CapArea;
  distanceKm: number;
  createdAt: string;
  /** `by` is the display name of whoever acknowledged it; `userId` their id. */
  acknowledged: { at: string; by: string | null; userId: string | null } | null;
  escalationLevel: number;
  marking: string;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** One line that names the trigger: a report's title, an incident's what, where and when. */
export function triggerTitle(record: RecordRow): string {
  const body = parseBody(record.body);
  if (record.type !== 'incident') return text(body.title);
  const place = body.place as { name?: unknown } | undefined;
  const what = text(body.subEventType) || text(body.eventType) || 'Incident';
  return [
    what,
    text(place?.name) && `at ${text(place?.name)}`,
    text(body.eventDate) && `on ${text(body.eventDate)}`,
  ]
    .filter((part) => part !== '')
    .join(' ');
}

export function subjectName(record: RecordRow): string {
  const body = parseBody(record.body);
  return text(body.name) || text(body.title);
}

/** The stricter marking of the two records: whoever re-shares the alert must honour both. */
export function alertMarking(trigger: RecordRow, subject: RecordRow): string {
  const rank = (marking: string) => {
    const index = (TLP_MARKINGS as readonly string[]).indexOf(marking);
    return index < 0 ? TLP_MARKINGS.length : index;
  };
  return rank(trigger.marking) >= rank(subject.marking) ? trigger.marking : subject.marking;
}

export function parseArea(text: string): CapArea {
  try {
    const value = JSON.parse(text) as Partial<CapArea>;
    return {
      areaDesc: typeof value.areaDesc === 'string' ? value.areaDesc : '',
      ...(typeof value.circle === 'string' ? { circle: value.circle } : {}),
      ...(typeof value.polygon === 'string' ? { polygon: value.polygon } : {}),
    };
  } catch {
    return { areaDesc: '' };
  }
}

export function presentAlert(alert: VisibleAlert): PresentedAlert {
  const { row, trigger, subject } = alert;
  return {
    id: row.id,
    trigger: {
      id: trigger.id,
      type: trigger.type,
      title: triggerTitle(trigger),
      revoked: trigger.revoked === 1,
    },
    subject: { id: subject.id, type: subject.type, name: subjectName(subject) },
    severity: row.severity,
    urgency: row.urgency,
    certainty: row.certainty,
    headline: row.headline,
    instruction: row.instruction,
    area: parseArea(row.area),
    distanceKm: Math.round(row.distance_km * 10) / 10,
    createdAt: row.created_at,
    acknowledged:
      row.acknowledged_at === null
        ? null
        : {
            at: row.acknowledged_at,
            by: alert.acknowledgedByName,
            userId: row.acknowledged_by_user,
          },
    escalationLevel: row.escalation_level,
    marking: alertMarking(trigger, subject),
  };
}
