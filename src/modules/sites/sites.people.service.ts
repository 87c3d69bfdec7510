/**
 * People on site: head counts per day and nationality (never names), kept
 * for every day. Owns who may record them — the originator's editors, and
 * the operator's and guard's users with an editing or field role (they are
 * the ones who count) — and that the latest day's total is the site's current
 * figure. Reading needs nothing beyond reading the site.
 */
import { isoNow } from '../../core/clock.js';
import { canEdit, type ShareableRecord } from '../../core/policy/index.js';
import { fail, ok, type Result } from '../../core/result.js';
import { inTransaction } from '../../storage/executor.js';
import type { CurrentUser, RequestOrigin } from '../identity/identity.types.js';
import { actorOf, editsForOwnOrganisation } from '../intel/intel.records.js';
import { toShareable } from '../records/records.repository.js';
import {
  listHeadcounts,
  replaceHeadcounts,
  setLatestPeople,
  type HeadcountRow,
} from './sites.people.repository.js';
import { readSite } from './sites.read.js';
import type { SiteRow } from './sites.repository.js';
import { SITE_TYPE, type PeopleInput } from './sites.schema.js';
import type { SiteDeps, SiteError } from './sites.service.js';

const DAY_MS = 86_400_000;
/** Default span of GET people without `from`. */
export const DEFAULT_PEOPLE_DAYS = 30;

/** Whether the user belongs to the organisation running or guarding the site. */
export function isOfSiteOrganisations(
  user: CurrentUser,
  site: Pick<SiteRow, 'operator_org_id' | 'guard_org_id'>,
): boolean {
  return user.orgId === site.operator_org_id || user.orgId === site.guard_org_id;
}

/** Who may record people on a site they can read. */
export function mayRecordPeople(
  user: CurrentUser,
  site: Pick<SiteRow, 'operator_org_id' | 'guard_org_id'>,
  record: ShareableRecord,
): boolean {
  if (canEdit(user, record)) return true;
  const counts = editsForOwnOrganisation(user) || user.roles.includes('field');
  return user.active && counts && isOfSiteOrganisations(user, site);
}

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** Replaces one day's counts. A day after tomorrow (UTC) is refused: counts are of people there. */
export async function recordPeople(
  deps: Pick<SiteDeps, 'db' | 'clock' | 'audit'>,
  siteId: string,
  day: string,
  input: PeopleInput,
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<number, SiteError>> {
  const site = await readSite(deps, siteId, actor);
  if (!site) return fail('not_found');
  if (!mayRecordPeople(actor, site, toShareable(site.record))) return fail('forbidden');
  if (site.record.revoked === 1) return fail('revoked');
  // Tomorrow is allowed: a site several hours ahead of UTC counts its morning early.
  if (day > dayOf(new Date(deps.clock.now().getTime() + DAY_MS))) return fail('future_day');
  const total = input.counts.reduce((sum, c) => sum + c.count, 0);
  const at = isoNow(deps.clock);
  await inTransaction(deps.db, async (trx) => {
    await replaceHeadcounts(trx, siteId, day, input.counts, { at, byUser: actor.userId });
    await setLatestPeople(trx, siteId, day, total);
    await deps.audit.record(
      {
        action: 'site.people_recorded',
        outcome: 'success',
        actor: actorOf(actor),
        target: { type: SITE_TYPE, id: siteId },
        address: origin?.address,
        requestId: origin?.requestId,
        details: { day, total },
      },
      trx,
    );
  });
  return ok(total);
}

export interface PeopleDay {
  day: string;
  total: number;
  byNationality: { nationality: string; count: number }[];
  recordedAt: string;
}

/** Groups count rows (ordered by day) into days. */
export function peopleDays(rows: readonly HeadcountRow[]): PeopleDay[] {
  const days = new Map<string, PeopleDay>();
  for (const row of rows) {
    const day = days.get(row.day) ?? { day: row.day, total: 0, byNationality: [], recordedAt: '' };
    day.total += row.count;
    day.byNationality.push({ nationality: row.nationality, count: row.count });
    if (row.recorded_at > day.recordedAt) day.recordedAt = row.recorded_at;
    days.set(row.day, day);
  }
  return [...days.values()];
}

/** The counted days in [from, to] (default: the last 30 days up to today), or not_found. */
export async function readPeople(
  deps: Pick<SiteDeps, 'db' | 'clock'>,
  siteId: string,
  range: { from?: string | undefined; to?: string | undefined },
  reader: CurrentUser,
): Promise<Result<{ from: string; to: string; days: PeopleDay[] }, SiteError>> {
  const site = await readSite(deps, siteId, reader);
  if (!site) return fail('not_found');
  const to = range.to ?? dayOf(deps.clock.now());
  const from =
    range.from ??
    dayOf(new Date(new Date(`${to}T00:00:00Z`).getTime() - DEFAULT_PEOPLE_DAYS * DAY_MS));
  const rows = await listHeadcounts(deps.db, siteId, from, to);
  return ok({ from, to, days: peopleDays(rows) });
}
