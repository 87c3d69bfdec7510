import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/storage.js';
import { buildUser, signIn, startTestApp, type TestApp } from '../../../test/support/app.js';
import { buildPlaceIndex, foldName, placeIndex } from './places.service.js';

function city(name: string, country: string, population: number, altName = '') {
  return {
    cityId: 0,
    name,
    altName,
    country,
    adminCode: '',
    population,
    featureCode: 'PPL' as const,
    loc: { type: 'Point' as const, coordinates: [1, 2] as [number, number] },
  };
}

describe('place index', () => {
  const index = buildPlaceIndex([
    city('Springfield', 'US', 150_000),
    city('Springfield', 'AU', 20_000),
    city('West Springfield', 'US', 300_000),
    city('Spring', 'US', 60_000),
    city('São Paulo', 'BR', 12_000_000),
    city('Peking', 'CN', 10, 'Beijing'),
  ]);

  it('ranks the exact name first, then names starting with the query, then those containing it', () => {
    expect(index.search('spring', 10).map((p) => `${p.name}/${p.country}`)).toEqual([
      'Spring/US',
      'Springfield/US',
      'Springfield/AU',
      'West Springfield/US',
    ]);
  });

  it('ignores case and diacritics', () => {
    expect(index.search('SAO PAU', 5).map((p) => p.name)).toEqual(['São Paulo']);
    expect(foldName('  São   Paulo ')).toBe('sao paulo');
  });

  it('finds a place by its other spelling, once', () => {
    expect(index.search('beij', 5).map((p) => p.name)).toEqual(['Peking']);
  });

  it('returns no more than the limit, and nothing for a blank query', () => {
    expect(index.search('spring', 2)).toHaveLength(2);
    expect(index.search('   ', 10)).toEqual([]);
  });
});

describe('GeoNames index', () => {
  it('finds Dasu and Chilas, and Karachi (Pakistan) before smaller namesakes, in well under 10 ms', async () => {
    const index = await placeIndex();
    expect(index.search('Dasu', 10).some((p) => p.name === 'Dasu' && p.country === 'PK')).toBe(
      true,
    );
    expect(index.search('chilas', 10)[0]).toMatchObject({ name: 'Chilas', country: 'PK' });
    const karachi = index.search('Karachi', 10);
    expect(karachi[0]).toMatchObject({ name: 'Karachi', country: 'PK' });
    expect(karachi[0]?.lat).toBeCloseTo(24.86, 1);
    expect(karachi[0]?.lon).toBeCloseTo(67.01, 1);

    const started = performance.now();
    for (const query of ['ka', 'Besham', 'isla', 'kashgar', 'abad', 'dasu', 'z', 'gwadar']) {
      index.search(query, 10);
    }
    expect((performance.now() - started) / 8).toBeLessThan(10);
  });
});

describeEachEngine('GET /api/places', (database) => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await startTestApp(database());
    cookie = await signIn(t.app, (await buildUser(t.context, { roles: ['viewer'] })).username);
  });
  afterAll(async () => t.close());

  const get = (url: string, headers: Record<string, string> = { cookie }) =>
    t.app.inject({ method: 'GET', url, headers });

  it('answers the matching places, largest first, within the limit', async () => {
    const response = await get('/api/places?q=karachi&limit=3');
    expect(response.statusCode).toBe(200);
    const items = response.json<{ items: { name: string; population: number }[] }>().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(3);
    expect(items[0]).toMatchObject({ name: 'Karachi', country: 'PK' });
    expect(Object.keys(items[0] ?? {}).sort()).toEqual([
      'country',
      'lat',
      'lon',
      'name',
      'population',
    ]);
    const many = await get('/api/places?q=a&limit=7');
    expect(many.json().items).toHaveLength(7);
  });

  it('refuses an empty query with 400', async () => {
    expect((await get('/api/places?q=')).statusCode).toBe(400);
    expect((await get('/api/places?q=%20%20')).statusCode).toBe(400);
    expect((await get('/api/places')).statusCode).toBe(400);
  });

  it('is private', async () => {
    expect((await get('/api/places?q=dasu', {})).statusCode).toBe(401);
  });
});
