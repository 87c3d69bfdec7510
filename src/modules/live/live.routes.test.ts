/**
 * GET /api/live over a real socket, on both engines: events reach only the
 * readers their resolver allows, in SSE framing with the right headers; a
 * deactivated user's stream ends; streams per user are capped; heartbeats
 * flow; a stream that cannot keep up is closed; closing the server ends
 * open streams instead of hanging.
 */
import { get, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/storage.js';
import { buildUser, signIn, startTestApp, type TestApp } from '../../../test/support/app.js';
import { updateUser } from '../identity/users.repository.js';
import type { CurrentUser } from '../identity/identity.types.js';
import { liveRoutes, type LiveRoutesOptions } from './live.routes.js';
import { readSse, type SseReader } from './sse-reader.js';

/**
 * The route's deps, filled in once the test app (which builds them) exists: the
 * plugin reads them per request, after registration.
 */
function lateDeps(): LiveRoutesOptions['deps'] {
  return {} as LiveRoutesOptions['deps'];
}
const fillDeps = (deps: LiveRoutesOptions['deps'], from: TestApp) =>
  Object.assign(deps, { db: from.context.storage.db, clock: from.clock, live: from.context.live });

/**
 * Opens an SSE request on its own connection (no keep-alive pool: fetch's pool
 * may open a spare socket after a cancel, which would hold app.close()).
 */
function openSse(url: string, cookie?: string) {
  return new Promise<{
    status: number;
    headers: IncomingMessage['headers'];
    body: string;
    events: SseReader;
  }>((resolve, reject) => {
    const request = get(url, { agent: false, headers: cookie ? { cookie } : {} }, (response) => {
      const status = response.statusCode ?? 0;
      if (status !== 200) {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({
            status,
            headers: response.headers,
            body,
            events: readSse((async function* () {})()),
          }),
        );
        return;
      }
      resolve({
        status,
        headers: response.headers,
        body: '',
        events: readSse(response, () => request.destroy()),
      });
    });
    request.on('error', reject);
  });
}

/** A resolver the tests steer: who may see what, and how slowly it answers. */
const visible = new Map<string, Set<string>>();
let resolveDelayMs = 0;
async function resolveAlert(id: string, reader: CurrentUser) {
  if (resolveDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, resolveDelayMs));
  return visible.get(id)?.has(reader.userId) ? { id, headline: `Alert ${id}` } : undefined;
}

describeEachEngine('live stream', (database) => {
  let t: TestApp;
  let base: string;
  let alice: { userId: string; cookie: string };
  let bob: { userId: string; cookie: string };

  async function user() {
    const built = await buildUser(t.context, { roles: ['analyst'] });
    return { userId: built.userId, cookie: await signIn(t.app, built.username) };
  }
  const open = (cookie: string | undefined) => openSse(`${base}/t/api/live`, cookie);
  async function stream(cookie: string) {
    const opened = await open(cookie);
    expect(opened.status, opened.body).toBe(200);
    return opened;
  }
  const publish = (id: string, change = 'raised') =>
    t.context.live.publish({ channel: 'alert', id, change });

  beforeAll(async () => {
    const deps = lateDeps();
    t = await startTestApp(database(), (app) => {
      void app.register(liveRoutes, {
        prefix: '/t',
        deps,
        resolvers: { alert: resolveAlert },
        heartbeatMs: 200,
        maxStreamsPerUser: 2,
        maxQueue: 3,
      });
    });
    fillDeps(deps, t);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    alice = await user();
    bob = await user();
  });
  afterAll(async () => {
    await t.close();
  });

  it('sends an event only to the reader the resolver lets see it, as an SSE frame', async () => {
    const a = await stream(alice.cookie);
    const b = await stream(bob.cookie);
    expect(a.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(a.headers['cache-control']).toContain('no-cache');
    expect(a.headers['x-accel-buffering']).toBe('no');
    visible.set('alert--1', new Set([alice.userId]));
    visible.set('alert--2', new Set([alice.userId, bob.userId]));
    publish('alert--1');
    publish('alert--2', 'acknowledged');
    t.context.live.publish({ channel: 'alarm', id: 'alarm--1', change: 'raised' });

    const first = await a.events.next();
    expect(first?.event).toBe('alert');
    expect(JSON.parse(first?.data ?? '')).toEqual({
      change: 'raised',
      id: 'alert--1',
      item: { id: 'alert--1', headline: 'Alert alert--1' },
    });
    expect(JSON.parse((await a.events.next())?.data ?? '').id).toBe('alert--2');
    // Bob's first event is the one he may see; alert--1 and the unresolved alarm never reach him.
    const bobs = JSON.parse((await b.events.next())?.data ?? '');
    expect(bobs).toMatchObject({ id: 'alert--2', change: 'acknowledged' });
    await a.events.cancel();
    await b.events.cancel();
  });

  it('refuses an anonymous caller', async () => {
    const response = await open(undefined);
    expect(response.status).toBe(401);
  });

  it('refuses a stream beyond the per-user limit and frees the slot when a client leaves', async () => {
    const one = await stream(alice.cookie);
    const two = await stream(alice.cookie);
    const third = await open(alice.cookie);
    expect(third.status).toBe(429);
    expect(JSON.parse(third.body).error.code).toBe('RATE_LIMITED');
    const bobs = await stream(bob.cookie);
    await one.events.cancel();
    await expect
      .poll(async () => {
        const again = await open(alice.cookie);
        await again.events.cancel();
        return again.status;
      })
      .toBe(200);
    await bobs.events.cancel();
    await two.events.cancel();
  });

  it('sends heartbeat comments while nothing happens', async () => {
    const s = await stream(bob.cookie);
    const next = s.events.next(700).catch(() => undefined);
    await next;
    expect(s.events.comments).toContain('connected');
    expect(s.events.comments).toContain('heartbeat');
    await s.events.cancel();
  });

  it('ends the stream of a user who is deactivated, at their next event', async () => {
    const carol = await user();
    const s = await stream(carol.cookie);
    visible.set('alert--3', new Set([carol.userId]));
    publish('alert--3');
    expect((await s.events.next())?.event).toBe('alert');
    await updateUser(t.context.storage.db, carol.userId, { disabled: 1 });
    publish('alert--3', 'escalated');
    expect(await s.events.next()).toBeUndefined();
  });

  it('closes a stream whose events pile up beyond its queue', async () => {
    const dave = await user();
    const s = await stream(dave.cookie);
    visible.set('alert--4', new Set([dave.userId]));
    resolveDelayMs = 100;
    try {
      for (let i = 0; i < 10; i += 1) publish('alert--4', `change-${i}`);
      // The one being resolved when the queue overflowed may still arrive; then the stream ends.
      let received = 0;
      while ((await s.events.next(3_000)) !== undefined) received += 1;
      expect(received).toBeLessThan(10);
    } finally {
      resolveDelayMs = 0;
    }
  });

  it('ends open streams when the server closes, without hanging', async () => {
    const deps = lateDeps();
    const other = await startTestApp(database(), (app) => {
      void app.register(liveRoutes, { prefix: '/t', deps, resolvers: { alert: resolveAlert } });
    });
    fillDeps(deps, other);
    await other.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (other.app.server.address() as AddressInfo).port;
    const erin = await buildUser(other.context);
    const cookie = await signIn(other.app, erin.username);
    const { events } = await openSse(`http://127.0.0.1:${port}/t/api/live`, cookie);
    await events.next(300).catch(() => undefined);
    expect(events.comments).toContain('connected');
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await events.next()).toBeUndefined();
  });
});
