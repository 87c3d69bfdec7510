import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/support/storage.js';
import {
  buildUser,
  signIn,
  startTestApp,
  TEST_ORIGIN,
  type TestApp,
} from '../../test/support/app.js';

describeEachEngine('the HTTP server', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(database());
  });
  afterAll(async () => t.close());

  it('answers the health and readiness probes without signing in', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({
      status: 'ok',
    });
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({
      status: 'ready',
      storage: database().engine,
    });
  });

  it('sends a Content-Security-Policy and the other security headers on every response', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/me' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-request-id']).toBe(response.json().error.requestId);
  });

  it('publishes an OpenAPI 3 document built from the route schemas', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/me', '/api/users', '/api/organisations']),
    );
    expect(
      document.paths['/api/auth/login'].post.requestBody.content['application/json'].schema
        .required,
    ).toEqual(['username', 'password']);
  });

  it('answers an unknown API path with a catalogue 404', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });

  it('turns malformed JSON into a 400 that reveals nothing of the parser', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'The request could not be understood.',
    });
  });
});

describeEachEngine('Bearer tokens that fail', (database) => {
  let t: TestApp;
  let validToken: string;
  beforeAll(async () => {
    t = await startTestApp(database());
    const cookie = await signIn(t.app, (await buildUser(t.context)).username);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/me/tokens',
      headers: { cookie, origin: TEST_ORIGIN },
      payload: { name: 'integration', scopes: ['profile:read'], expiresInDays: 30 },
    });
    validToken = created.json<{ token: string }>().token;
  });
  afterAll(async () => t.close());

  const me = (token: string, remoteAddress: string) =>
    t.app.inject({
      method: 'GET',
      url: '/api/me',
      remoteAddress,
      headers: { authorization: `Bearer ${token}` },
    });

  const auditRows = (action: string, address: string) =>
    t.context.storage.db
      .selectFrom('audit_log')
      .select(['outcome', 'address', 'request_id', 'details'])
      .where('action', '=', action)
      .where('address', '=', address)
      .orderBy('seq')
      .execute();

  it('audits an unknown token as token.invalid with the address, request id and route, never the token', async () => {
    const guess = 'tdm_GUESSED-TOKEN-MUST-NOT-BE-AUDITED';
    const response = await me(guess, '198.51.100.7');
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('TOKEN_INVALID');
    const rows = await auditRows('token.invalid', '198.51.100.7');
    expect(rows).toEqual([
      {
        outcome: 'denied',
        address: '198.51.100.7',
        request_id: response.headers['x-request-id'],
        details: expect.any(String),
      },
    ]);
    expect(JSON.parse(String(rows[0]?.details))).toEqual({ path: '/api/me' });
    expect(JSON.stringify(rows)).not.toContain('GUESSED-TOKEN');
  });

  it('locks an address after too many bad tokens, refusing even a valid one with 429 until the lockout passes', async () => {
    const { addressFailureLimit, lockoutMinutes } = t.context.identity.settings;
    const address = '198.51.100.8';
    expect((await me(validToken, address)).statusCode).toBe(200);
    for (let attempt = 0; attempt < addressFailureLimit; attempt++) {
      expect((await me(`tdm_guess-${attempt}`, address)).statusCode).toBe(401);
    }
    const failures = await auditRows('token.invalid', address);
    expect(failures).toHaveLength(addressFailureLimit);
    expect(JSON.parse(String(failures.at(-1)?.details))).toEqual({
      path: '/api/me',
      locked: 'address',
    });

    const locked = await me(validToken, address);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(await auditRows('token.throttled', address)).toHaveLength(1);
    // Locked before the token is looked up: a guess is not even counted.
    expect((await me('tdm_another-guess', address)).statusCode).toBe(429);
    expect(await auditRows('token.invalid', address)).toHaveLength(addressFailureLimit);
    // Other addresses are not locked out.
    expect((await me(validToken, '198.51.100.9')).statusCode).toBe(200);

    t.clock.advance((lockoutMinutes + 1) * 60_000);
    expect((await me(validToken, address)).statusCode).toBe(200);
  });
});

describeEachEngine('the error handler', (database) => {
  it('turns an unexpected error into a plain 500 with only a request id', async () => {
    const t = await startTestApp(database(), (app) => {
      app.get('/api/test-explodes', { config: { public: true } }, () => {
        throw new Error('secret detail: connection string postgres://user:pw@db');
      });
    });
    try {
      const response = await t.app.inject({ method: 'GET', url: '/api/test-explodes' });
      expect(response.statusCode).toBe(500);
      expect(response.body).not.toContain('secret');
      expect(response.json().error).toMatchObject({
        code: 'INTERNAL',
        message: 'Something went wrong. The error has been logged.',
      });
    } finally {
      await t.close();
    }
  });
});

describeEachEngine('structured logs', (database) => {
  it('carry the request id and never the token, cookie or password', async () => {
    const lines: string[] = [];
    const t = await startTestApp(database(), undefined, {
      logLevel: 'info',
      logStream: { write: (line) => lines.push(line) },
    });
    try {
      const secretToken = 'tdm_THIS-TOKEN-MUST-NOT-BE-LOGGED';
      const withToken = await t.app.inject({
        method: 'GET',
        url: '/api/me',
        headers: {
          authorization: `Bearer ${secretToken}`,
          cookie: 'tandem_session=COOKIE-MUST-NOT-BE-LOGGED',
        },
      });
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'someone', password: 'PASSWORD-MUST-NOT-BE-LOGGED' },
      });
      const log = lines.join('');
      expect(log).toContain(withToken.headers['x-request-id']);
      expect(log).toContain('[redacted]');
      expect(log).not.toContain('THIS-TOKEN-MUST-NOT-BE-LOGGED');
      expect(log).not.toContain('COOKIE-MUST-NOT-BE-LOGGED');
      expect(log).not.toContain('PASSWORD-MUST-NOT-BE-LOGGED');
    } finally {
      await t.close();
    }
  });
});
