/**
 * Incident posted → alert on a subscribed event stream: a real node on a
 * loopback port (buildServer + listen, the background workers running), a
 * protected site, a signed-in user of the site's operator organisation
 * reading GET /api/live with fetch streaming, and 200 incidents POSTed one
 * at a time inside the site's buffer. Latency = from just before the POST is
 * sent to the moment the stream delivers the alert for that incident.
 * Budget: p99 ≤ 100 ms on one node.
 *
 * Run: npx tsx bench/alerts-stream.bench.ts
 * PostgreSQL is measured when TANDEM_BENCH_POSTGRES_URL is set (the bench works in its own
 * schema, bench_alerts_stream, which it drops and creates).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/app/config.js';
import { createAppContext, type AppContext } from '../src/app/context.js';
import { buildServer } from '../src/app/server.js';
import { startWorkers } from '../src/app/workers.js';
import { destinationPoint } from '../src/core/geo/index.js';
import { insertSite } from '../src/modules/alerts/test-support/subjects.js';
import { createOrganisation, createUser } from '../src/modules/identity/admin.service.js';
import { readSse, type SseReader } from '../src/modules/live/sse-reader.js';
import { openStorage, type Storage } from '../src/storage/database.js';
import { migrateToLatest } from '../src/storage/migrator.js';

const INCIDENTS = 200;
const BUDGET_MS = 100;
const PASSWORD = 'bench password long enough';
const DASU = { lat: 35.3, lon: 73.22 };
const quietLog = {
  error: (details: object, message: string) => console.error(message, details),
  info: () => undefined,
};

async function user(context: AppContext, orgName: string, username: string) {
  const org = await createOrganisation(
    context.identity,
    { name: `${orgName} ${Date.now()}`, country: 'PK', kind: 'agency' },
    undefined,
  );
  if (!org.ok) throw new Error(org.error);
  const created = await createUser(
    context.identity,
    {
      username,
      displayName: username,
      orgId: org.value.id,
      roles: ['analyst'],
      password: PASSWORD,
    },
    undefined,
  );
  if (!created.ok) throw new Error(created.error);
  return { userId: created.value.id, orgId: org.value.id, username };
}

async function signIn(base: string, username: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.includes('tandem_session'));
  if (!response.ok || !cookie) throw new Error(`sign-in failed: ${response.status}`);
  return cookie.split(';')[0] ?? '';
}

function incidentInput(i: number) {
  // Somewhere within 4 km of the site's centre (its buffer is 5 km), a new place each time.
  const point = destinationPoint(DASU, (i * 37) % 360, 0.5 + (i % 8) * 0.45);
  return {
    eventDate: new Date().toISOString().slice(0, 10),
    timePrecision: 1,
    eventType: 'Explosions/Remote violence',
    subEventType: 'Remote explosive/landmine/IED',
    actor1: { name: 'Unidentified armed group', inter: 2 },
    place: {
      name: `Near Dasu ${i}`,
      country: 'PK',
      lat: point.lat,
      lon: point.lon,
      geoPrecision: 1,
    },
    fatalities: { total: 0, byNationality: [] },
    injured: { total: 0, byNationality: [] },
    narrative: `Roadside device found near the Dasu site (bench ${i}).`,
    language: 'en',
    sources: [{ name: 'Bench' }],
    marking: 'TLP:GREEN',
    releasableTo: [],
  };
}

/** The next alert event on the stream whose trigger is `incidentId`. */
async function alertFor(events: SseReader, incidentId: string): Promise<number> {
  for (;;) {
    const message = await events.next(5_000);
    if (!message) throw new Error('the stream ended');
    const data = JSON.parse(message.data) as { item?: { trigger?: { id?: string } } };
    if (message.event === 'alert' && data.item?.trigger?.id === incidentId)
      return performance.now();
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function measure(engine: string, storage: Storage, databaseUrl: string): Promise<void> {
  await migrateToLatest(storage);
  const context = createAppContext(
    loadConfig({ TANDEM_DATABASE_URL: databaseUrl, TANDEM_LOG_LEVEL: 'silent' }),
    { storage },
  );
  const app = await buildServer(context);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const workers = startWorkers(context, quietLog);
  try {
    const stamp = Date.now().toString(36);
    const intel = await user(context, 'Bench intelligence unit', `bench.intel.${stamp}`);
    const operator = await user(context, 'Bench operator', `bench.operator.${stamp}`);
    const guard = await user(context, 'Bench guard', `bench.guard.${stamp}`);
    await insertSite(storage.db, {
      name: 'Dasu Hydropower Project (bench)',
      centre: DASU,
      bufferKm: 5,
      operatorOrgId: operator.orgId,
      guardOrgId: guard.orgId,
      createdBy: operator.orgId,
      createdByUser: operator.userId,
      marking: 'TLP:GREEN',
      releasableTo: [],
    });
    const poster = await signIn(base, intel.username);
    const subscriber = await signIn(base, operator.username);
    const stream = await fetch(`${base}/api/live`, { headers: { cookie: subscriber } });
    if (stream.status !== 200 || !stream.body) throw new Error(`stream: ${stream.status}`);
    const events = readSse(stream.body);

    const latencies: number[] = [];
    // The raw baseline: the same POST's own answer time, measured in the same loop.
    const postTimes: number[] = [];
    for (let i = 0; i < INCIDENTS; i += 1) {
      const sentAt = performance.now();
      const posted = fetch(`${base}/api/incidents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: poster, origin: base },
        body: JSON.stringify(incidentInput(i)),
      });
      // The event may come before the POST's answer: wait for the next alert, then check its trigger.
      const response = await posted;
      postTimes.push(performance.now() - sentAt);
      if (response.status !== 201)
        throw new Error(`POST: ${response.status} ${await response.text()}`);
      const { incident } = (await response.json()) as { incident: { id: string } };
      latencies.push((await alertFor(events, incident.id)) - sentAt);
    }

    const sorted = [...latencies].sort((a, b) => a - b);
    const [p50, p99, max] = [percentile(sorted, 50), percentile(sorted, 99), sorted.at(-1) ?? NaN];
    console.log(
      `${engine}: ${INCIDENTS} incidents, posted → alert on the stream: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${max.toFixed(1)} ms`,
    );
    const posts = [...postTimes].sort((a, b) => a - b);
    console.log(
      `${engine}: raw baseline, the POST's own answer: p50 ${percentile(posts, 50).toFixed(1)} ms, p99 ${percentile(posts, 99).toFixed(1)} ms (alert p50 is ${(p50 / percentile(posts, 50)).toFixed(2)}× the POST)`,
    );
    console.log(
      `${engine}: incident posted → alert on a subscribed stream p99 ≤ ${BUDGET_MS} ms: ${p99 <= BUDGET_MS ? 'met' : 'NOT MET'}`,
    );
  } finally {
    // Closing the server ends the stream (the client needs no cancel, which could leave a socket).
    await workers.stop();
    await app.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-alerts-stream-'));
const sqliteUrl = `sqlite:${join(dir, 'tandem.db')}`;
const sqlite = openStorage(sqliteUrl);
try {
  await measure('SQLite', sqlite, sqliteUrl);
} finally {
  await sqlite.close();
  rmSync(dir, { recursive: true, force: true });
}

const postgresUrl = process.env.TANDEM_BENCH_POSTGRES_URL;
if (!postgresUrl) {
  console.log('PostgreSQL: skipped (set TANDEM_BENCH_POSTGRES_URL)');
} else {
  const schema = 'bench_alerts_stream';
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  await client.query(`drop schema if exists ${schema} cascade; create schema ${schema}`);
  await client.end();
  const postgres = openStorage(postgresUrl, { schema });
  try {
    await measure('PostgreSQL', postgres, postgresUrl);
  } finally {
    await postgres.close();
  }
}
