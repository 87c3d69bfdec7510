/**
 * Writing threat reports over HTTP on both engines: field-named 400s that
 * write nothing, drafts kept from everyone but the originator's editors,
 * publish and revoke as versions, and originator-only edits.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/storage.js';
import {
  buildUser,
  signIn,
  startTestApp,
  TEST_ORIGIN,
  type TestApp,
} from '../../../test/support/app.js';
import { buildThreatActorInput, buildThreatReportInput } from '../../../test/support/factories.js';

describeEachEngine('writing threat reports', (database) => {
  let t: TestApp;
  let analyst: string;
  let colleague: string;
  let viewer: string;
  let partner: string;

  beforeAll(async () => {
    t = await startTestApp(database());
    const a = await buildUser(t.context, { roles: ['analyst'] });
    analyst = await signIn(t.app, a.username);
    const duty = await buildUser(t.context, { roles: ['duty_officer'], orgId: a.orgId });
    colleague = await signIn(t.app, duty.username);
    const v = await buildUser(t.context, { roles: ['viewer'], orgId: a.orgId });
    viewer = await signIn(t.app, v.username);
    partner = await signIn(t.app, (await buildUser(t.context, { roles: ['analyst'] })).username);
  });
  afterAll(async () => t.close());

  const send = (cookie: string, method: 'POST' | 'PUT', url: string, payload: object = {}) =>
    t.app.inject({ method, url, headers: { cookie, origin: TEST_ORIGIN }, payload });
  const get = (cookie: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie } });
  const listIds = async (cookie: string, query = '') =>
    (
      (await get(cookie, `/api/threat-reports?limit=500&${query}`)).json().items as { id: string }[]
    ).map((i) => i.id);
  const issuesOf = (body: string) =>
    (JSON.parse(body) as { error: { issues?: { path: string }[] } }).error.issues?.map(
      (i) => i.path,
    ) ?? [];

  it.each([
    ['a source reliability of G', { sourceReliability: 'G' }, ['sourceReliability']],
    ['an information credibility of 7', { informationCredibility: 7 }, ['informationCredibility']],
    [
      'both graded in one scale',
      { sourceReliability: '2', informationCredibility: 'B' },
      ['sourceReliability', 'informationCredibility'],
    ],
    [
      'a window that ends before it starts',
      { validFrom: '2026-12-31T00:00:00Z', validUntil: '2026-12-01T00:00:00Z' },
      ['validUntil'],
    ],
    [
      'a circle wider than 500 km',
      { area: { kind: 'circle', lat: 34.9, lon: 72.9, radiusKm: 501 } },
      ['area.radiusKm'],
    ],
    [
      'an open polygon',
      {
        area: {
          kind: 'polygon',
          polygon: {
            type: 'Polygon',
            coordinates: [
              [
                [72, 34],
                [73, 34],
                [73, 35],
                [72, 35],
              ],
            ],
          },
        },
      },
      ['area.polygon.coordinates.0'],
    ],
    ['an unknown language', { language: 'fr' }, ['language']],
    ['an unknown target type', { targetType: 'embassy' }, ['targetType']],
    ['a narrative over 50,000 characters', { narrative: 'x'.repeat(50_001) }, ['narrative']],
    [
      'an ACLED sub-event type that does not exist',
      { modusOperandi: { description: '', acledSubEventType: 'Ambush' } },
      ['modusOperandi.acledSubEventType'],
    ],
  ])(
    'refuses %s with a 400 naming the field and writes nothing',
    async (_name, overrides, fields) => {
      const before = (await listIds(analyst)).length;
      const response = await send(analyst, 'POST', '/api/threat-reports', {
        ...buildThreatReportInput(),
        ...overrides,
      });
      expect(response.statusCode).toBe(400);
      expect(issuesOf(response.body)).toEqual(expect.arrayContaining(fields));
      expect((await listIds(analyst)).length).toBe(before);
    },
  );

  it('refuses a threat actor the author cannot read exactly as one that does not exist', async () => {
    const hidden = (
      await send(
        partner,
        'POST',
        '/api/threat-actors',
        buildThreatActorInput({ marking: 'TLP:AMBER' }),
      )
    ).json().threatActor.id as string;
    const missing = 'threat-actor--00000000-0000-4000-8000-000000000000';
    for (const id of [hidden, missing]) {
      const response = await send(
        analyst,
        'POST',
        '/api/threat-reports',
        buildThreatReportInput({ threatActorIds: [id] }),
      );
      expect(response.statusCode).toBe(400);
      expect(response.json().error.issues).toEqual([
        { path: 'threatActorIds', message: 'names a threat actor that you cannot read' },
      ]);
    }
  });

  it('keeps a CLEAR draft from other organisations and from viewers of its own', async () => {
    const draft = (
      await send(
        analyst,
        'POST',
        '/api/threat-reports',
        buildThreatReportInput({ marking: 'TLP:CLEAR' }),
      )
    ).json().threatReport;
    expect(draft.status).toBe('draft');
    expect((await get(colleague, `/api/threat-reports/${draft.id}`)).statusCode).toBe(200);
    for (const cookie of [partner, viewer]) {
      expect((await get(cookie, `/api/threat-reports/${draft.id}`)).statusCode).toBe(404);
      expect(await listIds(cookie)).not.toContain(draft.id);
    }
    // A partner may not even learn that the draft exists by trying to change it.
    expect(
      (await send(partner, 'PUT', `/api/threat-reports/${draft.id}`, buildThreatReportInput()))
        .statusCode,
    ).toBe(404);
    expect(
      (await send(partner, 'POST', `/api/threat-reports/${draft.id}/publish`)).statusCode,
    ).toBe(404);
  });

  it('publishes, corrects and revokes as versions, each step by the rules of its status', async () => {
    const id = (
      await send(analyst, 'POST', '/api/threat-reports', buildThreatReportInput({ title: 'v1' }))
    ).json().threatReport.id as string;
    expect((await send(analyst, 'POST', `/api/threat-reports/${id}/revoke`)).statusCode).toBe(409);
    t.clock.advance(1_000);
    const publishing = await send(analyst, 'POST', `/api/threat-reports/${id}/publish`);
    expect(publishing.json().threatReport.status).toBe('published');
    expect((await send(analyst, 'POST', `/api/threat-reports/${id}/publish`)).statusCode).toBe(409);
    expect((await get(partner, `/api/threat-reports/${id}`)).statusCode).toBe(200);
    expect(
      (await send(partner, 'PUT', `/api/threat-reports/${id}`, buildThreatReportInput()))
        .statusCode,
    ).toBe(403);
    t.clock.advance(1_000);
    const corrected = await send(
      colleague,
      'PUT',
      `/api/threat-reports/${id}`,
      buildThreatReportInput({ title: 'v2' }),
    );
    expect(corrected.json().threatReport).toMatchObject({ title: 'v2', status: 'published' });
    t.clock.advance(1_000);
    expect((await send(analyst, 'POST', `/api/threat-reports/${id}/revoke`)).statusCode).toBe(200);
    expect(
      (await send(analyst, 'PUT', `/api/threat-reports/${id}`, buildThreatReportInput()))
        .statusCode,
    ).toBe(409);
    expect(await listIds(analyst)).not.toContain(id);
    expect(await listIds(analyst, 'status=revoked')).toContain(id);
    const versions = (await get(analyst, `/api/threat-reports/${id}/history`)).json().versions as {
      revoked: boolean;
      report: { title: string; status: string };
    }[];
    expect(versions.map((v) => [v.report.title, v.report.status, v.revoked])).toEqual([
      ['v2', 'revoked', true],
      ['v2', 'published', false],
      ['v1', 'published', false],
      ['v1', 'draft', false],
    ]);
    const partnerVersions = (await get(partner, `/api/threat-reports/${id}/history`)).json()
      .versions;
    expect(partnerVersions).toHaveLength(3);
  });
});
