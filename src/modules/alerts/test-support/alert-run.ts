/**
 * A run of alerts on one site for the paging tests, described newest first
 * by one letter each, as the scene's operator sees them: `v` visible (a
 * GREEN incident), `h` hidden by SQL (AMBER, released to nobody, so the
 * operator may not read the trigger), `r` refused in code only (AMBER,
 * released to the operator, then its stored release list made unreadable:
 * record_releases still grants it to SQL, canRead fails closed on it).
 * Each incident goes through the matcher, as in production.
 */
import type { LatLon } from '../../../core/geo/index.js';
import { buildIncidentInput } from '../../../../test/support/factories.js';
import { createIncident } from '../../incidents/incidents.service.js';
import type { AlertsScene } from './scene.js';
import { spoilReleaseList } from '../../records/test-support/spoil.js';

export interface AlertRun {
  /** Alert ids the operator sees on the site, newest first. */
  visible: string[];
  /** Alert ids SQL returns for the operator on the site (visible and refused), newest first. */
  listed: string[];
  refused: string[];
}

function sharingOf(kind: string, operatorOrgId: string) {
  switch (kind) {
    case 'v':
      return { marking: 'TLP:GREEN' as const, releasableTo: [] };
    case 'h':
      return { marking: 'TLP:AMBER' as const, releasableTo: [] };
    case 'r':
      return { marking: 'TLP:AMBER' as const, releasableTo: [operatorOrgId] };
    default:
      throw new Error(`unknown alert kind ${kind}`);
  }
}

/** One incident per letter of `spec` (newest first) a few hundred metres apart near `centre`, oldest first. */
export async function buildAlertRun(
  s: AlertsScene,
  subjectId: string,
  centre: LatLon,
  spec: string,
): Promise<AlertRun> {
  const run: AlertRun = { visible: [], listed: [], refused: [] };
  const kinds = spec.split(/\s+/).filter(Boolean).reverse();
  for (const [index, kind] of kinds.entries()) {
    const created = await createIncident(
      s.deps,
      buildIncidentInput({
        eventDate: '2026-11-27',
        place: {
          name: 'Test place',
          country: 'PK',
          geoPrecision: 1,
          lat: centre.lat + index * 0.0005,
          lon: centre.lon,
        },
        ...sharingOf(kind, s.users.operator.orgId),
      }),
      s.users.intel.current,
    );
    if (!created.ok) throw new Error(created.error);
    await s.matcher.drain();
    const alert = await s.db
      .selectFrom('alerts')
      .select('id')
      .where('trigger_id', '=', created.value)
      .where('subject_id', '=', subjectId)
      .executeTakeFirstOrThrow();
    if (kind === 'r') await spoilReleaseList(s.db, created.value);
    if (kind === 'v') run.visible.unshift(alert.id);
    if (kind === 'r') run.refused.unshift(alert.id);
    if (kind !== 'h') run.listed.unshift(alert.id);
  }
  return run;
}
