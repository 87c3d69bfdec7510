/**
 * Protected sites over HTTP, on both engines: registering (point and
 * polygon), listing with search, filters and cursors, correcting (a new
 * version in the history), revoking (final; leaves the list and the fence
 * index), field errors, who may edit, and the fence cells that alerts probe.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { latLngToCell } from 'h3-js';
import { circleToPolygon, destinationPoint } from '../../core/geo/index.js';
import { describeEachEngine } from '../../../test/support/storage.js';
import { searchAuditLog } from '../audit/audit.repository.js';
import { subjectsInCells } from '../geofences/geofences.repository.js';
import { findSitesByIds } from './sites.repository.js';
import { siteFence } from './sites.read.js';
import { buildSiteInput, DASU, sitesScene, type SiteView } from './test-support/scene.js';

describeEachEngine('protected sites: write, list, correct, revoke', (database) => {
  let scene: Awaited<ReturnType<typeof sitesScene>>;
  let dasu: SiteView;

  beforeAll(async () => {
    scene = await sitesScene(database());
    dasu = await scene.createSite();
  });
  afterAll(async () => scene.close());

  const listIds = async (query: string) => {
    const response = await scene.send('duty', 'GET', `/api/sites?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: SiteView[]; nextCursor: string | null }>();
  };

  it('registers a point site and presents it for the map', async () => {
    expect(dasu.id).toMatch(/^site--/);
    expect(dasu.location).toEqual({ type: 'Point', coordinates: [DASU.lon, DASU.lat] });
    expect(dasu.centre).toEqual(DASU);
    expect(dasu.operator).toEqual({ id: scene.orgs.operator, name: expect.any(String) });
    expect(dasu.guard.id).toBe(scene.orgs.guard);
    expect(dasu.peopleOnSite).toBeNull();
    expect(dasu.releasableTo).toEqual(scene.siteOrgs.released);
    expect(dasu.canEdit).toBe(true);
    expect(dasu.mayReadContacts).toBe(false); // the coordination cell is neither operator nor guard
    const audit = await searchAuditLog(scene.t.context.storage.db, {
      action: 'record.created',
      targetId: dasu.id,
      limit: 5,
    });
    expect(audit).toHaveLength(1);
  });

  it('registers a polygon site with its centre and polygon geometry', async () => {
    const polygon = circleToPolygon({ lat: 24.78, lon: 67.34 }, 2, 8);
    const site = await scene.createSite({
      name: 'Port Qasim coal power plant',
      type: 'power',
      location: { kind: 'polygon', polygon },
      bufferKm: 3,
    });
    expect(site.location).toEqual(polygon);
    expect(site.centre.lat).toBeCloseTo(24.78, 2);
    expect(site.centre.lon).toBeCloseTo(67.34, 2);
  });

  it('writes fence cells so that a point inside the buffer finds the site', async () => {
    const inside = destinationPoint(DASU, 45, 4.5); // within the 5 km buffer
    const db = scene.t.context.storage.db;
    const found = await subjectsInCells(db, [latLngToCell(inside.lat, inside.lon, 6)], 'site--');
    expect(found).toContain(dasu.id);
    const [row] = await findSitesByIds(db, [dasu.id]);
    expect(row && siteFence(row)).toEqual({ base: { kind: 'point', point: DASU }, bufferKm: 5 });
  });

  it('lists readable sites by name and searches, filters and pages them', async () => {
    await scene.createSite({
      name: 'Karot Hydropower Project',
      location: { kind: 'point', lat: 33.61, lon: 73.6 },
    });
    await scene.createSite({
      name: 'Gwadar Port',
      type: 'port',
      postureLevel: 'high',
      notes: 'Deep-sea berths',
    });
    const all = await listIds('limit=500');
    expect(all.items.map((s) => s.name)).toEqual([
      'Dasu Hydropower Project',
      'Gwadar Port',
      'Karot Hydropower Project',
      'Port Qasim coal power plant',
    ]);
    expect((await listIds('q=hydropower')).items).toHaveLength(2);
    expect((await listIds('q=berths')).items.map((s) => s.name)).toEqual(['Gwadar Port']);
    expect((await listIds('type=port')).items.map((s) => s.name)).toEqual(['Gwadar Port']);
    expect((await listIds('posture=high')).items.map((s) => s.name)).toEqual(['Gwadar Port']);
    const first = await listIds('limit=3');
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).not.toBeNull();
    const second = await listIds(`limit=3&cursor=${first.nextCursor ?? ''}`);
    expect(second.items.map((s) => s.name)).toEqual(['Port Qasim coal power plant']);
    expect(second.nextCursor).toBeNull();
    expect((await scene.send('duty', 'GET', '/api/sites?cursor=garbage')).statusCode).toBe(400);
  });

  it('corrects a site as a new version, kept in its history, and moves its fence', async () => {
    const site = await scene.createSite({ name: 'Diamer-Bhasha Dam' });
    const moved = { kind: 'point' as const, lat: 35.52, lon: 73.74 };
    const response = await scene.send(
      'jsccAnalyst',
      'PUT',
      `/api/sites/${site.id}`,
      buildSiteInput(scene.siteOrgs, {
        name: 'Diamer-Bhasha Dam',
        location: moved,
        postureLevel: 'critical',
      }),
    );
    expect(response.statusCode, response.body).toBe(200);
    const corrected = response.json<{ site: SiteView }>().site;
    expect(corrected.postureLevel).toBe('critical');
    expect(corrected.modified > site.modified).toBe(true);
    const history = await scene.send('duty', 'GET', `/api/sites/${site.id}/history`);
    const versions = history.json<{ versions: { site: { postureLevel: string } }[] }>().versions;
    expect(versions.map((v) => v.site.postureLevel)).toEqual(['critical', 'heightened']);
    const db = scene.t.context.storage.db;
    expect(
      await subjectsInCells(db, [latLngToCell(DASU.lat, DASU.lon, 6)], 'site--'),
    ).not.toContain(site.id);
    expect(await subjectsInCells(db, [latLngToCell(35.52, 73.74, 6)], 'site--')).toContain(site.id);
  });

  it('refuses corrections by other organisations: 403 if they read it, 404 if not', async () => {
    const body = buildSiteInput(scene.siteOrgs);
    const asOperator = await scene.send('operatorManager', 'PUT', `/api/sites/${dasu.id}`, body);
    expect(asOperator.statusCode).toBe(403);
    const asOutsider = await scene.send('outsider', 'PUT', `/api/sites/${dasu.id}`, body);
    expect(asOutsider.statusCode).toBe(404);
  });

  it('names the field at fault', async () => {
    const bad = async (overrides: object) => {
      const response = await scene.send('duty', 'POST', '/api/sites', {
        ...buildSiteInput(scene.siteOrgs),
        ...overrides,
      });
      expect(response.statusCode).toBe(400);
      return response
        .json<{ error: { issues: { path: string }[] } }>()
        .error.issues.map((i) => i.path);
    };
    expect(await bad({ name: '' })).toContain('name');
    expect(await bad({ type: 'castle' })).toContain('type');
    expect(await bad({ bufferKm: 51 })).toContain('bufferKm');
    expect(await bad({ postureLevel: 'relaxed' })).toContain('postureLevel');
    expect(await bad({ operatorOrgId: 'identity--00000000-0000-7000-8000-000000000000' })).toEqual([
      'operatorOrgId',
    ]);
    expect(await bad({ guardOrgId: 'identity--00000000-0000-7000-8000-000000000000' })).toEqual([
      'guardOrgId',
    ]);
    const huge = circleToPolygon(DASU, 300, 8);
    expect(await bad({ location: { kind: 'polygon', polygon: huge } })).toEqual(['location']);
  });

  it('revokes a site once: it leaves the list and the fence index, its detail says revoked', async () => {
    const site = await scene.createSite({ name: 'Temporary camp', type: 'camp' });
    const revoke = () =>
      scene.send('duty', 'POST', `/api/sites/${site.id}/revoke`, { reason: 'Camp closed' });
    const first = await revoke();
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<{ site: SiteView }>().site).toMatchObject({ revoked: true, canEdit: false });
    expect((await revoke()).statusCode).toBe(409);
    expect((await listIds('limit=500')).items.map((s) => s.id)).not.toContain(site.id);
    const db = scene.t.context.storage.db;
    expect(
      await subjectsInCells(db, [latLngToCell(DASU.lat, DASU.lon, 6)], 'site--'),
    ).not.toContain(site.id);
    const detail = await scene.send('duty', 'GET', `/api/sites/${site.id}`);
    expect(detail.json<{ site: SiteView }>().site.revoked).toBe(true);
    const put = await scene.send(
      'duty',
      'PUT',
      `/api/sites/${site.id}`,
      buildSiteInput(scene.siteOrgs),
    );
    expect(put.statusCode).toBe(409);
  });
});
