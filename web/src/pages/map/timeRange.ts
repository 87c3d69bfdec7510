/**
 * The map's time range: calendar dates (`YYYY-MM-DD`, the user's own day),
 * either end open (`undefined` = no bound), the presets offered beside the
 * slider, and the slider's domain. Pure date arithmetic, no I/O.
 */

export interface DateRange {
  /** First day included; undefined = since the beginning. */
  from: string | undefined;
  /** Last day included; undefined = up to now. */
  to: string | undefined;
}

export const RANGE_PRESETS = ['days30', 'days90', 'year', 'all'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** How far back the slider reaches when the range itself does not reach further. */
const DOMAIN_YEARS = 10;

export function isIsoDate(value: string): boolean {
  return DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** Today in the user's calendar, not UTC: "the last 30 days" means the user's days. */
export function todayIso(now: Date = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

function toUtcMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** The same calendar day `years` earlier (29 February falls back to the 28th). */
export function yearsBefore(date: string, years: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const shifted = new Date(Date.UTC(year - years, month - 1, day));
  if (shifted.getUTCDate() !== day) shifted.setUTCDate(0);
  return fromUtcMs(shifted.getTime());
}

/** A preset as a range ending today; a day range counts today as one of its days. */
export function presetRange(preset: RangePreset, today: string): DateRange {
  switch (preset) {
    case 'days30':
      return { from: addDays(today, -29), to: today };
    case 'days90':
      return { from: addDays(today, -89), to: today };
    case 'year':
      return { from: addDays(yearsBefore(today, 1), 1), to: today };
    case 'all':
      return { from: undefined, to: undefined };
  }
}

/** The range the map opens with: the last twelve months up to today. */
export function defaultRange(today: string): DateRange {
  return presetRange('year', today);
}

export function sameRange(a: DateRange, b: DateRange): boolean {
  return a.from === b.from && a.to === b.to;
}

export function presetOf(range: DateRange, today: string): RangePreset | undefined {
  return RANGE_PRESETS.find((preset) => sameRange(presetRange(preset, today), range));
}

/** The slider's ends: ten years back (or further, to the range's start) up to today (or its end). */
export function sliderDomain(range: DateRange, today: string): { start: string; end: string } {
  const tenYears = `${Number(today.slice(0, 4)) - DOMAIN_YEARS}-01-01`;
  const start = range.from !== undefined && range.from < tenYears ? range.from : tenYears;
  const end = range.to !== undefined && range.to > today ? range.to : today;
  return { start, end };
}

/**
 * Validity of threat reports is stored as instants: the range's days as the
 * instants that bound them, so that a report valid at any moment of the last
 * day is still included.
 */
export function rangeInstants(range: DateRange): { from?: string; to?: string } {
  return {
    ...(range.from !== undefined ? { from: `${range.from}T00:00:00.000Z` } : {}),
    ...(range.to !== undefined ? { to: `${range.to}T23:59:59.999Z` } : {}),
  };
}
