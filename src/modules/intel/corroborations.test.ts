/**
 * Corroboration on both engines: who may add one, what it may be added to,
 * and the counts — distinct organisations per kind, independent of the
 * originator, over what the reader may read.
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
import {
  buildCorroborationInput,
  buildIncidentInput,
  buildThreatReportInput,
} from '../../../test/support/factories.js';

describeEachEngine('corroborating reports and incidents', (database) => {
  let t: TestApp;
  let author: string;
  let partnerB: string;
  let partnerB2: string;
  let liaisonC: string;
  let outsiderD: string;
  let viewerB: string;
  let orgB: string;
  let orgC: string;

  beforeAll(async () => {
    t = await startTestApp(database());
    author = await signIn(t.app, (await buildUser(t.context, { roles: ['analyst'] })).username);
    const b = await buildUser(t.context, { roles: ['analyst'] });
    orgB = b.orgId;
    partnerB = await signIn(t.app, b.username);
    partnerB2 = await signIn(
      t.app,
      (await buildUser(t.context, { roles: ['liaison'], orgId: orgB })).username,
    );
    viewerB = await signIn(
      t.app,
      (await buildUser(t.context, { roles: ['viewer'], orgId: orgB })).username,
    );
    const c = await buildUser(t.context, { roles: ['liaison'] });
    orgC = c.orgId;
    liaisonC = await signIn(t.app, c.username);
    outsiderD = await signIn(t.app, (await buildUser(t.context, { roles: ['analyst'] })).username);
  });
  afterAll(async () => t.close());

  const post = (cookie: string, url: string, payload: object = {}) =>
    t.app.inject({ method: 'POST', url, headers: { cookie, origin: TEST_ORIGIN }, payload });
  const get = (cookie: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie } });
  const publishedReport = async (overrides = {}) => {
    const id = (await post(author, '/api/threat-reports', buildThreatReportInput(overrides))).json()
      .threatReport.id as string;
    expect((await post(author, `/api/threat-reports/${id}/publish`)).statusCode).toBe(200);
    return id;
  };
  const countsOf = async (cookie: string, id: string) =>
    (await get(cookie, `/api/threat-reports/${id}`)).json().threatReport.corroboration;

  it('answers 404 to a partner who cannot read the subject, and stores nothing', async () => {
    const id = await publishedReport({ marking: 'TLP:AMBER', releasableTo: [orgB] });
    const refused = await post(outsiderD, '/api/corroborations', buildCorroborationInput(id));
    expect(refused.statusCode).toBe(404);
    expect(await countsOf(author, id)).toEqual({
      byKind: { confirm: 0, deny: 0, additional_detail: 0 },
      organisations: 0,
    });
    expect((await get(outsiderD, `/api/corroborations?subjectId=${id}`)).statusCode).toBe(404);
  });

  it('counts distinct organisations per kind, not corroborations, and leaves out the originator', async () => {
    const id = await publishedReport();
    for (const [cookie, kind] of [
      [partnerB, 'confirm'],
      [partnerB2, 'confirm'],
      [partnerB2, 'additional_detail'],
      [liaisonC, 'confirm'],
      [liaisonC, 'deny'],
      [author, 'additional_detail'],
    ] as const) {
      const response = await post(
        cookie,
        '/api/corroborations',
        buildCorroborationInput(id, { kind }),
      );
      expect(response.statusCode, response.body).toBe(201);
    }
    expect(await countsOf(author, id)).toEqual({
      byKind: { confirm: 2, deny: 1, additional_detail: 1 },
      organisations: 2,
    });
  });

  it('counts only the corroborations the reader may read', async () => {
    const id = await publishedReport();
    const kept = buildCorroborationInput(id, {
      kind: 'deny',
      marking: 'TLP:AMBER',
      releasableTo: [],
    });
    expect((await post(liaisonC, '/api/corroborations', kept)).statusCode).toBe(201);
    const toAuthorOnly = await post(
      partnerB,
      '/api/corroborations',
      buildCorroborationInput(id, { marking: 'TLP:AMBER', releasableTo: [orgC] }),
    );
    expect(toAuthorOnly.statusCode).toBe(201);
    expect((await countsOf(author, id)).organisations).toBe(0);
    expect(await countsOf(liaisonC, id)).toEqual({
      byKind: { confirm: 1, deny: 1, additional_detail: 0 },
      organisations: 2,
    });
    const listed = (await get(author, `/api/corroborations?subjectId=${id}`)).json();
    expect(listed.items).toEqual([]);
  });

  it('hides a corroboration from whoever cannot read its subject, even when the corroboration is CLEAR', async () => {
    const id = await publishedReport({ marking: 'TLP:AMBER', releasableTo: [orgB] });
    const note = buildCorroborationInput(id, {
      marking: 'TLP:CLEAR',
      text: 'seen at the checkpoint',
    });
    expect((await post(partnerB, '/api/corroborations', note)).statusCode).toBe(201);
    expect((await get(liaisonC, `/api/corroborations?subjectId=${id}`)).statusCode).toBe(404);
    const listed = (await get(author, `/api/corroborations?subjectId=${id}`)).json();
    expect(listed.items.map((i: { text: string }) => i.text)).toEqual(['seen at the checkpoint']);
    expect(listed.items[0].releasableTo).toBeUndefined();
  });

  it('refuses corroboration to viewers, and of drafts and revoked reports', async () => {
    const id = await publishedReport();
    expect(
      (await post(viewerB, '/api/corroborations', buildCorroborationInput(id))).statusCode,
    ).toBe(403);
    const draft = (await post(author, '/api/threat-reports', buildThreatReportInput())).json()
      .threatReport.id;
    expect(
      (await post(partnerB, '/api/corroborations', buildCorroborationInput(draft))).statusCode,
    ).toBe(404);
    expect(
      (await post(author, '/api/corroborations', buildCorroborationInput(draft))).statusCode,
    ).toBe(409);
    expect((await post(author, `/api/threat-reports/${id}/revoke`)).statusCode).toBe(200);
    expect(
      (await post(partnerB, '/api/corroborations', buildCorroborationInput(id))).statusCode,
    ).toBe(409);
  });

  it('corroborates an incident with a sighting and counts it on the incident', async () => {
    const incident = (await post(author, '/api/incidents', buildIncidentInput())).json().incident
      .id;
    const sighting = await post(
      liaisonC,
      '/api/corroborations',
      buildCorroborationInput(incident, {
        kind: 'additional_detail',
        observedAt: '2024-03-26T09:15:00+05:00',
        place: { lat: 34.93, lon: 72.86, name: 'Besham bazaar' },
      }),
    );
    expect(sighting.statusCode, sighting.body).toBe(201);
    expect(sighting.json().corroboration).toMatchObject({
      subjectId: incident,
      observedAt: '2024-03-26T04:15:00.000Z',
      releasableTo: [],
    });
    expect(
      (await get(author, `/api/incidents/${incident}/corroboration`)).json().corroboration,
    ).toEqual({
      byKind: { confirm: 0, deny: 0, additional_detail: 1 },
      organisations: 1,
    });
  });
});
