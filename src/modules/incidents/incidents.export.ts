/**
 * Exports of a filtered incident list as CSV (ACLED-style columns) or GeoJSON.
 * Rows come page by page through listIncidents, so an export holds exactly
 * what the reader may read and never more than one page in memory.
 */
import { csvLine } from '../../core/csv-write.js';
import { readScope } from '../../core/policy/index.js';
import type { CurrentUser } from '../identity/identity.types.js';
import {
  listIncidents,
  type IncidentFilters,
  type IncidentWithRecord,
} from './incidents.repository.js';
import type { IncidentDeps } from './incidents.service.js';

const PAGE = 1_000;
/** A larger export must be narrowed by its filters: it says so in its last line. */
export const EXPORT_LIMIT = 100_000;

export const CSV_COLUMNS = [
  'id',
  'event_date',
  'time_precision',
  'event_type',
  'sub_event_type',
  'country',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'fatalities',
  'injured',
  'marking',
  'created_by',
  'modified',
] as const;

function incidentCsvLine(row: IncidentWithRecord): string {
  return csvLine([
    row.id,
    row.event_date,
    row.time_precision,
    row.event_type,
    row.sub_event_type,
    row.country,
    row.location,
    row.lat,
    row.lon,
    row.geo_precision,
    row.fatalities,
    row.injured,
    row.marking,
    row.created_by,
    row.record.modified,
  ]);
}

function geoJsonFeature(row: IncidentWithRecord): string {
  return JSON.stringify({
    type: 'Feature',
    id: row.id,
    geometry: { type: 'Point', coordinates: [row.lon, row.lat] },
    properties: {
      eventDate: row.event_date,
      eventType: row.event_type,
      subEventType: row.sub_event_type,
      location: row.location,
      country: row.country,
      fatalities: row.fatalities,
      injured: row.injured,
      marking: row.marking,
      createdBy: row.created_by,
      modified: row.record.modified,
    },
  });
}

async function* pages(
  deps: IncidentDeps,
  reader: CurrentUser,
  filters: IncidentFilters,
): AsyncGenerator<IncidentWithRecord> {
  let after: [string, string] | undefined;
  let sent = 0;
  while (sent < EXPORT_LIMIT) {
    const rows = await listIncidents(deps.db, readScope(reader), filters, {
      limit: Math.min(PAGE, EXPORT_LIMIT - sent),
      after,
    });
    for (const row of rows) yield row;
    sent += rows.length;
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) return;
    after = [last.event_date, last.id];
  }
}

export async function* exportCsv(
  deps: IncidentDeps,
  reader: CurrentUser,
  filters: IncidentFilters,
): AsyncGenerator<string> {
  yield `${CSV_COLUMNS.join(',')}\n`;
  for await (const row of pages(deps, reader, filters)) yield incidentCsvLine(row);
}

export async function* exportGeoJson(
  deps: IncidentDeps,
  reader: CurrentUser,
  filters: IncidentFilters,
): AsyncGenerator<string> {
  yield '{"type":"FeatureCollection","features":[';
  let first = true;
  for await (const row of pages(deps, reader, filters)) {
    yield `${first ? '' : ','}${geoJsonFeature(row)}`;
    first = false;
  }
  yield ']}\n';
}
