/**
 * The situation report at the API boundary: the query of the JSON and PDF
 * routes, and the day a report covers. Incidents are dated by day (UTC), so
 * a report covers one UTC calendar day: [from, to) with `to` exclusive.
 */
import { z } from 'zod';
import type { Locale } from '../identity/identity.schema.js';

/** Languages the PDF is printed in: the report's own headings and labels, never record content. */
export const SITREP_LANGUAGES = ['en', 'zh', 'ur'] as const;
export type SitrepLanguage = (typeof SITREP_LANGUAGES)[number];

/** A real calendar day: z.iso.date() alone accepts 2026-02-31. */
const calendarDay = z.iso.date().refine((d) => {
  // Zod runs this even when the format check failed: anything goes in here.
  const time = Date.parse(`${d}T00:00:00.000Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(d);
}, 'not a calendar day');

export const sitrepQuerySchema = z.object({
  /** The day reported on (UTC); today on the node's clock when absent. */
  date: calendarDay.optional(),
});

export const sitrepPdfQuerySchema = sitrepQuerySchema.extend({
  /** Defaults to the reader's language setting. */
  lang: z.enum(SITREP_LANGUAGES).optional(),
});

/** The reader's interface language as a report language. */
export function languageOfLocale(locale: Locale): SitrepLanguage {
  switch (locale) {
    case 'zh-Hans':
      return 'zh';
    case 'ur':
      return 'ur';
    case 'en':
      return 'en';
  }
}

const DAY_MS = 86_400_000;

/** The day a report covers, and the week its chart covers (the 7 days ending on it). */
export interface SitrepDay {
  date: string;
  /** Start of the day, inclusive (ISO instant). */
  from: string;
  /** Start of the next day, exclusive (ISO instant). */
  to: string;
  /** The first of the 7 days ending on `date` (ISO date). */
  weekFrom: string;
}

export function sitrepDay(date: string): SitrepDay {
  const start = new Date(`${date}T00:00:00.000Z`).getTime();
  return {
    date,
    from: new Date(start).toISOString(),
    to: new Date(start + DAY_MS).toISOString(),
    weekFrom: new Date(start - 6 * DAY_MS).toISOString().slice(0, 10),
  };
}

/** The 7 dates ending on `date`, oldest first. */
export function weekOf(day: SitrepDay): string[] {
  const start = new Date(`${day.weekFrom}T00:00:00.000Z`).getTime();
  return Array.from({ length: 7 }, (_, i) =>
    new Date(start + i * DAY_MS).toISOString().slice(0, 10),
  );
}

/** Whole days from `earlier` to `later` (ISO dates). */
export function daysBetween(earlier: string, later: string): number {
  const ms =
    new Date(`${later}T00:00:00.000Z`).getTime() - new Date(`${earlier}T00:00:00.000Z`).getTime();
  return Math.round(ms / DAY_MS);
}
