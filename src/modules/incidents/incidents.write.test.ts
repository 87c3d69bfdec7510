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

describeEachEngine('recording and correcting incidents', (database) => {
  let t: TestApp;
  let analyst: string;
  let colleague: string;
  let viewer: string;
  let partner: string;

  beforeAll(async () => {
    t = await startTestApp(database());
    const a = await buildUser(t.context, { roles: ['analyst'] });
    analyst = await signIn(t.app, a.username);
    colleague = await signIn(
      t.app,
      (await buildUser(t.context, { roles: ['duty_officer'], orgId: a.orgId })).username,
    );
    viewer = await signIn(
      t.app,
      (await buildUser(t.context, { roles: ['viewer'], orgId: a.orgId })).username,
    );
    partner = await signIn(t.app, (await buildUser(t.context, { roles: ['analyst'] })).username);
  });
  afterAll(async () => t.close());

  const send = (cookie: string, method: 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { cookie, origin: TEST_ORIGIN },
      ...(payload === undefined ? { payload: {} } : { payload: payload as object }),
    });
  const count = async () =>
    (
      await t.app.inject({
        method: 'GET',
        url: '/api/incidents/facets?includeRevoked=true',
        headers: { cookie: analyst },
      })
    ).json().total as number;
  const issuesOf = (body: string) =>
    (JSON.parse(body) as { error: { issues?: { path: string }[] } }).error.issues?.map(
      (i) => i.path,
    ) ?? [];

  it.each([
    [
      'coordinates out of range',
      { place: { name: 'Nowhere', country: 'PK', lat: 95, lon: 200, geoPrecision: 1 } },
      ['place.lat', 'place.lon'],
    ],
    ['an unknown ACLED event type', { eventType: 'Skirmish' }, ['eventType']],
    [
      'a sub-event type of another event type',
      { eventType: 'Riots', subEventType: 'Suicide bomb' },
      ['subEventType'],
    ],
    [
      'wrong types',
      { fatalities: { total: 'six' }, timePrecision: 4 },
      ['timePrecision', 'fatalities.total'],
    ],
    ['a 10 MB narrative', { narrative: 'x'.repeat(10 * 1024 * 1024) }, ['narrative']],
    [
      'a TLP:RED release naming an organisation',
      { marking: 'TLP:RED', releasableTo: ['identity--00000000-0000-4000-8000-000000000001'] },
      ['releasableTo'],
    ],
  ])(
    'refuses %s with a 400 naming the field and writes nothing',
    async (_name, overrides, fields) => {
      const before = await count();
      const response = await send(analyst, 'POST', '/api/incidents', {
        ...buildIncidentInput(),
        ...overrides,
      });
      expect(response.statusCode).toBe(400);
      expect(issuesOf(response.body)).toEqual(expect.arrayContaining(fields));
      expect(await count()).toBe(before);
    },
  );

  it("gives each validation issue zod's code and limits, so clients can translate it", async () => {
    const response = await send(analyst, 'POST', '/api/incidents', {
      ...buildIncidentInput(),
      narrative: 'x'.repeat(60_000),
      timePrecision: 'daily',
      eventType: 'Skirmish',
    });
    expect(response.statusCode).toBe(400);
    const issues = response.json<{ error: { issues: Record<string, unknown>[] } }>().error.issues;
    const byPath = new Map(issues.map((issue) => [issue.path, issue]));
    expect(byPath.get('narrative')).toMatchObject({
      code: 'too_big',
      params: { maximum: expect.any(Number), origin: 'string' },
    });
    expect(byPath.get('timePrecision')).toMatchObject({ code: expect.any(String) });
    expect(byPath.get('eventType')).toMatchObject({
      code: 'invalid_value',
      params: { values: expect.arrayContaining(['Riots']) },
    });
    // The input itself never comes back.
    expect(response.body).not.toContain('xxxxxxxx');
  });

  it('refuses recording to a viewer', async () => {
    expect((await send(viewer, 'POST', '/api/incidents', buildIncidentInput())).statusCode).toBe(
      403,
    );
  });

  it('keeps every correction as a version and lets colleagues of the originator correct it', async () => {
    const created = (
      await send(
        analyst,
        'POST',
        '/api/incidents',
        buildIncidentInput({ narrative: 'first report' }),
      )
    ).json().incident;
    t.clock.advance(60_000);
    const corrected = await send(
      colleague,
      'PUT',
      `/api/incidents/${created.id}`,
      buildIncidentInput({ narrative: 'corrected: six killed' }),
    );
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json().incident.narrative).toBe('corrected: six killed');
    expect(corrected.json().incident.modified > created.modified).toBe(true);
    const history = (
      await t.app.inject({
        method: 'GET',
        url: `/api/incidents/${created.id}/history`,
        headers: { cookie: viewer },
      })
    ).json().versions;
    expect(history.map((v: { incident: { narrative: string } }) => v.incident.narrative)).toEqual([
      'corrected: six killed',
      'first report',
    ]);
  });

  it('lets a partner read a GREEN incident but not change or revoke it', async () => {
    const created = (await send(analyst, 'POST', '/api/incidents', buildIncidentInput())).json()
      .incident;
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/incidents/${created.id}`,
          headers: { cookie: partner },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await send(
          partner,
          'PUT',
          `/api/incidents/${created.id}`,
          buildIncidentInput({ narrative: 'tampered' }),
        )
      ).statusCode,
    ).toBe(403);
    expect((await send(partner, 'POST', `/api/incidents/${created.id}/revoke`)).statusCode).toBe(
      403,
    );
  });

  it('answers 404, not 403, for an incident the caller may not read', async () => {
    const secret = (
      await send(analyst, 'POST', '/api/incidents', buildIncidentInput({ marking: 'TLP:AMBER' }))
    ).json().incident;
    expect(
      (await send(partner, 'PUT', `/api/incidents/${secret.id}`, buildIncidentInput())).statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/incidents/${secret.id}`,
          headers: { cookie: partner },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('revokes as a new version: gone from the list, still in the history', async () => {
    const created = (
      await send(
        analyst,
        'POST',
        '/api/incidents',
        buildIncidentInput({ narrative: 'to be revoked' }),
      )
    ).json().incident;
    t.clock.advance(1_000);
    expect((await send(analyst, 'POST', `/api/incidents/${created.id}/revoke`)).statusCode).toBe(
      200,
    );
    const list = (
      await t.app.inject({
        method: 'GET',
        url: '/api/incidents?limit=500',
        headers: { cookie: analyst },
      })
    ).json().items as { id: string }[];
    expect(list.map((i) => i.id)).not.toContain(created.id);
    const detail = (
      await t.app.inject({
        method: 'GET',
        url: `/api/incidents/${created.id}`,
        headers: { cookie: analyst },
      })
    ).json().incident;
    expect(detail.revoked).toBe(true);
    const history = (
      await t.app.inject({
        method: 'GET',
        url: `/api/incidents/${created.id}/history`,
        headers: { cookie: analyst },
      })
    ).json().versions;
    expect(history.map((v: { revoked: boolean }) => v.revoked)).toEqual([true, false]);
  });

  it('filters by date, type and country and pages with a cursor', async () => {
    for (const [date, type, sub] of [
      ['2021-07-14', 'Explosions/Remote violence', 'Suicide bomb'],
      ['2022-04-26', 'Explosions/Remote violence', 'Suicide bomb'],
      ['2023-01-10', 'Violence against civilians', 'Abduction/forced disappearance'],
    ] as const) {
      await send(
        analyst,
        'POST',
        '/api/incidents',
        buildIncidentInput({ eventDate: date, eventType: type, subEventType: sub }),
      );
    }
    const get = async (query: string) =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/incidents?${query}`,
          headers: { cookie: analyst },
        })
      ).json();
    expect(
      (await get('from=2021-01-01&to=2022-12-31')).items.map(
        (i: { eventDate: string }) => i.eventDate,
      ),
    ).toEqual(['2022-04-26', '2021-07-14']);
    expect((await get('eventType=Violence%20against%20civilians')).items).toHaveLength(1);
    const first = await get('from=2021-01-01&to=2023-12-31&limit=2');
    const second = await get(`from=2021-01-01&to=2023-12-31&limit=2&cursor=${first.nextCursor}`);
    expect(
      [...first.items, ...second.items].map((i: { eventDate: string }) => i.eventDate),
    ).toEqual(['2023-01-10', '2022-04-26', '2021-07-14']);
    expect(second.nextCursor).toBeNull();
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/incidents?from=2024-01-01&to=2023-01-01',
          headers: { cookie: analyst },
        })
      ).statusCode,
    ).toBe(400);
  });
});
