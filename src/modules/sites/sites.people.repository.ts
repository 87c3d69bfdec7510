/**
 * The only SQL for people on site (`site_headcounts`, one row per site, day
 * and nationality, every day kept) and emergency contacts (`site_contacts`,
 * personal data: read only through sites.contacts.service.ts, which checks
 * the organisation and audits the read).
 */
import type { Executor } from '../../storage/executor.js';
import type { SiteContactsTable, SiteHeadcountsTable } from './sites.tables.js';

export type HeadcountRow = SiteHeadcountsTable;
export type ContactRow = SiteContactsTable;

/** Replaces one day's counts of a site, in the caller's transaction. */
export async function replaceHeadcounts(
  trx: Executor,
  siteId: string,
  day: string,
  counts: readonly { nationality: string; count: number }[],
  recorded: { at: string; byUser: string },
): Promise<void> {
  await trx
    .deleteFrom('site_headcounts')
    .where('site_id', '=', siteId)
    .where('day', '=', day)
    .execute();
  if (counts.length === 0) return;
  await trx
    .insertInto('site_headcounts')
    .values(
      counts.map((c) => ({
        site_id: siteId,
        day,
        nationality: c.nationality,
        count: c.count,
        recorded_at: recorded.at,
        recorded_by_user: recorded.byUser,
      })),
    )
    .execute();
}

/**
 * Sets the site's latest total when `day` is its latest counted day (or the
 * first): an older day's correction leaves the current figure alone.
 */
export async function setLatestPeople(
  trx: Executor,
  siteId: string,
  day: string,
  total: number,
): Promise<void> {
  await trx
    .updateTable('sites')
    .set({ people_total: total, people_day: day })
    .where('id', '=', siteId)
    .where((eb) => eb.or([eb('people_day', 'is', null), eb('people_day', '<=', day)]))
    .execute();
}

/** Counts of a site's days in [from, to], oldest day first. */
export async function listHeadcounts(
  executor: Executor,
  siteId: string,
  from: string,
  to: string,
): Promise<HeadcountRow[]> {
  return executor
    .selectFrom('site_headcounts')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .orderBy('day')
    .orderBy('nationality')
    .execute();
}

/** The counts of each site's latest day (sites.people_day), for presenting many sites at once. */
export async function latestHeadcounts(
  executor: Executor,
  sites: readonly { id: string; people_day: string | null }[],
): Promise<Map<string, HeadcountRow[]>> {
  const counted = sites.filter((site) => site.people_day !== null);
  const byId = new Map<string, HeadcountRow[]>();
  if (counted.length === 0) return byId;
  const days = new Map(counted.map((site) => [site.id, site.people_day]));
  const rows = await executor
    .selectFrom('site_headcounts')
    .selectAll()
    .where('site_id', 'in', [...days.keys()])
    .where('day', 'in', [...new Set(counted.map((site) => site.people_day ?? ''))])
    .orderBy('nationality')
    .execute();
  for (const row of rows) {
    // The day filter is for all sites at once; keep only each site's own latest day.
    if (days.get(row.site_id) !== row.day) continue;
    byId.set(row.site_id, [...(byId.get(row.site_id) ?? []), row]);
  }
  return byId;
}

export async function listContacts(executor: Executor, siteId: string): Promise<ContactRow[]> {
  return executor
    .selectFrom('site_contacts')
    .selectAll()
    .where('site_id', '=', siteId)
    .orderBy('position')
    .execute();
}

export async function replaceContacts(
  trx: Executor,
  siteId: string,
  contacts: readonly Omit<ContactRow, 'site_id' | 'position'>[],
): Promise<void> {
  await trx.deleteFrom('site_contacts').where('site_id', '=', siteId).execute();
  if (contacts.length === 0) return;
  await trx
    .insertInto('site_contacts')
    .values(contacts.map((c, position) => ({ ...c, site_id: siteId, position })))
    .execute();
}
