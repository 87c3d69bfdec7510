/**
 * An in-process Tandem server on a real test database, driven with
 * `app.inject` (no sockets): the large tier of tests without a browser.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { ManualClock } from '../../src/core/clock.js';
import { loadConfig } from '../../src/app/config.js';
import { createAppContext, type AppContext } from '../../src/app/context.js';
import { buildServer } from '../../src/app/server.js';
import { createOrganisation, createUser } from '../../src/modules/identity/admin.service.js';
import type { Role } from '../../src/core/policy/types.js';
import type { TestDatabase } from './storage.js';

export const TEST_ORIGIN = 'http://tandem.test';
export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestApp {
  app: FastifyInstance;
  context: AppContext;
  clock: ManualClock;
  close(): Promise<void>;
}

/** `extraRoutes` lets a test add a route of its own before the server is sealed. */
export async function startTestApp(
  database: TestDatabase,
  extraRoutes?: (app: FastifyInstance) => void,
  options: { logLevel?: string; logStream?: { write(line: string): void } } = {},
): Promise<TestApp> {
  const clock = new ManualClock('2026-11-28T09:00:00.000Z');
  const config = loadConfig({
    TANDEM_DATABASE_URL: database.url,
    TANDEM_ENV: 'test',
    TANDEM_LOG_LEVEL: options.logLevel ?? 'silent',
    TANDEM_PUBLIC_URL: TEST_ORIGIN,
  });
  const context = createAppContext(config, { storage: database.storage, clock });
  const app = await buildServer(context, options.logStream ? { logStream: options.logStream } : {});
  extraRoutes?.(app);
  await app.ready();
  return { app, context, clock, close: () => app.close() };
}

let counter = 0;
/** A user in a fresh organisation (or the given one), ready to sign in with TEST_PASSWORD. */
export async function buildUser(
  context: AppContext,
  overrides: { roles?: Role[]; orgId?: string; username?: string } = {},
): Promise<{ userId: string; orgId: string; username: string }> {
  counter += 1;
  const suffix = `${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
  let orgId = overrides.orgId;
  if (!orgId) {
    const org = await createOrganisation(
      context.identity,
      { name: `Test organisation ${suffix}`, country: 'PK', kind: 'police' },
      undefined,
    );
    if (!org.ok) throw new Error(org.error);
    orgId = org.value.id;
  }
  const username = overrides.username ?? `user.${suffix}`;
  const user = await createUser(
    context.identity,
    {
      username,
      displayName: `User ${suffix}`,
      orgId,
      roles: overrides.roles ?? ['analyst'],
      password: TEST_PASSWORD,
    },
    undefined,
  );
  if (!user.ok) throw new Error(user.error);
  return { userId: user.value.id, orgId, username };
}

export function sessionCookieFrom(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name.endsWith('tandem_session'));
  if (!cookie)
    throw new Error(`no session cookie (status ${response.statusCode}: ${response.body})`);
  return `${cookie.name}=${cookie.value}`;
}

export async function signIn(
  app: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { origin: TEST_ORIGIN },
    payload: { username, password },
  });
  return sessionCookieFrom(response);
}
