import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/storage.js';
import {
  buildUser,
  signIn,
  startTestApp,
  TEST_ORIGIN,
  type TestApp,
} from '../../../test/support/app.js';
import { buildIncidentInput } from '../../../test/support/factories.js';
import { countAuditEntries, searchAuditLog } from '../audit/audit.repository.js';

describeEachEngine('bulk incident ingest over HTTP', (database) => {
  let t: TestApp;
  let analyst: string;
  let viewer: string;

  beforeAll(async () => {
    t = await startTestApp(database());
    const a = await buildUser(t.context, { roles: ['analyst'] });
    analyst = await signIn(t.app, a.username);
    viewer = await signIn(
      t.app,
      (await buildUser(t.context, { roles: ['viewer'], orgId: a.orgId })).username,
    );
  });
  afterAll(async () => t.close());

  const post = (cookie: string, payload: object) =>
    t.app.inject({
      method: 'POST',
      url: '/api/incidents/bulk',
      headers: { cookie, origin: TEST_ORIGIN },
      payload,
    });
  const counts = async () => {
    const db = database().storage.db;
    const one = async (table: 'records' | 'record_versions' | 'incidents' | 'record_search') =>
      Number(
        (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db))
          .rows[0]?.n,
      );
    return {
      records: await one('records'),
      versions: await one('record_versions'),
      incidents: await one('incidents'),
      search: await one('record_search'),
    };
  };
  const issuesOf = (body: string) =>
    (JSON.parse(body) as { error: { issues?: { path: string }[] } }).error.issues?.map(
      (i) => i.path,
    );

  it('stores every incident with its record and search text, under one audit entry', async () => {
    const before = await counts();
    const incidents = Array.from({ length: 250 }, (_, i) =>
      buildIncidentInput({ narrative: `Bulk incident ${i}` }),
    );
    const response = await post(analyst, { incidents, source: 'partner feed' });
    expect(response.statusCode).toBe(201);
    const body = response.json<{ ids: string[]; count: number }>();
    expect(body.count).toBe(250);
    expect(new Set(body.ids).size).toBe(250);
    const after = await counts();
    for (const key of ['records', 'incidents', 'search'] as const)
      expect(after[key] - before[key]).toBe(250);
    // A new record's only version is its current one, in `records`.
    expect(after.versions).toBe(before.versions);
    const history = await t.app.inject({
      method: 'GET',
      url: `/api/incidents/${body.ids[0]}/history`,
      headers: { cookie: analyst },
    });
    expect(history.json().versions).toHaveLength(1);
    const [entry] = await searchAuditLog(t.context.storage.db, {
      action: 'record.imported',
      limit: 5,
    });
    expect(JSON.parse(entry?.details ?? '{}')).toEqual({
      count: 250,
      firstId: body.ids[0],
      lastId: body.ids[249],
      source: 'partner feed',
    });
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/incidents/${body.ids[7]}`,
      headers: { cookie: viewer },
    });
    expect(detail.statusCode).toBe(200);
  });

  it('refuses a request with one bad row, naming the row and field, and writes nothing', async () => {
    const before = await counts();
    const audited = await countAuditEntries(t.context.storage.db, 'record.imported');
    const incidents = [buildIncidentInput(), buildIncidentInput(), buildIncidentInput()];
    const bad = { ...incidents[2], place: { ...incidents[2]?.place, lat: 95 } };
    const response = await post(analyst, { incidents: [incidents[0], incidents[1], bad] });
    expect(response.statusCode).toBe(400);
    expect(issuesOf(response.body)).toContain('incidents.2.place.lat');
    expect(await counts()).toEqual(before);
    expect(await countAuditEntries(t.context.storage.db, 'record.imported')).toBe(audited);
  });

  it('refuses a release list that does not fit the marking, naming the row', async () => {
    const before = await counts();
    const response = await post(analyst, {
      incidents: [
        buildIncidentInput(),
        buildIncidentInput({
          marking: 'TLP:RED',
          releasableTo: ['identity--00000000-0000-4000-8000-000000000009'],
        }),
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(issuesOf(response.body)).toEqual(['incidents.1.releasableTo']);
    expect(await counts()).toEqual(before);
  });

  it('refuses a viewer, who may not record incidents', async () => {
    const response = await post(viewer, { incidents: [buildIncidentInput()] });
    expect(response.statusCode).toBe(403);
  });

  it('refuses more than 5,000 incidents in one request', async () => {
    const incidents = Array.from({ length: 5_001 }, () => buildIncidentInput());
    const response = await post(analyst, { incidents });
    expect(response.statusCode).toBe(400);
    expect(issuesOf(response.body)).toContain('incidents');
  });
});
