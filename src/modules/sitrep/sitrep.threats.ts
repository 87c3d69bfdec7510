/**
 * The threats section: published threat reports the reader may read whose
 * validity window overlaps the day, or that were published that day. Drafts
 * never appear, not even to their authors: a daily report is what was
 * issued. Reads through the threat-report repository's read filter and asks
 * the policy again of every row.
 */
import { readScope } from '../../core/policy/index.js';
import { parseBody } from '../intel/intel.records.js';
import { mayReadReport } from '../intel/reports.read.service.js';
import {
  listPublishedThreatReportsForDay,
  type ThreatReportWithRecord,
} from '../intel/reports.repository.js';
import { areaNames } from './sitrep.areas.js';
import { presentSitrepThreat, type SitrepThreat } from './sitrep.presenter.js';
import {
  capped,
  highestMarking,
  MAX_LISTED,
  type MapFeature,
  type SitrepContext,
  type SitrepPrinter,
  type SitrepSection,
} from './sitrep.section.js';

const PAGE = 1_000;

export interface SitrepThreats {
  total: number;
  byArea: { area: string; count: number }[];
  items: (SitrepThreat & { area: string })[];
  truncated: boolean;
  highestMarking: string;
}

function concernsDay(row: ThreatReportWithRecord, day: { from: string; to: string }): boolean {
  const validThatDay = row.valid_until >= day.from && row.valid_from < day.to;
  const publishedAt = parseBody(row.record.body).publishedAt;
  const publishedThatDay =
    typeof publishedAt === 'string' && publishedAt >= day.from && publishedAt < day.to;
  return validThatDay || publishedThatDay;
}

async function reportsOfDay({ deps, reader, day }: SitrepContext) {
  const scope = readScope(reader);
  const kept: ThreatReportWithRecord[] = [];
  let after: string | undefined;
  for (;;) {
    const rows = await listPublishedThreatReportsForDay(deps.db, scope, day, {
      limit: PAGE,
      after,
    });
    for (const row of rows)
      if (row.status === 'published' && mayReadReport(reader, row) && concernsDay(row, day))
        kept.push(row);
    const last = rows.at(-1);
    if (rows.length < PAGE || !last) return kept;
    after = last.id;
  }
}

async function collectThreats(context: SitrepContext): Promise<SitrepThreats> {
  const rows = (await reportsOfDay(context)).sort(
    (a, b) => b.valid_from.localeCompare(a.valid_from) || b.id.localeCompare(a.id),
  );
  const names = await areaNames(rows.map((row) => ({ lat: row.lat, lon: row.lon })));
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  const listed = capped(rows, MAX_LISTED);
  return {
    total: rows.length,
    byArea: [...counts]
      .map(([area, count]) => ({ area, count }))
      .sort((a, b) => b.count - a.count || a.area.localeCompare(b.area)),
    items: listed.items.map((row, i) => ({ ...presentSitrepThreat(row), area: names[i] ?? '' })),
    truncated: listed.truncated,
    highestMarking: highestMarking(rows.map((row) => row.record.marking)),
  };
}

function printThreats(value: SitrepThreats, out: SitrepPrinter): void {
  const t = out.texts.threats;
  out.heading(t.title);
  if (value.total === 0) {
    out.emptyState(t.empty);
    return;
  }
  const c = t.columns;
  out.table(
    [
      { label: c.title, width: 0.38 },
      { label: c.area, width: 0.18 },
      { label: c.grading, width: 0.1 },
      { label: c.valid, width: 0.18 },
      { label: c.marking, width: 0.16 },
    ],
    value.items.map((item) => ({
      cells: [
        item.title,
        item.area || '–',
        `${item.sourceReliability}${item.informationCredibility}`,
        `${item.validFrom.slice(0, 10)} – ${item.validUntil.slice(0, 10)}`,
        item.marking,
      ],
      marking: item.marking,
    })),
  );
  if (value.truncated) out.note(t.truncated(value.items.length, value.total));
}

export const threatsSection: SitrepSection<'threats', SitrepThreats> = {
  key: 'threats',
  sources: ['threat-reports'],
  collect: collectThreats,
  counts: (value) => ({ threatReports: value.total }),
  mapLayer: (value) => ({
    features: value.items.flatMap((item): MapFeature[] =>
      item.centroid
        ? [
            {
              shape: 'triangle',
              lon: item.centroid[0],
              lat: item.centroid[1],
              marking: item.marking,
            },
          ]
        : [],
    ),
  }),
  print: printThreats,
};
