/**
 * The people-on-site section: every unrevoked site the reader may read
 * (the sites repository behind the records read filter, canRead again per
 * row) with its latest count of people on or before the day, by
 * nationality, and the totals. Counts are numbers per nationality, never
 * names; reading them needs nothing beyond reading the site. Sites never
 * counted by that day are left out: they have no figure to give.
 */
import { canRead, readScope } from '../../core/policy/index.js';
import { toShareable } from '../records/records.repository.js';
import { peopleDays } from '../sites/sites.people.service.js';
import { listSites, type SiteWithRecord } from '../sites/sites.repository.js';
import { latestHeadcountsOnOrBefore } from './sitrep.protection.repository.js';
import {
  capped,
  highestMarking,
  MAX_LISTED,
  type SitrepContext,
  type SitrepPrinter,
  type SitrepSection,
} from './sitrep.section.js';

const PAGE = 1_000;

export interface SitrepSitePeople {
  id: string;
  name: string;
  siteType: string;
  day: string;
  total: number;
  byNationality: { nationality: string; count: number }[];
  marking: string;
}

export interface SitrepPeople {
  total: number;
  byNationality: { nationality: string; count: number }[];
  sites: SitrepSitePeople[];
  siteCount: number;
  truncated: boolean;
  highestMarking: string;
}

async function readableSites({ deps, reader }: SitrepContext): Promise<SiteWithRecord[]> {
  const scope = readScope(reader);
  const kept: SiteWithRecord[] = [];
  let after: string[] | undefined;
  for (;;) {
    const rows = await listSites(deps.db, scope, {}, { limit: PAGE, after });
    for (const row of rows) if (canRead(reader, toShareable(row.record))) kept.push(row);
    const last = rows.at(-1);
    if (rows.length < PAGE || !last) return kept;
    after = [last.name_folded, last.id];
  }
}

const byCount = (a: { nationality: string; count: number }, b: typeof a) =>
  b.count - a.count || a.nationality.localeCompare(b.nationality);

async function collectPeople(context: SitrepContext): Promise<SitrepPeople> {
  const sites = await readableSites(context);
  const rows = await latestHeadcountsOnOrBefore(
    context.deps.db,
    sites.map((site) => site.id),
    context.day.date,
  );
  const bySite = new Map<string, typeof rows>();
  for (const row of rows) bySite.set(row.site_id, [...(bySite.get(row.site_id) ?? []), row]);
  const nationalities = new Map<string, number>();
  const counted: SitrepSitePeople[] = [];
  for (const site of sites) {
    const [latest] = peopleDays(bySite.get(site.id) ?? []);
    if (!latest) continue;
    for (const n of latest.byNationality)
      nationalities.set(n.nationality, (nationalities.get(n.nationality) ?? 0) + n.count);
    counted.push({
      id: site.id,
      name: site.name,
      siteType: site.site_type,
      day: latest.day,
      total: latest.total,
      byNationality: [...latest.byNationality].sort(byCount),
      marking: site.record.marking,
    });
  }
  counted.sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
  const listed = capped(counted, MAX_LISTED);
  return {
    total: counted.reduce((sum, site) => sum + site.total, 0),
    byNationality: [...nationalities]
      .map(([nationality, count]) => ({ nationality, count }))
      .sort(byCount),
    sites: listed.items,
    siteCount: counted.length,
    truncated: listed.truncated,
    highestMarking: highestMarking(counted.map((site) => site.marking)),
  };
}

function printPeople(value: SitrepPeople, out: SitrepPrinter): void {
  const t = out.texts.people;
  out.heading(t.title);
  if (value.siteCount === 0) {
    out.emptyState(t.empty);
    return;
  }
  out.figures(
    [
      { label: t.total, value: value.total.toLocaleString('en') },
      { label: t.sites, value: String(value.siteCount) },
    ],
    value.highestMarking,
  );
  const c = t.columns;
  out.table(
    [
      { label: c.site, width: 0.32 },
      { label: c.day, width: 0.16 },
      { label: c.nationalities, width: 0.38 },
      { label: c.total, width: 0.14, align: 'end' },
    ],
    value.sites.map((site) => ({
      cells: [
        site.name,
        site.day,
        site.byNationality.map((n) => `${n.nationality} ${n.count}`).join(out.texts.separator),
        site.total.toLocaleString('en'),
      ],
      marking: site.marking,
    })),
  );
  if (value.truncated) out.note(t.truncated(value.sites.length, value.siteCount));
  out.subheading(t.byNationality);
  out.table(
    [
      { label: t.nationality, width: 0.5 },
      { label: t.count, width: 0.5, align: 'end' },
    ],
    value.byNationality.map((n) => ({
      cells: [n.nationality, n.count.toLocaleString('en')],
      marking: value.highestMarking,
    })),
  );
}

export const peopleSection: SitrepSection<'people', SitrepPeople> = {
  key: 'people',
  sources: ['sites'],
  collect: collectPeople,
  counts: (value) => ({ sitesWithPeople: value.siteCount, peopleOnSite: value.total }),
  print: printPeople,
};
