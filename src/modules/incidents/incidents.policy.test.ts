/**
 * Policy everywhere: for users of four organisations and incidents of every
 * marking, each read path (list, search, detail, history, facet counts, the
 * monthly trend, near a point, along a route, map clusters and points, CSV
 * and GeoJSON exports) returns exactly what canRead allows — on both engines.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { canRead } from '../../core/policy/index.js';
import {
  createPolicyUsers,
  EVERYONE,
  SHARING_CASES,
  type SharingCase,
  type Who,
} from '../../../test/support/policy-cases.js';
import { describeEachEngine } from '../../../test/support/storage.js';
import { startTestApp, TEST_ORIGIN, type TestApp } from '../../../test/support/app.js';
import { buildIncidentInput } from '../../../test/support/factories.js';
import { findUser } from '../identity/users.repository.js';
import { toCurrentUser } from '../identity/identity.presenter.js';
import { findRecord, toShareable } from '../records/records.repository.js';

const CASES: readonly SharingCase[] = SHARING_CASES;

describeEachEngine('incidents under the sharing policy', (database) => {
  let t: TestApp;
  const cookies = new Map<Who, string>();
  const userIds = new Map<Who, string>();
  const orgIds = new Map<string, string>();
  const ids = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp(database());
    const users = await createPolicyUsers(t.context, t.app);
    for (const [who, cookie] of users.cookies) cookies.set(who, cookie);
    for (const [who, id] of users.userIds) userIds.set(who, id);
    for (const [key, id] of users.orgIds) orgIds.set(key, id);
    for (const c of CASES) {
      const releasableTo = c.releasedTo.map(
        (g) => orgIds.get(g) ?? userIds.get(g as Who) ?? 'missing',
      );
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/incidents',
        headers: { cookie: cookies.get(c.author) ?? '', origin: TEST_ORIGIN },
        payload: buildIncidentInput({ marking: c.marking, releasableTo, narrative: c.name }),
      });
      expect(response.statusCode, response.body).toBe(201);
      ids.set(c.name, response.json().incident.id);
    }
  });
  afterAll(async () => t.close());

  const get = (who: Who, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: cookies.get(who) ?? '' } });

  it.each(EVERYONE)('shows %s exactly the readable incidents on every path', async (who) => {
    const expected = CASES.filter((c) => c.readers.includes(who))
      .map((c) => ids.get(c.name))
      .sort();

    // canRead agrees with the table.
    const row = await findUser(t.context.storage.db, userIds.get(who) ?? '');
    if (!row) throw new Error('user missing');
    const reader = toCurrentUser(row);
    const byPolicy: string[] = [];
    for (const id of ids.values()) {
      const record = await findRecord(t.context.storage.db, id, 'incident');
      if (record && canRead(reader, toShareable(record))) byPolicy.push(id);
    }
    expect(byPolicy.sort()).toEqual(expected);

    const list = await get(who, '/api/incidents?limit=500');
    expect((list.json().items as { id: string }[]).map((i) => i.id).sort()).toEqual(expected);

    const facets = await get(who, '/api/incidents/facets');
    expect(facets.json().total).toBe(expected.length);

    const csv = (await get(who, '/api/incidents/export.csv')).body.trim().split('\n');
    expect(csv[0]).toMatch(/^id,event_date,/);
    expect(
      csv
        .slice(1)
        .map((line) => line.split(',')[0])
        .sort(),
    ).toEqual(expected);

    const geojson = (await get(who, '/api/incidents/export.geojson')).json();
    expect((geojson.features as { id: string }[]).map((f) => f.id).sort()).toEqual(expected);

    const map = (
      await get(who, '/api/incidents/map?zoom=4&west=60&south=20&east=80&north=40')
    ).json();
    expect(map.total).toBe(expected.length);
    const clustered = (map.features as { properties: { count: number } }[]).reduce(
      (sum, f) => sum + f.properties.count,
      0,
    );
    expect(clustered).toBe(expected.length);
    const points = (
      await get(who, '/api/incidents/map?zoom=14&west=72.8&south=34.88&east=72.95&north=34.96')
    ).json();
    expect(points.kind).toBe('points');
    expect((points.points as { id: string }[]).map((p) => p.id).sort()).toEqual(expected);

    const idsOf = (body: { items: { id: string }[] }) => body.items.map((i) => i.id).sort();
    expect(idsOf((await get(who, '/api/incidents?limit=500&q=besham')).json())).toEqual(expected);
    expect(
      idsOf((await get(who, '/api/incidents/near?lat=34.92&lon=72.87&radiusKm=5')).json()),
    ).toEqual(expected);
    const along = await t.app.inject({
      method: 'POST',
      url: '/api/incidents/along-route',
      headers: { cookie: cookies.get(who) ?? '', origin: TEST_ORIGIN },
      payload: {
        route: {
          type: 'LineString',
          coordinates: [
            [72.94, 34.79],
            [73.29, 35.29],
          ],
        },
        radiusKm: 15,
      },
    });
    expect(idsOf(along.json())).toEqual(expected);
    const months = (await get(who, '/api/incidents/monthly')).json().months as { count: number }[];
    expect(months.reduce((sum, m) => sum + m.count, 0)).toBe(expected.length);

    for (const [name, id] of ids) {
      const readable = expected.includes(id);
      expect((await get(who, `/api/incidents/${id}`)).statusCode, `${who} detail ${name}`).toBe(
        readable ? 200 : 404,
      );
      expect(
        (await get(who, `/api/incidents/${id}/history`)).statusCode,
        `${who} history ${name}`,
      ).toBe(readable ? 200 : 404);
    }
  });

  it('shows the release list only to the originating organisation', async () => {
    const id = ids.get('amber to B') ?? '';
    expect((await get('viewerA', `/api/incidents/${id}`)).json().incident.releasableTo).toEqual([
      orgIds.get('orgB'),
    ]);
    expect(
      (await get('analystB', `/api/incidents/${id}`)).json().incident.releasableTo,
    ).toBeUndefined();
  });
});
