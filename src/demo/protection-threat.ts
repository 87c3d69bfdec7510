/**
 * The demo's protection threat: a published TLP:AMBER report of a planned
 * ambush near Besham on the Karakoram Highway, valid from today for two days
 * and graded B2, so that the alert matcher raises alerts for the demo
 * movements on that road (and any site within reach). Written through the
 * intelligence services like every other demo report; loaded once (by its
 * title among the author's reports near Besham).
 */
import type { CurrentUser } from '../modules/identity/identity.types.js';
import type { IntelDeps } from '../modules/intel/intel.records.js';
import type { ThreatReportInput } from '../modules/intel/intel.schema.js';
import { publishThreatReport } from '../modules/intel/reports.lifecycle.service.js';
import { listThreatReportsFor } from '../modules/intel/reports.read.service.js';
import { createThreatReport } from '../modules/intel/reports.write.service.js';
import { DEMO_PLACES } from './geography.js';

export const BESHAM_THREAT_TITLE = 'Planned ambush of convoys near Besham (demo)';
const DAY_MS = 86_400_000;

/**
 * Writes and publishes the report unless the author's organisation already
 * has it; returns its id and whether this call wrote it.
 */
export async function seedDemoBeshamThreat(
  deps: IntelDeps,
  author: CurrentUser,
  releaseOrgIds: readonly string[],
  now: Date,
): Promise<{ id: string; created: boolean }> {
  const besham = DEMO_PLACES.besham;
  const existing = await listThreatReportsFor(
    deps,
    author,
    { createdBy: author.orgId },
    { centre: besham, radiusKm: 1 },
    { limit: 200 },
  );
  const found = existing.find((report) => report.title === BESHAM_THREAT_TITLE);
  if (found) return { id: found.id, created: false };

  const startOfDay = new Date(now.toISOString().slice(0, 10)).getTime();
  const input: ThreatReportInput = {
    title: BESHAM_THREAT_TITLE,
    narrative:
      'A reliable source reports that an armed group plans to ambush a convoy of foreign engineers on the Karakoram Highway near Besham within the next two days.\n\n- Hold non-essential movements on the Thakot–Dasu section.\n- Essential movements only with an escort, and check in at every waypoint.',
    language: 'en',
    area: { kind: 'circle', lat: besham.lat, lon: besham.lon, radiusKm: 10 },
    validFrom: new Date(startOfDay).toISOString(),
    validUntil: new Date(now.getTime() + 2 * DAY_MS).toISOString(),
    targetType: 'route',
    modusOperandi: { description: 'Ambush of a convoy', acledSubEventType: 'Armed clash' },
    threatActorIds: [],
    sourceReliability: 'B',
    informationCredibility: 2,
    marking: 'TLP:AMBER',
    releasableTo: [...new Set(releaseOrgIds)],
  };
  const created = await createThreatReport(deps, input, author);
  if (!created.ok) throw new Error(`demo Besham threat: ${created.error}`);
  const published = await publishThreatReport(deps, created.value, author);
  if (!published.ok) throw new Error(`demo Besham threat: ${published.error}`);
  return { id: created.value, created: true };
}
