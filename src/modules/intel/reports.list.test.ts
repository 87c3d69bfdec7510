/**
 * Reading threat reports over HTTP on both engines: the list's filters and
 * paging, and a report naming only the threat actors its reader may read.
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

describeEachEngine('listing threat reports', (database) => {
  let t: TestApp;
  let analyst: string;
  let partner: string;

  beforeAll(async () => {
    t = await startTestApp(database());
    const a = await buildUser(t.context, { roles: ['analyst'] });
    analyst = await signIn(t.app, a.username);
    partner = await signIn(t.app, (await buildUser(t.context, { roles: ['analyst'] })).username);
  });
  afterAll(async () => t.close());

  const send = (cookie: string, method: 'POST', url: string, payload: object = {}) =>
    t.app.inject({ method, url, headers: { cookie, origin: TEST_ORIGIN }, payload });
  const get = (cookie: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie } });
  const listIds = async (cookie: string, query = '') =>
    (
      (await get(cookie, `/api/threat-reports?limit=500&${query}`)).json().items as { id: string }[]
    ).map((i) => i.id);
  const published = async (overrides = {}) => {
    const id = (
      await send(analyst, 'POST', '/api/threat-reports', buildThreatReportInput(overrides))
    ).json().threatReport.id as string;
    t.clock.advance(1_000);
    expect((await send(analyst, 'POST', `/api/threat-reports/${id}/publish`)).statusCode).toBe(200);
    return id;
  };

  it('names only the readable threat actors of a report', async () => {
    const shared = (
      await send(
        analyst,
        'POST',
        '/api/threat-actors',
        buildThreatActorInput({ name: 'Shared group' }),
      )
    ).json().threatActor.id as string;
    const own = (
      await send(
        analyst,
        'POST',
        '/api/threat-actors',
        buildThreatActorInput({ name: 'Own group', marking: 'TLP:AMBER' }),
      )
    ).json().threatActor.id as string;
    const id = await published({ threatActorIds: [shared, own] });
    expect(
      (await get(analyst, `/api/threat-reports/${id}`)).json().threatReport.threatActorIds.sort(),
    ).toEqual([shared, own].sort());
    const seen = (await get(partner, `/api/threat-reports/${id}`)).json().threatReport;
    expect(seen.threatActorIds).toEqual([shared]);
    expect(seen.threatActors).toEqual([{ id: shared, name: 'Shared group' }]);
  });

  it('filters by validity window, grading, target type, status and area', async () => {
    const early = await published({
      validFrom: '2030-01-01T00:00:00Z',
      validUntil: '2030-01-10T00:00:00Z',
      sourceReliability: 'A',
      informationCredibility: 1,
      targetType: 'site',
    });
    const late = await published({
      validFrom: '2030-02-01T00:00:00Z',
      validUntil: '2030-02-10T00:00:00Z',
      sourceReliability: 'E',
      informationCredibility: 5,
    });
    const karachi = await published({
      validFrom: '2030-01-05T00:00:00Z',
      validUntil: '2030-02-05T00:00:00Z',
      area: {
        kind: 'polygon',
        polygon: {
          type: 'Polygon',
          coordinates: [
            [
              [66.9, 24.8],
              [67.2, 24.8],
              [67.2, 25.0],
              [66.9, 25.0],
              [66.9, 24.8],
            ],
          ],
        },
      },
    });
    const window = 'from=2030-01-01&to=2030-03-01';
    expect(await listIds(partner, 'from=2030-01-09&to=2030-01-20')).toEqual([karachi, early]);
    expect(await listIds(partner, `${window}&sourceReliability=A,E`)).toEqual([late, early]);
    expect(await listIds(partner, `${window}&informationCredibility=5`)).toEqual([late]);
    expect(await listIds(partner, `${window}&targetType=site`)).toEqual([early]);
    expect(await listIds(partner, `${window}&status=draft`)).toEqual([]);
    expect(await listIds(partner, `${window}&lat=24.9&lon=67.05&radiusKm=30`)).toEqual([karachi]);
    expect(await listIds(partner, `${window}&lat=34.92&lon=72.87&radiusKm=5`)).toEqual([
      late,
      early,
    ]);
    const first = await get(partner, `/api/threat-reports?${window}&limit=2`);
    const second = await get(
      partner,
      `/api/threat-reports?${window}&limit=2&cursor=${first.json().nextCursor}`,
    );
    expect(
      [...first.json().items, ...second.json().items].map((i: { id: string }) => i.id),
    ).toEqual([late, karachi, early]);
    for (const query of [
      'sourceReliability=G',
      'informationCredibility=0',
      'lat=34&lon=72',
      'from=2030-02-01&to=2030-01-01',
    ]) {
      expect((await get(partner, `/api/threat-reports?${query}`)).statusCode, query).toBe(400);
    }
  });
});
