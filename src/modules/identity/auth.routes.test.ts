import { afterAll, beforeAll, expect, it } from 'vitest';
import { totpAt, totpCounter } from '../../core/totp.js';
import { countAuditEntries } from '../audit/audit.repository.js';
import { describeEachEngine } from '../../../test/support/storage.js';
import {
  buildUser,
  sessionCookieFrom,
  signIn,
  startTestApp,
  TEST_ORIGIN,
  TEST_PASSWORD,
  type TestApp,
} from '../../../test/support/app.js';

describeEachEngine('signing in over HTTP', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(database());
  });
  afterAll(async () => t.close());

  const login = (username: string, password: string, address = '10.0.0.1') =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: address,
      headers: { origin: TEST_ORIGIN },
      payload: { username, password },
    });

  it('signs in with the right password and sets an HttpOnly SameSite=Strict session cookie', async () => {
    const { username } = await buildUser(t.context);
    const response = await login(username, TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', user: { username } });
    const cookie = response.cookies.find((c) => c.name.endsWith('tandem_session'));
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: true });
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: sessionCookieFrom(response) },
    });
    expect(me.json()).toMatchObject({ user: { username, roles: ['analyst'] } });
  });

  it('refuses the tenth wrong password in a row with 429, even before the right one, and audits it', async () => {
    const { username } = await buildUser(t.context);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i += 1)
      statuses.push((await login(username, `wrong password ${i}`)).statusCode);
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
    const locked = await login(username, TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBeDefined();
    expect(
      await countAuditEntries(t.context.storage.db, 'auth.login_throttled'),
    ).toBeGreaterThanOrEqual(1);
    expect(
      await countAuditEntries(t.context.storage.db, 'auth.login_failed'),
    ).toBeGreaterThanOrEqual(5);

    t.clock.advance(16 * 60_000);
    expect((await login(username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('limits failures per address across many usernames', async () => {
    const address = '10.9.9.9';
    for (let i = 0; i < 20; i += 1) await login(`nobody.${i}`, 'wrong password', address);
    const { username } = await buildUser(t.context);
    expect((await login(username, TEST_PASSWORD, address)).statusCode).toBe(429);
  });

  it('gives the same answer for an unknown user as for a wrong password', async () => {
    const unknown = await login('no.such.user', 'whatever password', '10.1.1.1');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('refuses an unsafe cookie request from another origin', async () => {
    const { username } = await buildUser(t.context);
    const cookie = await signIn(t.app, username);
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie, origin: 'https://evil.example' },
      payload: { locale: 'ur' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('ORIGIN_REJECTED');
    const same = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie, origin: TEST_ORIGIN },
      payload: { locale: 'ur' },
    });
    expect(same.json().user.locale).toBe('ur');
  });

  it('requires the TOTP step once MFA is on, and refuses the API until then', async () => {
    const { username } = await buildUser(t.context);
    const cookie = await signIn(t.app, username);
    const setup = await t.app.inject({
      method: 'POST',
      url: '/api/me/mfa/setup',
      headers: { cookie, origin: TEST_ORIGIN },
    });
    const { secret } = setup.json<{ secret: string }>();
    const enable = await t.app.inject({
      method: 'POST',
      url: '/api/me/mfa/enable',
      headers: { cookie, origin: TEST_ORIGIN },
      payload: { code: totpAt(secret, totpCounter(t.clock.now())) },
    });
    expect(enable.json().user.mfaEnabled).toBe(true);

    t.clock.advance(60_000);
    const first = await login(username, TEST_PASSWORD, '10.2.2.2');
    expect(first.json()).toEqual({ status: 'mfa_required' });
    const pending = sessionCookieFrom(first);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: pending } }))
        .statusCode,
    ).toBe(401);

    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa',
      headers: { cookie: pending, origin: TEST_ORIGIN },
      payload: { code: '000000' },
    });
    expect(wrong.statusCode).toBe(401);
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa',
      headers: { cookie: pending, origin: TEST_ORIGIN },
      payload: { code: totpAt(secret, totpCounter(t.clock.now())) },
    });
    expect(right.statusCode).toBe(200);
    const full = sessionCookieFrom(right);
    expect(full).not.toBe(pending);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: full } })).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: pending } }))
        .statusCode,
    ).toBe(401);
  });

  it('signs out: the old cookie no longer works', async () => {
    const { username } = await buildUser(t.context);
    const cookie = await signIn(t.app, username);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/logout',
          headers: { cookie, origin: TEST_ORIGIN },
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode,
    ).toBe(401);
  });
});
