/**
 * The incidents section: the day's incidents the reader may read, summed up
 * by area (country and first-level area) and event type, with the most
 * recent listed. Reads through the incidents repository's read filter, page
 * by page, and asks canRead again of every row; the day's rows are all read
 * (a few thousand on a busy node) because the area lives in the record body.
 */
import { canRead, readScope } from '../../core/policy/index.js';
import { listIncidents, type IncidentWithRecord } from '../incidents/incidents.repository.js';
import { toShareable } from '../records/records.repository.js';
import { admin1Of, presentSitrepIncident, type SitrepIncident } from './sitrep.presenter.js';
import {
  highestMarking,
  MAX_LISTED,
  type SitrepContext,
  type SitrepPrinter,
  type SitrepSection,
} from './sitrep.section.js';
import { wordFor } from './sitrep.texts.js';

const PAGE = 2_000;

interface AreaCount {
  country: string;
  area: string;
  count: number;
  fatalities: number;
  byEventType: { eventType: string; count: number }[];
}

export interface SitrepIncidents {
  total: number;
  fatalities: number;
  injured: number;
  byArea: AreaCount[];
  items: SitrepIncident[];
  truncated: boolean;
  /** The most restrictive marking among the incidents counted. */
  highestMarking: string;
}

/** Every readable, unrevoked incident of the day, newest first, in pages. */
async function* incidentsOfDay({ deps, reader, day }: SitrepContext) {
  const scope = readScope(reader);
  let after: [string, string] | undefined;
  for (;;) {
    const rows = await listIncidents(
      deps.db,
      scope,
      { from: day.date, to: day.date },
      { limit: PAGE, after },
    );
    for (const row of rows) if (canRead(reader, toShareable(row.record))) yield row;
    const last = rows.at(-1);
    if (rows.length < PAGE || !last) return;
    after = [last.event_date, last.id];
  }
}

function areaRows(areas: Map<string, { area: AreaCount; types: Map<string, number> }>) {
  return [...areas.values()]
    .map(({ area, types }) => ({
      ...area,
      byEventType: [...types]
        .map(([eventType, count]) => ({ eventType, count }))
        .sort((a, b) => b.count - a.count || a.eventType.localeCompare(b.eventType)),
    }))
    .sort(
      (a, b) =>
        b.count - a.count || a.country.localeCompare(b.country) || a.area.localeCompare(b.area),
    );
}

async function collectIncidents(context: SitrepContext): Promise<SitrepIncidents> {
  const areas = new Map<string, { area: AreaCount; types: Map<string, number> }>();
  const items: SitrepIncident[] = [];
  const markings = new Set<string>();
  let total = 0;
  let fatalities = 0;
  let injured = 0;
  for await (const row of incidentsOfDay(context)) {
    const admin1 = admin1Of(row);
    total += 1;
    fatalities += row.fatalities ?? 0;
    injured += row.injured ?? 0;
    markings.add(row.record.marking);
    if (items.length < MAX_LISTED) items.push(presentSitrepIncident(row, admin1));
    countInArea(areas, row, admin1);
  }
  return {
    total,
    fatalities,
    injured,
    byArea: areaRows(areas),
    items,
    truncated: total > items.length,
    highestMarking: highestMarking(markings),
  };
}

function countInArea(
  areas: Map<string, { area: AreaCount; types: Map<string, number> }>,
  row: IncidentWithRecord,
  admin1: string,
): void {
  const key = `${row.country}\u0000${admin1}`;
  let entry = areas.get(key);
  if (!entry) {
    const area = { country: row.country, area: admin1, count: 0, fatalities: 0, byEventType: [] };
    entry = { area, types: new Map() };
    areas.set(key, entry);
  }
  entry.area.count += 1;
  entry.area.fatalities += row.fatalities ?? 0;
  entry.types.set(row.event_type, (entry.types.get(row.event_type) ?? 0) + 1);
}

const number = (n: number | null) => (n === null ? '–' : n.toLocaleString('en'));

function printIncidents(value: SitrepIncidents, out: SitrepPrinter): void {
  const t = out.texts.incidents;
  out.heading(t.title);
  if (value.total === 0) {
    out.emptyState(t.empty);
    return;
  }
  out.figures(
    [
      { label: t.figures.incidents, value: number(value.total) },
      { label: t.figures.fatalities, value: number(value.fatalities) },
      { label: t.figures.injured, value: number(value.injured) },
    ],
    value.highestMarking,
  );
  out.subheading(t.byArea);
  const c = t.areaColumns;
  out.table(
    [
      { label: c.country, width: 0.1 },
      { label: c.area, width: 0.26 },
      { label: c.count, width: 0.12, align: 'end' },
      { label: c.fatalities, width: 0.12, align: 'end' },
      { label: c.types, width: 0.4 },
    ],
    value.byArea.map((area) => ({
      cells: [
        area.country,
        area.area || t.unknownArea,
        number(area.count),
        number(area.fatalities),
        area.byEventType
          .map((e) => `${wordFor(out.texts.eventTypes, e.eventType)} ${e.count}`)
          .join(out.texts.separator),
      ],
      marking: value.highestMarking,
    })),
  );
}

function printIncidentList(value: SitrepIncidents, out: SitrepPrinter): void {
  if (value.items.length === 0) return;
  const t = out.texts.incidents;
  out.heading(t.list);
  const c = t.listColumns;
  out.table(
    [
      { label: c.date, width: 0.14 },
      { label: c.eventType, width: 0.3 },
      { label: c.place, width: 0.28 },
      { label: c.fatalities, width: 0.1, align: 'end' },
      { label: c.marking, width: 0.18 },
    ],
    value.items.map((item) => ({
      cells: [
        item.eventDate,
        `${wordFor(out.texts.eventTypes, item.eventType)}: ${item.subEventType}`,
        [item.place, item.admin1, item.country].filter(Boolean).join(', '),
        number(item.fatalities),
        item.marking,
      ],
      marking: item.marking,
    })),
  );
  if (value.truncated) out.note(t.truncated(value.items.length, value.total));
}

export const incidentsSection: SitrepSection<'incidents', SitrepIncidents> = {
  key: 'incidents',
  sources: ['incidents'],
  collect: collectIncidents,
  counts: (value) => ({ incidents: value.total }),
  mapLayer: (value, texts) => ({
    features: value.items.map((item) => ({
      shape: 'dot',
      lon: item.longitude,
      lat: item.latitude,
      marking: item.marking,
    })),
    ...(value.truncated ? { note: texts.map.shown(value.items.length, value.total) } : {}),
  }),
  print: printIncidents,
  printAnnex: printIncidentList,
};
