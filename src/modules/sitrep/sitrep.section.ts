/**
 * What one section of the situation report is: a capability's contribution,
 * keyed by its place in the JSON, naming the sources it reads, collecting
 * its part for one reader and one day (always through that capability's
 * read filter), and printing that part through the small printer interface
 * below, which knows nothing of PDF. A capability joins the report as one
 * more section (sitrep.sections.ts).
 */
import { TLP_MARKINGS, type TlpMarking } from '../../core/policy/types.js';
import type { CurrentUser } from '../identity/identity.types.js';
import type { IncidentDeps } from '../incidents/incidents.service.js';
import type { SitrepDay, SitrepLanguage } from './sitrep.schema.js';
import type { SitrepTexts } from './sitrep.texts.js';

export type SitrepDeps = Pick<IncidentDeps, 'db' | 'clock' | 'audit'>;

export interface SitrepContext {
  deps: SitrepDeps;
  reader: CurrentUser;
  day: SitrepDay;
}

/** A point on the report's map; its marking counts towards the marking of the page it is drawn on. */
export interface MapFeature {
  shape: 'dot' | 'triangle';
  lon: number;
  lat: number;
  marking: string;
}

export interface TableColumn {
  label: string;
  /** Share of the page's text width. */
  width: number;
  align?: 'start' | 'end';
}

export interface TableRow {
  cells: string[];
  /** The marking of the record the row shows (or the highest of those it sums up). */
  marking: string;
}

/** Layout primitives a section prints with; the PDF renderer implements them (and mirrors them for Urdu). */
export interface SitrepPrinter {
  readonly texts: SitrepTexts;
  readonly language: SitrepLanguage;
  heading(text: string): void;
  subheading(text: string): void;
  /** A line of secondary text under a heading or table (notes, truncation). */
  note(text: string): void;
  /** The line a section prints when it has nothing to show. */
  emptyState(text: string): void;
  /** A row of large figures (totals). */
  figures(items: readonly { label: string; value: string }[], marking: string): void;
  table(columns: readonly TableColumn[], rows: readonly TableRow[]): void;
  /** Bars with a label each: `horizontal` for categories, `vertical` for a time series. */
  barChart(
    title: string,
    bars: readonly { label: string; value: number }[],
    orientation: 'horizontal' | 'vertical',
    marking: string,
  ): void;
}

export interface SitrepSection<Key extends string, Value> {
  key: Key;
  /** The record sources this section reads, as the report lists them. */
  sources: readonly string[];
  collect(context: SitrepContext): Promise<Value>;
  /** How many records of each kind the section shows: the figures of the audit entry. */
  counts(value: Value): Record<string, number>;
  /** Points for the report's map, if the section has any, and a line saying what is left out. */
  mapLayer?(value: Value, texts: SitrepTexts): { features: MapFeature[]; note?: string };
  print(value: Value, out: SitrepPrinter): void;
  /** Long lists, printed after every section's main part. */
  printAnnex?(value: Value, out: SitrepPrinter): void;
}

/** How restrictive a marking is; anything unknown counts as the most restrictive (fail closed). */
export function markingRank(marking: string): number {
  const rank = TLP_MARKINGS.indexOf(marking as TlpMarking);
  return rank === -1 ? TLP_MARKINGS.length - 1 : rank;
}

/** The most restrictive of the markings, TLP:CLEAR for none. */
export function highestMarking(markings: Iterable<string>): TlpMarking {
  let highest = 0;
  for (const marking of markings) highest = Math.max(highest, markingRank(marking));
  return TLP_MARKINGS[highest] ?? 'TLP:RED';
}

/** Keeps the first `limit` items and whether more existed. */
export function capped<T>(items: readonly T[], limit: number): { items: T[]; truncated: boolean } {
  return { items: items.slice(0, limit), truncated: items.length > limit };
}

/** The most items a section lists; totals always count them all. */
export const MAX_LISTED = 200;
