import { afterAll, beforeAll, expect, it } from 'vitest';
import { countAuditEntries } from '../audit/audit.repository.js';
import { describeEachEngine } from '../../../test/support/storage.js';
import {
  buildUser,
  signIn,
  startTestApp,
  TEST_ORIGIN,
  type TestApp,
} from '../../../test/support/app.js';

describeEachEngine('administration over HTTP', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(database());
  });
  afterAll(async () => t.close());

  const send = (cookie: string, method: 'POST' | 'PATCH', url: string, payload: object) =>
    t.app.inject({ method, url, headers: { cookie, origin: TEST_ORIGIN }, payload });

  it('lets a node administrator create an organisation and finds it by search', async () => {
    const admin = await signIn(
      t.app,
      (await buildUser(t.context, { roles: ['node_admin'] })).username,
    );
    const created = await send(admin, 'POST', '/api/organisations', {
      name: 'Gilgit-Baltistan Police',
      country: 'pk',
      kind: 'police',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().organisation).toMatchObject({ country: 'PK', local: true });
    const duplicate = await send(admin, 'POST', '/api/organisations', {
      name: 'gilgit-baltistan police ',
      country: 'PK',
      kind: 'police',
    });
    expect(duplicate.statusCode).toBe(409);
    const found = await t.app.inject({
      method: 'GET',
      url: '/api/organisations?q=baltistan',
      headers: { cookie: admin },
    });
    expect(found.json().items.map((o: { name: string }) => o.name)).toEqual([
      'Gilgit-Baltistan Police',
    ]);
  });

  it('explains which fields are wrong', async () => {
    const admin = await signIn(
      t.app,
      (await buildUser(t.context, { roles: ['node_admin'] })).username,
    );
    const response = await send(admin, 'POST', '/api/organisations', {
      name: 'X',
      country: 'Pakistan',
      kind: 'army',
    });
    expect(response.statusCode).toBe(400);
    const paths = (response.json().error.issues as { path: string }[])
      .map((issue) => issue.path)
      .sort();
    expect(paths).toEqual(['country', 'kind', 'name']);
  });

  it('refuses organisation creation to an analyst', async () => {
    const analyst = await signIn(t.app, (await buildUser(t.context)).username);
    expect(
      (
        await send(analyst, 'POST', '/api/organisations', {
          name: 'Any organisation',
          country: 'PK',
          kind: 'police',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('lets an organisation administrator manage only their own organisation, and never grant node_admin', async () => {
    const orgAdmin = await buildUser(t.context, { roles: ['org_admin'] });
    const cookie = await signIn(t.app, orgAdmin.username);
    const own = await send(cookie, 'POST', '/api/users', {
      username: 'own.analyst',
      displayName: 'Own analyst',
      orgId: orgAdmin.orgId,
      roles: ['analyst'],
      password: 'a long enough password',
    });
    expect(own.statusCode).toBe(201);
    const escalate = await send(cookie, 'POST', '/api/users', {
      username: 'own.admin',
      displayName: 'Escalation',
      orgId: orgAdmin.orgId,
      roles: ['node_admin'],
      password: 'a long enough password',
    });
    expect(escalate.statusCode).toBe(403);
    const stranger = await buildUser(t.context);
    const foreign = await send(cookie, 'PATCH', `/api/users/${stranger.userId}`, {
      disabled: true,
    });
    expect(foreign.statusCode).toBe(404);
    const listed = await t.app.inject({
      method: 'GET',
      url: '/api/users?limit=200',
      headers: { cookie },
    });
    const orgIds = new Set(
      (listed.json().items as { organisation: { id: string } }[]).map((u) => u.organisation.id),
    );
    expect([...orgIds]).toEqual([orgAdmin.orgId]);
  });

  it('audits role changes and every read of the user list', async () => {
    const admin = await signIn(
      t.app,
      (await buildUser(t.context, { roles: ['node_admin'] })).username,
    );
    const target = await buildUser(t.context);
    const before = await countAuditEntries(t.context.storage.db, 'personal_data.read');
    await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: admin } });
    expect(await countAuditEntries(t.context.storage.db, 'personal_data.read')).toBe(before + 1);
    const changed = await send(admin, 'PATCH', `/api/users/${target.userId}`, {
      roles: ['duty_officer', 'analyst'],
    });
    expect(changed.json().user.roles).toEqual(['duty_officer', 'analyst']);
    expect(
      await countAuditEntries(t.context.storage.db, 'user.roles_changed'),
    ).toBeGreaterThanOrEqual(1);
  });

  it('ends the sessions of a disabled user at once', async () => {
    const admin = await signIn(
      t.app,
      (await buildUser(t.context, { roles: ['node_admin'] })).username,
    );
    const target = await buildUser(t.context);
    const targetCookie = await signIn(t.app, target.username);
    await send(admin, 'PATCH', `/api/users/${target.userId}`, { disabled: true });
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: targetCookie } }))
        .statusCode,
    ).toBe(401);
  });

  it('pages through users with a cursor', async () => {
    const admin = await buildUser(t.context, { roles: ['org_admin'] });
    for (let i = 0; i < 4; i += 1)
      await buildUser(t.context, {
        orgId: admin.orgId,
        username: `page.user.${i}.${admin.orgId.slice(-6)}`,
      });
    const cookie = await signIn(t.app, admin.username);
    const first = (
      await t.app.inject({ method: 'GET', url: '/api/users?limit=2', headers: { cookie } })
    ).json();
    const second = (
      await t.app.inject({
        method: 'GET',
        url: `/api/users?limit=2&cursor=${first.nextCursor}`,
        headers: { cookie },
      })
    ).json();
    const third = (
      await t.app.inject({
        method: 'GET',
        url: `/api/users?limit=2&cursor=${second.nextCursor}`,
        headers: { cookie },
      })
    ).json();
    const names = [...first.items, ...second.items, ...third.items].map(
      (u: { username: string }) => u.username,
    );
    expect(names).toHaveLength(5);
    expect(new Set(names).size).toBe(5);
    expect(third.nextCursor).toBeNull();
  });
});

describeEachEngine('bootstrap of the first administrator', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(database());
  });
  afterAll(async () => t.close());

  it('creates the first administrator once with the one-time link, then closes', async () => {
    const { issueBootstrapLink } = await import('./bootstrap.service.js');
    const token = await issueBootstrapLink(t.context.identity);
    expect(token).toBeDefined();
    const payload = {
      token,
      organisation: { name: 'Ministry of Interior', country: 'PK', kind: 'ministry' },
      username: 'first.admin',
      displayName: 'First administrator',
      password: 'a long enough password',
    };
    const session = await t.app.inject({ method: 'GET', url: '/api/session' });
    expect(session.json().bootstrapOpen).toBe(true);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/bootstrap',
      headers: { origin: TEST_ORIGIN },
      payload: { ...payload, token: 'x'.repeat(43) },
    });
    expect(wrong.statusCode).toBe(409);
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/bootstrap',
      headers: { origin: TEST_ORIGIN },
      payload,
    });
    expect(first.statusCode).toBe(201);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/bootstrap',
      headers: { origin: TEST_ORIGIN },
      payload: { ...payload, username: 'second.admin' },
    });
    expect(again.statusCode).toBe(409);
    const cookie = await signIn(t.app, 'first.admin', 'a long enough password');
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.json().user.roles).toEqual(['node_admin', 'org_admin']);
    expect(await countAuditEntries(t.context.storage.db, 'bootstrap.completed')).toBe(1);
    expect(await issueBootstrapLink(t.context.identity)).toBeUndefined();
  });
});
