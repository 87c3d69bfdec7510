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

const NARRATIVES = {
  english: {
    narrative: 'Convoy of engineers attacked near Besham on the Karakoram Highway.',
    language: 'en',
  },
  chinese: {
    narrative: '一辆载有工程师的车队在贝沙姆附近的喀喇昆仑公路上遭到袭击。',
    language: 'zh-Hans',
  },
  urdu: {
    narrative: 'بشام کے قریب قراقرم ہائی وے پر انجینئروں کے قافلے پر حملہ ہوا۔',
    language: 'ur',
  },
  amber: {
    narrative: 'Reconnaissance of the Dasu camp perimeter reported by guards.',
    language: 'en',
    marking: 'TLP:AMBER',
  },
} as const;

describeEachEngine('searching incidents', (database) => {
  let t: TestApp;
  let author: string;
  let partner: string;

  beforeAll(async () => {
    t = await startTestApp(database());
    author = await signIn(t.app, (await buildUser(t.context, { roles: ['analyst'] })).username);
    partner = await signIn(t.app, (await buildUser(t.context, { roles: ['analyst'] })).username);
    for (const fields of Object.values(NARRATIVES)) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/incidents',
        headers: { cookie: author, origin: TEST_ORIGIN },
        payload: buildIncidentInput(fields),
      });
      expect(response.statusCode).toBe(201);
    }
  });
  afterAll(async () => t.close());

  const search = async (who: string, q: string, extra = '') =>
    (
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/incidents?q=${encodeURIComponent(q)}${extra}`,
          headers: { cookie: who },
        })
      ).json().items as { id: string }[]
    ).length;

  it('finds an English report by words in any case and order', async () => {
    expect(await search(author, 'karakoram CONVOY')).toBe(1);
    expect(await search(author, 'convoy unrelated')).toBe(0);
  });

  it('finds a Chinese report by a Chinese phrase', async () => {
    expect(await search(author, '喀喇昆仑公路')).toBe(1);
    expect(await search(author, '工程师的车队')).toBe(1);
  });

  it('finds an Urdu report by an Urdu word', async () => {
    expect(await search(author, 'قراقرم')).toBe(1);
    expect(await search(author, 'انجینئروں')).toBe(1);
  });

  it('finds only what the reader may read', async () => {
    expect(await search(author, 'Dasu camp')).toBe(1);
    expect(await search(partner, 'Dasu camp')).toBe(0);
    const facets = (
      await t.app.inject({
        method: 'GET',
        url: '/api/incidents/facets?q=perimeter',
        headers: { cookie: partner },
      })
    ).json();
    expect(facets.total).toBe(0);
  });

  it('combines search with filters and treats wildcards as text', async () => {
    expect(await search(author, 'Besham', '&from=2030-01-01')).toBe(0);
    expect(await search(author, '%')).toBe(0);
    expect(await search(author, '_')).toBe(0);
  });
});
