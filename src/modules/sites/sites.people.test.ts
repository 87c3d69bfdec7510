/**
 * People on site and emergency contacts, on both engines: who may record a
 * day's counts, that every day is kept and the latest is the site's figure;
 * that contacts are read and replaced only by the operator's and guard's
 * users, each read audited as personal data, and never leak into the site's
 * body or history.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/storage.js';
import { searchAuditLog } from '../audit/audit.repository.js';
import type { AuditAction } from '../audit/audit.schema.js';
import { sitesScene, type SiteView, type Who } from './test-support/scene.js';

interface PeopleDayView {
  day: string;
  total: number;
  byNationality: { nationality: string; count: number }[];
}

const CONTACTS = [
  { name: 'Site security manager', role: 'Security manager', phone: '+92 300 000 0101' },
  {
    name: 'Guard commander',
    role: 'Guard force',
    phone: '+92 300 000 0102',
    email: 'guard@example.org',
  },
];

describeEachEngine('protected sites: people on site and emergency contacts', (database) => {
  let scene: Awaited<ReturnType<typeof sitesScene>>;
  let site: SiteView;

  beforeAll(async () => {
    scene = await sitesScene(database());
    site = await scene.createSite();
  });
  afterAll(async () => scene.close());

  const putPeople = (who: Who, day: string, counts: { nationality: string; count: number }[]) =>
    scene.send(who, 'PUT', `/api/sites/${site.id}/people/${day}`, { counts });
  const audit = (action: AuditAction) =>
    searchAuditLog(scene.t.context.storage.db, {
      action,
      targetId: site.id,
      limit: 50,
    });

  it('lets operator and guard users with a counting role, and the originator, record people', async () => {
    const counts = [
      { nationality: 'CN', count: 600 },
      { nationality: 'PK', count: 1400 },
    ];
    for (const who of ['operatorManager', 'operatorField', 'guardField', 'duty'] as const) {
      const response = await putPeople(who, '2026-11-27', counts);
      expect(response.statusCode, `${who}: ${response.body}`).toBe(200);
      expect(response.json<{ day: PeopleDayView }>().day.total).toBe(2000);
    }
    // Neither a viewer of the operator nor a released partner counts; the originator's editors
    // keep the site, so its analyst may, though of neither organisation.
    expect((await putPeople('operatorViewer', '2026-11-27', counts)).statusCode).toBe(403);
    expect((await putPeople('partnerViewer', '2026-11-27', counts)).statusCode).toBe(403);
    expect((await putPeople('jsccAnalyst', '2026-11-27', counts)).statusCode).toBe(200);
    expect((await audit('site.people_recorded')).length).toBe(5);
  });

  it('keeps every day, shows the latest on the site, and leaves it when an older day is corrected', async () => {
    await putPeople('operatorManager', '2026-11-28', [
      { nationality: 'CN', count: 590 },
      { nationality: 'PK', count: 1410 },
      { nationality: 'XX', count: 3 },
    ]);
    await putPeople('operatorManager', '2026-11-26', [{ nationality: 'CN', count: 10 }]);
    const detail = (await scene.send('partnerViewer', 'GET', `/api/sites/${site.id}`)).json<{
      site: SiteView;
    }>().site;
    expect(detail.peopleOnSite).toEqual({
      day: '2026-11-28',
      total: 2003,
      byNationality: [
        { nationality: 'CN', count: 590 },
        { nationality: 'PK', count: 1410 },
        { nationality: 'XX', count: 3 },
      ],
    });
    const listed = (await scene.send('duty', 'GET', '/api/sites')).json<{ items: SiteView[] }>()
      .items;
    expect(listed[0]?.peopleOnSite?.total).toBe(2003);
    const history = await scene.send(
      'partnerViewer',
      'GET',
      `/api/sites/${site.id}/people?from=2026-11-01&to=2026-11-30`,
    );
    expect(history.statusCode, history.body).toBe(200);
    const days = history.json<{ days: PeopleDayView[] }>().days;
    expect(days.map((d) => [d.day, d.total])).toEqual([
      ['2026-11-26', 10],
      ['2026-11-27', 2000],
      ['2026-11-28', 2003],
    ]);
    const narrow = await scene.send(
      'duty',
      'GET',
      `/api/sites/${site.id}/people?from=2026-11-27&to=2026-11-27`,
    );
    expect(narrow.json<{ days: PeopleDayView[] }>().days.map((d) => d.day)).toEqual(['2026-11-27']);
  });

  it('refuses counts far in the future, bad nationalities and repeated ones', async () => {
    expect((await putPeople('operatorManager', '2026-12-05', [])).statusCode).toBe(400);
    expect(
      (await putPeople('operatorManager', '2026-11-28', [{ nationality: 'cn', count: 1 }]))
        .statusCode,
    ).toBe(400);
    const twice = [
      { nationality: 'CN', count: 1 },
      { nationality: 'CN', count: 2 },
    ];
    expect((await putPeople('operatorManager', '2026-11-28', twice)).statusCode).toBe(400);
    expect(
      (await putPeople('operatorManager', '2026-11-28', [{ nationality: 'PK', count: -1 }]))
        .statusCode,
    ).toBe(400);
  });

  it('lets only operator and guard users read contacts, auditing each read', async () => {
    const put = await scene.send('operatorManager', 'PUT', `/api/sites/${site.id}/contacts`, {
      // An empty address means none, so a client may send back what it read.
      contacts: [{ ...CONTACTS[0], email: '' }, CONTACTS[1]],
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(await audit('site.contacts_changed')).toHaveLength(1);
    for (const who of ['operatorManager', 'operatorViewer', 'guardField'] as const) {
      const response = await scene.send(who, 'GET', `/api/sites/${site.id}/contacts`);
      expect(response.statusCode).toBe(200);
      expect(response.json<{ contacts: { name: string; email?: string }[] }>().contacts).toEqual([
        CONTACTS[0],
        CONTACTS[1],
      ]);
    }
    const reads = await audit('personal_data.read');
    expect(reads).toHaveLength(3);
    expect(JSON.parse(reads[0]?.details ?? '{}')).toMatchObject({ what: 'site_contacts' });
    const operatorView = (await scene.send('operatorViewer', 'GET', `/api/sites/${site.id}`)).json<{
      site: SiteView;
    }>();
    expect(operatorView.site.mayReadContacts).toBe(true);
  });

  it('answers 403 to readers of other organisations, 404 to those who cannot read the site', async () => {
    for (const who of ['duty', 'partnerViewer'] as const) {
      expect((await scene.send(who, 'GET', `/api/sites/${site.id}/contacts`)).statusCode).toBe(403);
      const put = await scene.send(who, 'PUT', `/api/sites/${site.id}/contacts`, { contacts: [] });
      expect(put.statusCode).toBe(403);
    }
    expect((await scene.send('outsider', 'GET', `/api/sites/${site.id}/contacts`)).statusCode).toBe(
      404,
    );
    // A viewer of the operator reads contacts but does not keep them.
    const viewerPut = await scene.send('operatorViewer', 'PUT', `/api/sites/${site.id}/contacts`, {
      contacts: [],
    });
    expect(viewerPut.statusCode).toBe(403);
    expect(await audit('personal_data.read')).toHaveLength(3);
  });

  it('keeps contacts out of the site, its history and the audit details', async () => {
    const texts = [
      (await scene.send('duty', 'GET', `/api/sites/${site.id}`)).body,
      (await scene.send('duty', 'GET', `/api/sites/${site.id}/history`)).body,
      JSON.stringify(await audit('site.contacts_changed')),
    ];
    for (const text of texts) expect(text).not.toContain('+92 300 000 0101');
  });

  it('refuses more than 20 contacts', async () => {
    const many = Array.from({ length: 21 }, (_, i) => ({
      name: `Desk ${i}`,
      role: 'Desk',
      phone: `+92 300 000 01${i}`,
    }));
    const response = await scene.send('operatorManager', 'PUT', `/api/sites/${site.id}/contacts`, {
      contacts: many,
    });
    expect(response.statusCode).toBe(400);
  });
});
