/**
 * The sections of the situation report, in print order. A capability joins
 * the report with one entry here; the report's JSON gains the section's key
 * and its `sources` list the sources it reads. Protection (movements,
 * alarms and alerts, people on site) follows intelligence and coordination.
 */
import { actionItemsSection } from './sitrep.action-items.js';
import { alarmsAlertsSection } from './sitrep.alarms-alerts.js';
import { chartSection } from './sitrep.chart.js';
import { incidentsSection } from './sitrep.incidents.js';
import { movementsSection } from './sitrep.movements.js';
import { peopleSection } from './sitrep.people.js';
import type { SitrepSection } from './sitrep.section.js';
import { threatsSection } from './sitrep.threats.js';

export const SITREP_SECTIONS = [
  incidentsSection,
  chartSection,
  threatsSection,
  actionItemsSection,
  movementsSection,
  alarmsAlertsSection,
  peopleSection,
] as const;

type Sections = (typeof SITREP_SECTIONS)[number];

/** Each section's part of the report, under its key. */
export type SitrepSectionValues = {
  [S in Sections as S['key']]: S extends SitrepSection<string, infer Value> ? Value : never;
};

/** The sections with their keys and values erased, for code that handles every section alike. */
export const ANY_SECTIONS: readonly SitrepSection<string, unknown>[] = SITREP_SECTIONS;

/** The sources the sections read, each once, in section order. */
export const SITREP_SOURCES: readonly string[] = [
  ...new Set(SITREP_SECTIONS.flatMap((section) => section.sources)),
];

/** A section's part of a report, by the section's key. */
export function sectionValue(report: SitrepSectionValues, key: string): unknown {
  // Every key of SitrepSectionValues is a section's key, and the report holds one value under each.
  return (report as unknown as Record<string, unknown>)[key];
}
