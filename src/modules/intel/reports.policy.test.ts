/**
 * Policy everywhere, for threat reports: for users of four organisations and
 * reports of every marking, published and draft, each read path (list in SQL
 * and over HTTP, full-text search, map areas, CSV and GeoJSON exports,
 * detail, history, corroboration counts) returns exactly what
 * the policy and the draft rule allow — on both engines.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createPolicyUsers,
  EVERYONE,
  SHARING_CASES,
  type SharingCase,
  type Who,
} from '../../../test/support/policy-cases.js';
import { describeEachEngine } from '../../../test/support/storage.js';
import { startTestApp, TEST_ORIGIN, type TestApp } from '../../../test/support/app.js';
import {
  buildCorroborationInput,
  buildThreatReportInput,
} from '../../../test/support/factories.js';
import { findUser } from '../identity/users.repository.js';
import { toCurrentUser } from '../identity/identity.presenter.js';
import { mayReadReport, reportScope } from './reports.read.service.js';
import { findThreatReportForEdit, listThreatReports } from './reports.repository.js';

interface Case extends SharingCase {
  draft?: boolean;
}

const CASES: Case[] = [
  ...SHARING_CASES,
  // Drafts: only the originating organisation's editors, whatever the marking says.
  {
    name: 'clear draft of A',
    author: 'analystA',
    marking: 'TLP:CLEAR',
    releasedTo: [],
    draft: true,
    readers: ['analystA'],
  },
  {
    name: 'green draft of B',
    author: 'analystB',
    marking: 'TLP:GREEN',
    releasedTo: [],
    draft: true,
    readers: ['analystB'],
  },
  {
    name: 'amber draft of B released to D',
    author: 'analystB',
    marking: 'TLP:AMBER',
    releasedTo: ['orgD'],
    draft: true,
    readers: ['analystB'],
  },
];

describeEachEngine('threat reports under the sharing policy', (database) => {
  let t: TestApp;
  const cookies = new Map<Who, string>();
  const userIds = new Map<Who, string>();
  const orgIds = new Map<string, string>();
  const ids = new Map<string, string>();
  /** Subjects liaison D corroborated (a GREEN confirm and a deny kept by D). */
  const corroborated = new Set<string>();

  beforeAll(async () => {
    t = await startTestApp(database());
    const users = await createPolicyUsers(t.context, t.app);
    for (const [who, cookie] of users.cookies) cookies.set(who, cookie);
    for (const [who, id] of users.userIds) userIds.set(who, id);
    for (const [key, id] of users.orgIds) orgIds.set(key, id);
    const post = (who: Who, url: string, payload: object) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { cookie: cookies.get(who) ?? '', origin: TEST_ORIGIN },
        payload,
      });
    for (const c of CASES) {
      const releasableTo = c.releasedTo.map(
        (g) => orgIds.get(g) ?? userIds.get(g as Who) ?? 'missing',
      );
      const created = await post(
        c.author,
        '/api/threat-reports',
        buildThreatReportInput({ marking: c.marking, releasableTo, title: c.name }),
      );
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().threatReport.id as string;
      ids.set(c.name, id);
      if (c.draft) continue;
      t.clock.advance(1_000);
      expect((await post(c.author, `/api/threat-reports/${id}/publish`, {})).statusCode).toBe(200);
      const confirm = await post('liaisonD', '/api/corroborations', buildCorroborationInput(id));
      // D corroborates exactly what it can read; anything else is "not found".
      expect(confirm.statusCode, `${c.name}: ${confirm.body}`).toBe(
        c.readers.includes('liaisonD') ? 201 : 404,
      );
      if (confirm.statusCode !== 201) continue;
      corroborated.add(c.name);
      const deny = await post(
        'liaisonD',
        '/api/corroborations',
        buildCorroborationInput(id, { kind: 'deny', marking: 'TLP:AMBER', releasableTo: [] }),
      );
      expect(deny.statusCode).toBe(201);
    }
  });
  afterAll(async () => t.close());

  const get = (who: Who, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: cookies.get(who) ?? '' } });

  it.each(EVERYONE)('shows %s exactly the readable reports on every path', async (who) => {
    const readable = CASES.filter((c) => c.readers.includes(who));
    const expected = readable.map((c) => ids.get(c.name)).sort();

    const row = await findUser(t.context.storage.db, userIds.get(who) ?? '');
    if (!row) throw new Error('user missing');
    const reader = toCurrentUser(row);
    const byPolicy: string[] = [];
    for (const id of ids.values()) {
      const report = await findThreatReportForEdit(t.context.storage.db, id);
      if (report && mayReadReport(reader, report)) byPolicy.push(id);
    }
    expect(byPolicy.sort()).toEqual(expected);

    // The SQL filter alone, without the row check behind it, already hides drafts.
    const bySql = await listThreatReports(
      t.context.storage.db,
      reportScope(reader),
      {},
      { limit: 500 },
    );
    expect(bySql.map((r) => r.id).sort()).toEqual(expected);

    const list = await get(who, '/api/threat-reports?limit=500');
    expect((list.json().items as { id: string }[]).map((i) => i.id).sort()).toEqual(expected);

    // Search applies the same rules: a draft only for its organisation's editors.
    const searched = await get(who, '/api/threat-reports?limit=500&q=besham');
    expect((searched.json().items as { id: string }[]).map((i) => i.id).sort()).toEqual(expected);

    const map = await get(who, '/api/threat-reports/map?west=72&south=34&east=74&north=36');
    expect((map.json().features as { id: string }[]).map((f) => f.id).sort()).toEqual(expected);

    const csv = (await get(who, '/api/threat-reports/export.csv')).body.trim().split('\n');
    expect(csv[0]).toMatch(/^id,title,status,/);
    expect(
      csv
        .slice(1)
        .map((line) => line.split(',')[0])
        .sort(),
    ).toEqual(expected);
    const geojson = (await get(who, '/api/threat-reports/export.geojson')).json();
    expect((geojson.features as { id: string }[]).map((f) => f.id).sort()).toEqual(expected);

    for (const c of CASES) {
      const id = ids.get(c.name) ?? '';
      const canSee = c.readers.includes(who);
      const detail = await get(who, `/api/threat-reports/${id}`);
      expect(detail.statusCode, `${who} detail ${c.name}`).toBe(canSee ? 200 : 404);
      const history = await get(who, `/api/threat-reports/${id}/history`);
      expect(history.statusCode, `${who} history ${c.name}`).toBe(canSee ? 200 : 404);
      const corroborations = await get(who, `/api/corroborations?subjectId=${id}`);
      expect(corroborations.statusCode, `${who} corroborations ${c.name}`).toBe(canSee ? 200 : 404);
      if (!canSee) continue;
      // The draft version of a published report stays with the originator's editors.
      const editsIt = (c.author === 'analystA' && who === 'analystA') || c.author === who;
      expect(history.json().versions, `${who} versions ${c.name}`).toHaveLength(
        c.draft ? 1 : editsIt ? 2 : 1,
      );
      const by = corroborated.has(c.name);
      const seesDeny = by && who === 'liaisonD';
      expect(detail.json().threatReport.corroboration, `${who} counts ${c.name}`).toEqual({
        byKind: { confirm: by ? 1 : 0, deny: seesDeny ? 1 : 0, additional_detail: 0 },
        organisations: by ? 1 : 0,
      });
      expect(corroborations.json().items).toHaveLength(by ? (seesDeny ? 2 : 1) : 0);
    }
  });
});
