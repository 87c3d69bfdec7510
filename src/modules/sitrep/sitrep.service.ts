/**
 * The daily situation report for one reader and one day: every section's
 * part, collected through that capability's read filter, so a report holds
 * exactly what its reader may read. Each generation is audited
 * (`sitrep.generated`, with the day and how many records of each kind it
 * showed) before the report is handed over: a report is a read across many
 * records. Never reads around the sharing policy; writes nothing else.
 */
import { isoNow } from '../../core/clock.js';
import type { CurrentUser, RequestOrigin } from '../identity/identity.types.js';
import type { SitrepLanguage } from './sitrep.schema.js';
import { sitrepDay } from './sitrep.schema.js';
import type { SitrepDeps } from './sitrep.section.js';
import { ANY_SECTIONS, SITREP_SOURCES, type SitrepSectionValues } from './sitrep.sections.js';

export type SitrepReport = {
  date: string;
  generatedAt: string;
  /** The UTC day reported on: `from` inclusive, `to` (the next midnight) exclusive. */
  window: { from: string; to: string };
  organisation: { id: string; name: string };
  /** The record sources the report covers. */
  sources: string[];
} & SitrepSectionValues;

export interface SitrepRequest {
  /** The day (ISO date); today on the node's clock (UTC) when absent. */
  date?: string | undefined;
  format: 'json' | 'pdf';
  language?: SitrepLanguage | undefined;
  via: 'api' | 'cli';
}

export async function generateSitrep(
  deps: SitrepDeps,
  reader: CurrentUser,
  request: SitrepRequest,
  origin?: RequestOrigin,
): Promise<SitrepReport> {
  const generatedAt = isoNow(deps.clock);
  const day = sitrepDay(request.date ?? generatedAt.slice(0, 10));
  const context = { deps, reader, day };
  const values = await Promise.all(ANY_SECTIONS.map((section) => section.collect(context)));
  const counts: Record<string, number> = {};
  const parts: Record<string, unknown> = {};
  ANY_SECTIONS.forEach((section, index) => {
    parts[section.key] = values[index];
    Object.assign(counts, section.counts(values[index]));
  });
  await deps.audit.record({
    action: 'sitrep.generated',
    outcome: 'success',
    actor: { userId: reader.userId, orgId: reader.orgId },
    address: origin?.address,
    requestId: origin?.requestId,
    details: {
      date: day.date,
      format: request.format,
      ...(request.language ? { language: request.language } : {}),
      via: request.via,
      counts,
    },
  });
  return {
    date: day.date,
    generatedAt,
    window: { from: day.from, to: day.to },
    organisation: { id: reader.organisation.id, name: reader.organisation.name },
    sources: [...SITREP_SOURCES],
    // Each section's value sits under its own key, which is what SitrepSectionValues states.
    ...(parts as SitrepSectionValues),
  };
}
