/**
 * ACLED-style CSV rows to incident input: which column feeds which field,
 * and back again, so that a validation issue names the column the user
 * sees in the file (`latitude`, not `place.lat`). Values are passed on as
 * found (numbers parsed, empty cells left out): incidentInputSchema decides.
 */
import type { SharingInput } from '../records/sharing.schema.js';

export const ACLED_COLUMNS = [
  'event_date',
  'time_precision',
  'event_type',
  'sub_event_type',
  'actor1',
  'inter1',
  'actor2',
  'inter2',
  'country',
  'admin1',
  'admin2',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'fatalities',
  'notes',
  'source',
] as const;
type AcledColumn = (typeof ACLED_COLUMNS)[number];
const REQUIRED: readonly AcledColumn[] = [
  'event_date',
  'event_type',
  'sub_event_type',
  'actor1',
  'country',
  'location',
  'latitude',
  'longitude',
];

/** ACLED writes country names; the scenario region's at least. Codes pass through. */
const COUNTRY_CODES: Record<string, string> = {
  afghanistan: 'AF',
  bangladesh: 'BD',
  china: 'CN',
  india: 'IN',
  iran: 'IR',
  kyrgyzstan: 'KG',
  myanmar: 'MM',
  nepal: 'NP',
  pakistan: 'PK',
  'sri lanka': 'LK',
  tajikistan: 'TJ',
  turkmenistan: 'TM',
  uzbekistan: 'UZ',
};

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** ACLED exports either ISO dates or "26 March 2024". */
function isoDate(value: string): string {
  const match = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(value);
  const month = match ? MONTHS.indexOf((match[2] ?? '').toLowerCase()) : -1;
  if (!match || month < 0) return value;
  return `${match[3]}-${String(month + 1).padStart(2, '0')}-${(match[1] ?? '').padStart(2, '0')}`;
}

/** A number when the cell holds one; otherwise the text, so that zod names the problem. */
function numberOrText(value: string): number | string {
  return value !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
}

export type ColumnIndex = Map<AcledColumn, number>;

/** Where each known column is; the missing required ones as a message. */
export function readHeader(
  fields: readonly string[],
): { index: ColumnIndex } | { missing: string[] } {
  const index: ColumnIndex = new Map();
  fields.forEach((name, position) => {
    const column = ACLED_COLUMNS.find((c) => c === name.trim().toLowerCase());
    if (column) index.set(column, position);
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  return missing.length > 0 ? { missing } : { index };
}

/** One CSV row as unvalidated incident input. */
export function acledRowToInput(
  fields: readonly string[],
  index: ColumnIndex,
  sharing: SharingInput,
): Record<string, unknown> {
  const cell = (column: AcledColumn): string => {
    const position = index.get(column);
    return position === undefined ? '' : (fields[position] ?? '').trim();
  };
  const optional = <T>(column: AcledColumn, as: (value: string) => T): T | undefined =>
    cell(column) === '' ? undefined : as(cell(column));
  const country = cell('country');
  const actor2 = cell('actor2');
  const fatalities = optional('fatalities', numberOrText);
  return {
    eventDate: isoDate(cell('event_date')),
    timePrecision: optional('time_precision', numberOrText) ?? 1,
    eventType: cell('event_type'),
    subEventType: cell('sub_event_type'),
    actor1: { name: cell('actor1'), inter: optional('inter1', numberOrText) ?? 0 },
    actor2:
      actor2 === '' ? undefined : { name: actor2, inter: optional('inter2', numberOrText) ?? 0 },
    place: {
      name: cell('location'),
      admin1: optional('admin1', String),
      admin2: optional('admin2', String),
      country: COUNTRY_CODES[country.toLowerCase()] ?? country,
      lat: numberOrText(cell('latitude')),
      lon: numberOrText(cell('longitude')),
      geoPrecision: optional('geo_precision', numberOrText) ?? 1,
    },
    fatalities: fatalities === undefined ? undefined : { total: fatalities, byNationality: [] },
    narrative: cell('notes'),
    // ACLED lists several sources in one cell, separated by semicolons.
    sources: cell('source')
      .split(';')
      .map((name) => name.trim())
      .filter((name) => name !== '')
      .map((name) => ({ name })),
    ...sharing,
  };
}

const FIELD_COLUMNS: Record<string, AcledColumn> = {
  eventDate: 'event_date',
  timePrecision: 'time_precision',
  eventType: 'event_type',
  subEventType: 'sub_event_type',
  'actor1.name': 'actor1',
  'actor1.inter': 'inter1',
  'actor2.name': 'actor2',
  'actor2.inter': 'inter2',
  'place.name': 'location',
  'place.admin1': 'admin1',
  'place.admin2': 'admin2',
  'place.country': 'country',
  'place.lat': 'latitude',
  'place.lon': 'longitude',
  'place.geoPrecision': 'geo_precision',
  'fatalities.total': 'fatalities',
  narrative: 'notes',
  sources: 'source',
};

/** The CSV column behind an input field path, or the path itself for fields no column feeds. */
export function columnOf(path: readonly PropertyKey[]): string {
  const key = path.map(String).join('.');
  if (key.startsWith('sources.')) return 'source';
  return FIELD_COLUMNS[key] ?? (key || 'row');
}
