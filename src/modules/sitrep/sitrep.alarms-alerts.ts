/**
 * The alarms and alerts section: movement alarms raised during the day that
 * the reader may see, by the alarms module's own rule (may read the
 * movement, and in the audience of the alarm's current level: a duress
 * alarm never reaches a field-only user), and geofenced alerts raised
 * during the day that the reader may see (addressed to them, and both
 * trigger and subject readable: alerts.visibility.ts). Each list comes from
 * one query behind the records read filter; the modules' rules and canRead
 * then decide every row in code. Alarm positions are left out: a daily
 * report travels further than the operations room.
 */
import { readScope } from '../../core/policy/index.js';
import { presentAlarm } from '../alarms/alarms.presenter.js';
import { isAlarmVisible } from '../alarms/alarms.read.js';
import type { AlarmView } from '../alarms/alarms.repository.js';
import { presentAlert } from '../alerts/alerts.presenter.js';
import { visibleAlerts } from '../alerts/alerts.visibility.js';
import { listAlarmsRaisedOnDay, listAlertsRaisedOnDay } from './sitrep.protection.repository.js';
import {
  capped,
  highestMarking,
  MAX_LISTED,
  type SitrepContext,
  type SitrepPrinter,
  type SitrepSection,
} from './sitrep.section.js';
import { wordFor } from './sitrep.texts.js';

/** CAP severities, most severe first: the order counts are given in. */
const SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;

export function presentSitrepAlarm(view: AlarmView) {
  const { id, movement, reason, level, raisedAt, acknowledged, resolvedAt } = presentAlarm(view);
  return {
    id,
    movement,
    reason,
    level,
    raisedAt,
    acknowledged,
    resolvedAt,
    marking: view.record_marking,
  };
}
export type SitrepAlarm = ReturnType<typeof presentSitrepAlarm>;

export type SitrepAlert = ReturnType<typeof presentSitrepAlert>;
function presentSitrepAlert(alert: Parameters<typeof presentAlert>[0]) {
  const a = presentAlert(alert);
  return {
    id: a.id,
    headline: a.headline,
    severity: a.severity,
    urgency: a.urgency,
    createdAt: a.createdAt,
    trigger: { id: a.trigger.id, type: a.trigger.type, title: a.trigger.title },
    subject: a.subject,
    acknowledged: a.acknowledged ? { at: a.acknowledged.at } : null,
    escalationLevel: a.escalationLevel,
    marking: a.marking,
  };
}

export interface SitrepAlarmsAlerts {
  alarms: { total: number; items: SitrepAlarm[]; truncated: boolean; highestMarking: string };
  alerts: {
    total: number;
    bySeverity: { severity: string; count: number }[];
    items: SitrepAlert[];
    truncated: boolean;
    highestMarking: string;
  };
}

async function collectAlarmsAlerts({
  deps,
  reader,
  day,
}: SitrepContext): Promise<SitrepAlarmsAlerts> {
  const scope = readScope(reader);
  const [alarmRows, alertRows] = await Promise.all([
    listAlarmsRaisedOnDay(deps.db, scope, day),
    listAlertsRaisedOnDay(deps.db, day),
  ]);
  const alarms = alarmRows.filter((view) => isAlarmVisible(reader, view)).map(presentSitrepAlarm);
  const alerts = (await visibleAlerts(deps.db, alertRows, reader)).map(presentSitrepAlert);
  const severities = new Map<string, number>(SEVERITIES.map((s) => [s, 0]));
  for (const a of alerts) severities.set(a.severity, (severities.get(a.severity) ?? 0) + 1);
  const listedAlarms = capped(alarms, MAX_LISTED);
  const listedAlerts = capped(alerts, MAX_LISTED);
  return {
    alarms: {
      total: alarms.length,
      items: listedAlarms.items,
      truncated: listedAlarms.truncated,
      highestMarking: highestMarking(alarms.map((a) => a.marking)),
    },
    alerts: {
      total: alerts.length,
      bySeverity: [...severities].map(([severity, count]) => ({ severity, count })),
      items: listedAlerts.items,
      truncated: listedAlerts.truncated,
      highestMarking: highestMarking(alerts.map((a) => a.marking)),
    },
  };
}

const minute = (iso: string) => iso.slice(0, 16).replace('T', ' ');

function printAlarmsAlerts(value: SitrepAlarmsAlerts, out: SitrepPrinter): void {
  const t = out.texts.alarmsAlerts;
  const yesNo = (acknowledged: unknown) => (acknowledged ? t.yes : t.no);
  out.heading(t.title);
  out.subheading(t.alarms);
  const { alarms, alerts } = value;
  if (alarms.total === 0) out.emptyState(t.noAlarms);
  else {
    const c = t.alarmColumns;
    out.table(
      [
        { label: c.raised, width: 0.18 },
        { label: c.movement, width: 0.38 },
        { label: c.reason, width: 0.2 },
        { label: c.level, width: 0.08, align: 'end' },
        { label: c.acknowledged, width: 0.16 },
      ],
      alarms.items.map((a) => ({
        cells: [
          minute(a.raisedAt),
          a.movement.title,
          wordFor(t.reasons, a.reason),
          `L${a.level}`,
          yesNo(a.acknowledged),
        ],
        marking: a.marking,
      })),
    );
    if (alarms.truncated) out.note(t.alarmsTruncated(alarms.items.length, alarms.total));
  }
  out.subheading(t.alerts);
  if (alerts.total === 0) {
    out.emptyState(t.noAlerts);
    return;
  }
  out.figures(
    alerts.bySeverity.map((s) => ({
      label: wordFor(t.severities, s.severity),
      value: String(s.count),
    })),
    alerts.highestMarking,
  );
  const c = t.alertColumns;
  out.table(
    [
      { label: c.raised, width: 0.18 },
      { label: c.headline, width: 0.52 },
      { label: c.severity, width: 0.14 },
      { label: c.acknowledged, width: 0.16 },
    ],
    alerts.items.map((a) => ({
      cells: [
        minute(a.createdAt),
        a.headline,
        wordFor(t.severities, a.severity),
        yesNo(a.acknowledged),
      ],
      marking: a.marking,
    })),
  );
  if (alerts.truncated) out.note(t.alertsTruncated(alerts.items.length, alerts.total));
}

export const alarmsAlertsSection: SitrepSection<'alarmsAlerts', SitrepAlarmsAlerts> = {
  key: 'alarmsAlerts',
  sources: ['alerts'],
  collect: collectAlarmsAlerts,
  counts: (value) => ({ alarms: value.alarms.total, alerts: value.alerts.total }),
  print: printAlarmsAlerts,
};
