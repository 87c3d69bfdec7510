/**
 * Reading threat reports over HTTP on both engines: the list's filters,
 * full-text search and paging, the map view's areas, and a report naming only
 * the threat actors its reader may read.
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
import { countAuditEntries } from '../audit/audit.repository.js';

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

  it('finds reports by words of their title or narrative in English, Chinese and Urdu', async () => {
    const window = 'from=2031-01-01&to=2031-12-31';
    const dates = { validFrom: '2031-03-01T00:00:00Z', validUntil: '2031-03-31T00:00:00Z' };
    const english = await published({ ...dates, title: 'Kidnap threat to survey teams' });
    const chinese = await published({
      ...dates,
      title: '针对工程师车队的威胁',
      narrative: '有报告称武装分子计划在贝沙姆附近袭击车队。',
      language: 'zh-Hans',
    });
    const urdu = await published({
      ...dates,
      title: 'قافلے کو خطرہ',
      narrative: 'اطلاعات کے مطابق بشام کے قریب حملے کی منصوبہ بندی ہے۔',
      language: 'ur',
    });
    const search = (q: string) => listIds(partner, `${window}&q=${encodeURIComponent(q)}`);
    expect(await search('KIDNAP survey')).toEqual([english]);
    expect(await search('工程师车队')).toEqual([chinese]);
    expect(await search('贝沙姆')).toEqual([chinese]);
    expect(await search('منصوبہ')).toEqual([urdu]);
    expect(await search('kidnap 车队')).toEqual([]);
    await send(
      analyst,
      'POST',
      '/api/threat-reports',
      buildThreatReportInput({ ...dates, title: 'Kidnap draft', marking: 'TLP:GREEN' }),
    );
    // A draft is found by its organisation's editors only.
    expect(await search('kidnap')).toEqual([english]);
    expect(await listIds(analyst, `${window}&q=kidnap&status=draft`)).toHaveLength(1);
    expect(await listIds(partner, `${window}&q=kidnap&status=draft`)).toEqual([]);
  });

  it('returns the areas that meet a map view, as GeoJSON polygons', async () => {
    const dates = { validFrom: '2032-05-01T00:00:00Z', validUntil: '2032-05-31T00:00:00Z' };
    // A 200 km circle centred outside the view still reaches into it.
    const wide = await published({
      ...dates,
      area: { kind: 'circle', lat: 36.0, lon: 74.0, radiusKm: 200 },
    });
    const far = await published({
      ...dates,
      area: { kind: 'circle', lat: 24.9, lon: 67.0, radiusKm: 10 },
    });
    const amber = await published({ ...dates, marking: 'TLP:AMBER' });
    const view = 'west=72&south=34&east=73.5&north=35.5&from=2032-05-01&to=2032-05-31';
    const mine = (await get(analyst, `/api/threat-reports/map?${view}`)).json();
    expect(mine.type).toBe('FeatureCollection');
    expect(mine.truncated).toBe(false);
    const ids = (mine.features as { id: string }[]).map((f) => f.id);
    expect(ids.sort()).toEqual([wide, amber].sort());
    expect(ids).not.toContain(far);
    const feature = (
      mine.features as {
        id: string;
        geometry: { type: string; coordinates: number[][][] };
        properties: Record<string, unknown>;
      }[]
    ).find((f) => f.id === wide);
    expect(feature?.geometry.type).toBe('Polygon');
    expect(feature?.geometry.coordinates[0]).toHaveLength(65);
    expect(feature?.properties).toMatchObject({
      sourceReliability: 'B',
      informationCredibility: 2,
    });
    const theirs = (await get(partner, `/api/threat-reports/map?${view}`)).json();
    expect((theirs.features as { id: string }[]).map((f) => f.id)).toEqual([wide]);
    expect(
      (await get(partner, '/api/threat-reports/map?west=73&south=34&east=72&north=35')).statusCode,
    ).toBe(400);
  });

  it('exports a filtered list as CSV a spreadsheet cannot run, and audits the export', async () => {
    const dates = { validFrom: '2033-01-01T00:00:00Z', validUntil: '2033-01-31T00:00:00Z' };
    const id = await published({ ...dates, title: '=HYPERLINK("http://example.org","click")' });
    const exportsBefore = await countAuditEntries(t.context.storage.db, 'record.exported');
    const response = await get(
      partner,
      '/api/threat-reports/export.csv?from=2033-01-01&to=2033-01-31',
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const lines = response.body.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(id);
    expect(lines[1]).toContain('"\'=HYPERLINK(');
    expect(await countAuditEntries(t.context.storage.db, 'record.exported')).toBe(
      exportsBefore + 1,
    );
    expect(
      (await get(partner, '/api/threat-reports/export.csv?from=2033-02-01&to=2033-01-01'))
        .statusCode,
    ).toBe(400);
  });
});
