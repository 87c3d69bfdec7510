/**
 * The chart section: the day's incidents by event type (every ACLED event
 * type, zeros included, so that charts of different days line up) and the
 * daily count of the 7 days ending on the report's day. Both are counts in
 * SQL under the incidents repository's read filter.
 */
import { readScope } from '../../core/policy/index.js';
import { EVENT_TYPES } from '../../core/vocabulary/acled.js';
import { countIncidentsPerDayAndMarking } from '../incidents/incidents.geo.repository.js';
import { countIncidentsByType } from '../incidents/incidents.repository.js';
import { weekOf } from './sitrep.schema.js';
import {
  highestMarking,
  type SitrepContext,
  type SitrepPrinter,
  type SitrepSection,
} from './sitrep.section.js';
import { wordFor } from './sitrep.texts.js';

export interface SitrepChart {
  incidentsByEventType: { eventType: string; count: number }[];
  incidentsByDay: { date: string; count: number }[];
  /** The most restrictive marking among the incidents of the week counted. */
  highestMarking: string;
}

async function collectChart({ deps, reader, day }: SitrepContext): Promise<SitrepChart> {
  const scope = readScope(reader);
  const byType = await countIncidentsByType(deps.db, scope, { from: day.date, to: day.date });
  const perDay = await countIncidentsPerDayAndMarking(deps.db, scope, {
    from: day.weekFrom,
    to: day.date,
  });
  const typeCounts = new Map(byType.map((row) => [row.eventType, row.count]));
  const dayCounts = new Map<string, number>();
  for (const row of perDay) dayCounts.set(row.date, (dayCounts.get(row.date) ?? 0) + row.count);
  // Types outside the ACLED list (none today) still count, after the known ones.
  const otherTypes = byType
    .map((row) => row.eventType)
    .filter((t) => !EVENT_TYPES.includes(t as never));
  return {
    incidentsByEventType: [...EVENT_TYPES, ...otherTypes].map((eventType) => ({
      eventType,
      count: typeCounts.get(eventType) ?? 0,
    })),
    incidentsByDay: weekOf(day).map((date) => ({ date, count: dayCounts.get(date) ?? 0 })),
    highestMarking: highestMarking(perDay.map((row) => row.marking)),
  };
}

function printChart(value: SitrepChart, out: SitrepPrinter): void {
  const t = out.texts.chart;
  out.barChart(
    t.byEventType,
    value.incidentsByEventType.map((bar) => ({
      label: wordFor(out.texts.eventTypes, bar.eventType),
      value: bar.count,
    })),
    'horizontal',
    value.highestMarking,
  );
  out.barChart(
    t.byDay,
    value.incidentsByDay.map((bar) => ({ label: bar.date.slice(5), value: bar.count })),
    'vertical',
    value.highestMarking,
  );
}

export const chartSection: SitrepSection<'chart', SitrepChart> = {
  key: 'chart',
  sources: ['incidents'],
  collect: collectChart,
  counts: () => ({}),
  print: printChart,
};
