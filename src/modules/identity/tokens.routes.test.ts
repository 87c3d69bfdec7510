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

describeEachEngine('API tokens', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(database());
  });
  afterAll(async () => t.close());

  async function createToken(
    cookie: string,
    scopes: string[],
    expiresInDays = 30,
  ): Promise<{ token: string; id: string }> {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/me/tokens',
      headers: { cookie, origin: TEST_ORIGIN },
      payload: { name: 'integration', scopes, expiresInDays },
    });
    expect(response.statusCode).toBe(201);
    const body = response.json<{ token: string; item: { id: string } }>();
    return { token: body.token, id: body.item.id };
  }

  const withToken = (token: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

  it('shows the token once and never again', async () => {
    const cookie = await signIn(t.app, (await buildUser(t.context)).username);
    const { token } = await createToken(cookie, ['profile:read']);
    expect(token).toMatch(/^tdm_/);
    const list = await t.app.inject({ method: 'GET', url: '/api/me/tokens', headers: { cookie } });
    expect(list.body).not.toContain(token);
    expect(list.json().items).toHaveLength(1);
  });

  it('answers a token with the right scope and refuses one with the wrong scope with 403, audited', async () => {
    const cookie = await signIn(t.app, (await buildUser(t.context)).username);
    const profile = await createToken(cookie, ['profile:read']);
    const intel = await createToken(cookie, ['intel:read']);
    expect((await withToken(profile.token, '/api/me')).statusCode).toBe(200);
    const denied = await withToken(intel.token, '/api/me');
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('TOKEN_SCOPE_INSUFFICIENT');
    expect(
      await countAuditEntries(t.context.storage.db, 'token.scope_denied'),
    ).toBeGreaterThanOrEqual(1);
    expect(await countAuditEntries(t.context.storage.db, 'token.used')).toBeGreaterThanOrEqual(2);
  });

  it('refuses tokens on routes that name no scope (token management needs a session)', async () => {
    const cookie = await signIn(t.app, (await buildUser(t.context)).username);
    const { token } = await createToken(cookie, [
      'profile:read',
      'intel:read',
      'intel:write',
      'admin',
    ]);
    expect((await withToken(token, '/api/me/tokens')).statusCode).toBe(403);
  });

  it('refuses a revoked token and an expired token', async () => {
    const cookie = await signIn(t.app, (await buildUser(t.context)).username);
    const revoked = await createToken(cookie, ['profile:read']);
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/me/tokens/${revoked.id}`,
      headers: { cookie, origin: TEST_ORIGIN },
    });
    expect(revoke.statusCode).toBe(204);
    expect((await withToken(revoked.token, '/api/me')).statusCode).toBe(401);

    const expiring = await createToken(cookie, ['profile:read'], 1);
    expect((await withToken(expiring.token, '/api/me')).statusCode).toBe(200);
    t.clock.advance(25 * 3_600_000);
    expect((await withToken(expiring.token, '/api/me')).json().error.code).toBe('TOKEN_INVALID');
  });

  it("cannot revoke another user's token", async () => {
    const owner = await signIn(t.app, (await buildUser(t.context)).username);
    const other = await signIn(t.app, (await buildUser(t.context)).username);
    const { id, token } = await createToken(owner, ['profile:read']);
    const attempt = await t.app.inject({
      method: 'DELETE',
      url: `/api/me/tokens/${id}`,
      headers: { cookie: other, origin: TEST_ORIGIN },
    });
    expect(attempt.statusCode).toBe(404);
    expect((await withToken(token, '/api/me')).statusCode).toBe(200);
  });
});
