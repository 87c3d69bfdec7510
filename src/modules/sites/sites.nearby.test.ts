/**
 * What is near a site, on both engines: incidents within the radius and the
 * last days that the reader may read, and published threat reports valid now
 * whose area meets the site's fence — never an unreadable record, a draft or
 * an expired report.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { circleToPolygon } from '../../core/geo/index.js';
import { buildIncidentInput, buildThreatReportInput } from '../../../test/support/factories.js';
import { describeEachEngine } from '../../../test/support/storage.js';
import type { IncidentInput } from '../incidents/incidents.schema.js';
import type { ThreatReportInput } from '../intel/intel.schema.js';
import { sitesScene, type SiteView, type Who } from './test-support/scene.js';

const NEAR = { lat: 35.33, lon: 73.25 }; // about 4 km from the site
const BESHAM = { lat: 34.92, lon: 72.87 }; // about 53 km away
const KARACHI = { lat: 24.86, lon: 67.01 };
const VALID = { validFrom: '2026-11-01T00:00:00.000Z', validUntil: '2026-12-31T00:00:00.000Z' };

interface NearbyView {
  incidents: { items: { id: string; distanceKm: number }[]; truncated: boolean };
  threatReports: { items: { id: string }[]; truncated: boolean };
}

describeEachEngine('protected sites: what is nearby', (database) => {
  let scene: Awaited<ReturnType<typeof sitesScene>>;
  let site: SiteView;
  const ids = new Map<string, string>();

  const created = async (who: Who, url: string, key: string, payload: object) => {
    const response = await scene.send(who, 'POST', url, payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Record<string, { id: string }>>()[key]?.id ?? '';
  };
  const incident = async (
    name: string,
    who: Who,
    at: { lat: number; lon: number },
    o: Partial<IncidentInput> = {},
  ) => {
    const base = buildIncidentInput();
    ids.set(
      name,
      await created(who, '/api/incidents', 'incident', {
        ...base,
        place: { ...base.place, ...at },
        eventDate: '2026-10-15',
        ...o,
      }),
    );
  };
  const report = async (name: string, who: Who, o: Partial<ThreatReportInput>, publish = true) => {
    const id = await created(
      who,
      '/api/threat-reports',
      'threatReport',
      buildThreatReportInput({ ...VALID, ...o }),
    );
    if (publish) {
      const response = await scene.send(who, 'POST', `/api/threat-reports/${id}/publish`);
      expect(response.statusCode, response.body).toBe(200);
    }
    ids.set(name, id);
  };

  beforeAll(async () => {
    scene = await sitesScene(database());
    site = await scene.createSite();
    const kept = { marking: 'TLP:AMBER' as const, releasableTo: [] };
    await incident('near', 'jsccAnalyst', NEAR);
    await incident('near but unreadable', 'outsider', NEAR, kept);
    await incident('besham', 'jsccAnalyst', BESHAM);
    await incident('near but old', 'jsccAnalyst', NEAR, { eventDate: '2025-01-01' });
    const circle = (at: { lat: number; lon: number }, radiusKm: number) => ({
      kind: 'circle' as const,
      ...at,
      radiusKm,
    });
    await report('meets', 'jsccAnalyst', { area: circle({ lat: 35.35, lon: 73.3 }, 5) });
    await report('far', 'jsccAnalyst', { area: circle(KARACHI, 20) });
    await report('draft', 'jsccAnalyst', { area: circle(NEAR, 5) }, false);
    await report('unreadable', 'outsider', { area: circle(NEAR, 5), ...kept });
    await report('expired', 'jsccAnalyst', {
      area: circle(NEAR, 5),
      validFrom: '2026-10-01T00:00:00.000Z',
      validUntil: '2026-11-01T00:00:00.000Z',
    });
    await report('polygon', 'jsccAnalyst', {
      area: { kind: 'polygon', polygon: circleToPolygon({ lat: 35.3, lon: 73.2 }, 15, 12) },
    });
  });
  afterAll(async () => scene.close());

  const nearby = async (query = '') => {
    const response = await scene.send('duty', 'GET', `/api/sites/${site.id}/nearby${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<NearbyView>();
  };
  const names = (items: { id: string }[]) =>
    items.map((item) => [...ids].find(([, id]) => id === item.id)?.[0]).sort();

  it('returns readable incidents within the radius and the last days', async () => {
    const view = await nearby();
    expect(names(view.incidents.items)).toEqual(['near']);
    expect(view.incidents.items[0]?.distanceKm).toBeGreaterThan(3);
    expect(view.incidents.items[0]?.distanceKm).toBeLessThan(5);
    expect(names((await nearby('?radiusKm=60')).incidents.items)).toEqual(['besham', 'near']);
    expect(names((await nearby('?days=1000')).incidents.items)).toEqual(['near', 'near but old']);
  });

  it('returns published readable threat reports valid now whose area meets the fence', async () => {
    expect(names((await nearby()).threatReports.items)).toEqual(['meets', 'polygon']);
  });

  it('shows an outsider only what it may read, through the site it may not read: nothing', async () => {
    const response = await scene.send('outsider', 'GET', `/api/sites/${site.id}/nearby`);
    expect(response.statusCode).toBe(404);
  });

  it('refuses radii out of range', async () => {
    const response = await scene.send('duty', 'GET', `/api/sites/${site.id}/nearby?radiusKm=500`);
    expect(response.statusCode).toBe(400);
  });
});
