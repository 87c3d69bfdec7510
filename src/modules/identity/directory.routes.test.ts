/**
 * The people directory for TLP:RED release lists, on both engines: who may
 * look people up, what a lookup returns (active people, no account details),
 * that it refuses to page through everyone, and that each lookup is audited.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/storage.js';
import { buildUser, signIn, startTestApp, type TestApp } from '../../../test/support/app.js';
import { countAuditEntries } from '../audit/audit.repository.js';
import { patchUser } from './admin.service.js';

describeEachEngine('the people directory', (database) => {
  let t: TestApp;
  let analyst: string;
  let viewer: string;
  let partner: { userId: string; orgId: string; username: string };
  let colleague: { userId: string; orgId: string; username: string };
  let leaver: { userId: string; orgId: string; username: string };

  beforeAll(async () => {
    t = await startTestApp(database());
    analyst = await signIn(t.app, (await buildUser(t.context, { roles: ['analyst'] })).username);
    viewer = await signIn(t.app, (await buildUser(t.context, { roles: ['viewer'] })).username);
    partner = await buildUser(t.context, { roles: ['liaison'] });
    colleague = await buildUser(t.context, { roles: ['viewer'], orgId: partner.orgId });
    leaver = await buildUser(t.context, { roles: ['analyst'], orgId: partner.orgId });
    const disabled = await patchUser(
      t.context.identity,
      leaver.userId,
      { disabled: true },
      undefined,
    );
    expect(disabled.ok).toBe(true);
  });
  afterAll(async () => t.close());

  const get = (cookie: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie } });

  it("lists an organisation's active people by name, without account details", async () => {
    const before = await countAuditEntries(t.context.storage.db, 'personal_data.read');
    const response = await get(analyst, `/api/directory/users?orgId=${partner.orgId}`);
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items as Record<string, unknown>[];
    expect(items.map((item) => item.id).sort()).toEqual([partner.userId, colleague.userId].sort());
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual([
        'active',
        'displayName',
        'id',
        'orgId',
        'organisationName',
      ]);
    }
    expect(await countAuditEntries(t.context.storage.db, 'personal_data.read')).toBe(before + 1);
  });

  it('finds a person by part of their name', async () => {
    const suffix = partner.username.slice('user.'.length);
    const response = await get(analyst, `/api/directory/users?q=${encodeURIComponent(suffix)}`);
    expect((response.json().items as { id: string }[]).map((item) => item.id)).toEqual([
      partner.userId,
    ]);
  });

  it('names the people of a stored release list by their ids, disabled accounts marked', async () => {
    const ids = [partner.userId, colleague.userId, leaver.userId].join(',');
    const response = await get(analyst, `/api/directory/users?ids=${ids}`);
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items as { id: string; active: boolean }[];
    expect(items.map((item) => [item.id, item.active]).sort()).toEqual(
      [
        [partner.userId, true],
        [colleague.userId, true],
        [leaver.userId, false],
      ].sort(),
    );
    expect((await get(analyst, '/api/directory/users?ids=identity--x')).statusCode).toBe(400);
  });

  it('refuses lookups that would page through everyone, and viewers', async () => {
    expect((await get(analyst, '/api/directory/users')).statusCode).toBe(400);
    expect((await get(analyst, '/api/directory/users?q=a')).statusCode).toBe(400);
    expect((await get(analyst, '/api/directory/users?q=us&limit=51')).statusCode).toBe(400);
    expect((await get(viewer, `/api/directory/users?orgId=${partner.orgId}`)).statusCode).toBe(403);
  });
});
