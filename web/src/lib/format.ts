import type { Locale } from '../api/types';

const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();

/** A timestamp in the interface language, e.g. "28 Nov 2025, 14:05". */
export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    dateTimeFormats.set(locale, format);
  }
  return format.format(date);
}

export function isPast(iso: string | null | undefined, now = Date.now()): boolean {
  if (!iso) return false;
  const time = new Date(iso).getTime();
  return !Number.isNaN(time) && time <= now;
}

const eventDateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * An event date (`YYYY-MM-DD`) at its precision: the day, or only the month
 * when the month is all that is known (ACLED time_precision 3).
 */
export function formatEventDate(date: string, precision: number, locale: Locale): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  const key = `${locale}|${precision === 3 ? 'month' : 'day'}`;
  let format = eventDateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      locale,
      precision === 3
        ? { year: 'numeric', month: 'short', timeZone: 'UTC' }
        : { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' },
    );
    eventDateFormats.set(key, format);
  }
  return format.format(parsed);
}

/** A month (`YYYY-MM`) as a short label, e.g. "Nov 25". */
export function formatMonth(month: string, locale: Locale, withYear = true): string {
  const parsed = new Date(`${month}-01T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return month;
  return new Intl.DateTimeFormat(locale, {
    month: 'short',
    ...(withYear ? { year: '2-digit' } : {}),
    timeZone: 'UTC',
  }).format(parsed);
}

export function formatCount(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(value);
}
