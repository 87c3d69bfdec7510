/**
 * Exports of a filtered threat-report list as CSV or GeoJSON (areas as
 * polygons). Rows come page by page through listThreatReportsFor, so an
 * export holds exactly what the reader may read (drafts only for their
 * organisation's editors) and never more than one page in memory.
 */
import { csvLine } from '../../core/csv-write.js';
import type { CurrentUser } from '../identity/identity.types.js';
import type { IntelDeps } from './intel.records.js';
import { presentThreatArea } from './intel.presenter.js';
import { listThreatReportsFor } from './reports.read.service.js';
import type { ReportFilters, ThreatReportWithRecord } from './reports.repository.js';

const PAGE = 500;
/** Threat reports number in the thousands; a larger export must be narrowed by its filters. */
export const REPORT_EXPORT_LIMIT = 20_000;

export const REPORT_CSV_COLUMNS = [
  'id',
  'title',
  'status',
  'valid_from',
  'valid_until',
  'target_type',
  'source_reliability',
  'information_credibility',
  'language',
  'centre_latitude',
  'centre_longitude',
  'radius_km',
  'marking',
  'created_by',
  'modified',
] as const;

async function* pages(
  deps: IntelDeps,
  reader: CurrentUser,
  filters: ReportFilters,
): AsyncGenerator<ThreatReportWithRecord> {
  let after: [string, string] | undefined;
  let sent = 0;
  while (sent < REPORT_EXPORT_LIMIT) {
    const limit = Math.min(PAGE, REPORT_EXPORT_LIMIT - sent);
    const rows = await listThreatReportsFor(deps, reader, filters, undefined, { limit, after });
    for (const row of rows) yield row;
    sent += rows.length;
    const last = rows.at(-1);
    if (!last || rows.length < limit) return;
    after = [last.valid_from, last.id];
  }
}

export async function* exportReportsCsv(
  deps: IntelDeps,
  reader: CurrentUser,
  filters: ReportFilters,
): AsyncGenerator<string> {
  yield csvLine(REPORT_CSV_COLUMNS);
  for await (const row of pages(deps, reader, filters)) {
    yield csvLine([
      row.id,
      row.title,
      row.status,
      row.valid_from,
      row.valid_until,
      row.target_type,
      row.source_reliability,
      row.information_credibility,
      row.language,
      row.lat,
      row.lon,
      row.radius_km,
      row.record.marking,
      row.record.created_by,
      row.record.modified,
    ]);
  }
}

export async function* exportReportsGeoJson(
  deps: IntelDeps,
  reader: CurrentUser,
  filters: ReportFilters,
): AsyncGenerator<string> {
  yield '{"type":"FeatureCollection","features":[';
  let first = true;
  for await (const row of pages(deps, reader, filters)) {
    yield `${first ? '' : ','}${JSON.stringify(presentThreatArea(row))}`;
    first = false;
  }
  yield ']}\n';
}
