/**
 * Managing webhooks over HTTP, on both engines: an organisation administrator
 * adds one and sees its secret once; lists show only the organisation's own,
 * without secrets; addresses that are not https (or http to this machine) or
 * carry credentials are refused; other roles and other organisations are
 * refused; additions and removals are audited.
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

describeEachEngine('webhook management', (database) => {
  let t: TestApp;
  let adminA: string;
  let analystA: string;
  let adminB: string;

  const post = (cookie: string, payload: object) =>
    t.app.inject({
      method: 'POST',
      url: '/api/webhooks',
      headers: { cookie, origin: TEST_ORIGIN },
      payload,
    });
  const list = (cookie: string) =>
    t.app.inject({ method: 'GET', url: '/api/webhooks', headers: { cookie } });
  const remove = (cookie: string, id: string) =>
    t.app.inject({
      method: 'DELETE',
      url: `/api/webhooks/${id}`,
      headers: { cookie, origin: TEST_ORIGIN },
    });
  const auditOf = (id: string) =>
    t.context.storage.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id', 'details'])
      .where('target_id', '=', id)
      .orderBy('seq')
      .execute();

  beforeAll(async () => {
    t = await startTestApp(database());
    const a = await buildUser(t.context, { roles: ['org_admin'] });
    adminA = await signIn(t.app, a.username);
    analystA = await signIn(
      t.app,
      (await buildUser(t.context, { roles: ['analyst'], orgId: a.orgId })).username,
    );
    adminB = await signIn(t.app, (await buildUser(t.context, { roles: ['org_admin'] })).username);
  });
  afterAll(async () => {
    await t.close();
  });

  it('adds a webhook for an administrator, shows its secret once, and audits it', async () => {
    const created = await post(adminA, {
      url: 'https://hooks.example.org/tandem?key=abc',
      description: 'Operations centre relay',
    });
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      url: 'https://hooks.example.org/tandem?key=abc',
      description: 'Operations centre relay',
    });
    expect(body.id).toMatch(/^webhook--/);
    expect(body.secret).toMatch(/^whsec_.{40,}/);

    const listed = (await list(adminA)).json().items;
    expect(listed).toEqual([
      {
        id: body.id,
        url: body.url,
        description: 'Operations centre relay',
        createdAt: expect.any(String),
      },
    ]);
    expect(JSON.stringify(listed)).not.toContain(body.secret);
    const audit = await auditOf(body.id);
    expect(audit.map((entry) => entry.action)).toEqual(['webhook.created']);
    // The host only: the query string may itself be a receiver's secret.
    expect(JSON.parse(audit[0]?.details ?? '{}')).toEqual({ host: 'hooks.example.org' });
  });

  it('accepts plain http only to this machine', async () => {
    expect((await post(adminA, { url: 'http://127.0.0.1:9000/in' })).statusCode).toBe(201);
    for (const url of [
      'http://hooks.example.org/in',
      'https://user:secret@hooks.example.org/in',
      'ftp://hooks.example.org/in',
    ]) {
      const refused = await post(adminA, { url });
      expect(refused.statusCode, url).toBe(400);
      expect(refused.json().error.code).toBe('WEBHOOK_URL_REFUSED');
    }
  });

  it('refuses users who are not administrators', async () => {
    const created = await post(analystA, { url: 'https://hooks.example.org/in' });
    expect(created.statusCode).toBe(403);
    expect((await list(analystA)).statusCode).toBe(403);
  });

  it("lists only the caller's organisation's webhooks and removes none of another's", async () => {
    const theirs = (await post(adminB, { url: 'https://b.example.org/in' })).json();
    const ours = (await list(adminA)).json().items.map((item: { id: string }) => item.id);
    expect(ours).not.toContain(theirs.id);
    const refused = await remove(adminA, theirs.id);
    expect(refused.statusCode).toBe(404);
    expect((await list(adminB)).json().items.map((item: { id: string }) => item.id)).toContain(
      theirs.id,
    );
  });

  it('removes a webhook once, audited, and it leaves the list', async () => {
    const created = (await post(adminA, { url: 'https://gone.example.org/in' })).json();
    expect((await remove(adminA, created.id)).statusCode).toBe(204);
    expect((await remove(adminA, created.id)).statusCode).toBe(404);
    const ids = (await list(adminA)).json().items.map((item: { id: string }) => item.id);
    expect(ids).not.toContain(created.id);
    expect((await auditOf(created.id)).map((entry) => entry.action)).toEqual([
      'webhook.created',
      'webhook.removed',
    ]);
  });

  it('refuses a malformed id and anonymous callers', async () => {
    expect((await remove(adminA, 'not-an-id')).statusCode).toBe(400);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/webhooks' });
    expect(anonymous.statusCode).toBe(401);
  });
});
