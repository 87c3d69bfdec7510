/**
 * Sites under the sharing policy, on both engines: a user of an unrelated
 * organisation sees no site on any path and gets 404 for each of them (the
 * same answer as for an id that does not exist), released organisations read
 * them, and readSite/readSites (what other modules call) agree with HTTP.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/storage.js';
import { toCurrentUser } from '../identity/identity.presenter.js';
import { findUserByUsername } from '../identity/users.repository.js';
import { readSite, readSites } from './sites.read.js';
import { sitesScene, type SiteView, type Who } from './test-support/scene.js';

describeEachEngine('protected sites under the sharing policy', (database) => {
  let scene: Awaited<ReturnType<typeof sitesScene>>;
  let amber: SiteView;
  let kept: SiteView;

  beforeAll(async () => {
    scene = await sitesScene(database());
    amber = await scene.createSite({ name: 'Released site' });
    kept = await scene.createSite({ name: 'Kept site', releasableTo: [] });
  });
  afterAll(async () => scene.close());

  const paths = (id: string) => [
    `/api/sites/${id}`,
    `/api/sites/${id}/history`,
    `/api/sites/${id}/people`,
    `/api/sites/${id}/contacts`,
    `/api/sites/${id}/nearby`,
  ];
  const listed = async (who: Who) =>
    (await scene.send(who, 'GET', '/api/sites?limit=500'))
      .json<{ items: SiteView[] }>()
      .items.map((s) => s.name);

  it('shows an unrelated organisation nothing, and 404 on every path of a site', async () => {
    expect(await listed('outsider')).toEqual([]);
    for (const url of [...paths(amber.id), ...paths(kept.id)]) {
      expect((await scene.send('outsider', 'GET', url)).statusCode, url).toBe(404);
    }
    const unknown = 'site--00000000-0000-7000-8000-000000000000';
    for (const url of paths(unknown)) {
      expect((await scene.send('duty', 'GET', url)).statusCode, url).toBe(404);
    }
    const people = await scene.send('outsider', 'PUT', `/api/sites/${amber.id}/people/2026-11-28`, {
      counts: [{ nationality: 'PK', count: 1 }],
    });
    expect(people.statusCode).toBe(404);
  });

  it('lets released organisations read the site, and only the originator the kept one', async () => {
    expect(await listed('duty')).toEqual(['Kept site', 'Released site']);
    for (const who of ['partnerViewer', 'operatorViewer', 'guardField'] as const) {
      expect(await listed(who)).toEqual(['Released site']);
      expect((await scene.send(who, 'GET', `/api/sites/${kept.id}`)).statusCode).toBe(404);
    }
    const partner = await scene.send('partnerViewer', 'GET', `/api/sites/${amber.id}`);
    const site = partner.json<{ site: SiteView }>().site;
    // Recipients see the marking, not who else received the site.
    expect(site.releasableTo).toBeUndefined();
    expect(site).toMatchObject({ canEdit: false, mayRecordPeople: false, mayReadContacts: false });
  });

  it('answers readSite and readSites as HTTP does', async () => {
    const db = scene.t.context.storage.db;
    const userOf = async (username: string) => {
      const row = await findUserByUsername(db, username);
      if (!row) throw new Error('no such user');
      return toCurrentUser(row);
    };
    const outsider = await userOf(scene.usernames.outsider);
    const partner = await userOf(scene.usernames.partnerViewer);
    expect(await readSite({ db }, amber.id, outsider)).toBeUndefined();
    expect((await readSite({ db }, amber.id, partner))?.name).toBe('Released site');
    const both = await readSites({ db }, [amber.id, kept.id], partner);
    expect([...both.keys()]).toEqual([amber.id]);
  });
});
