/**
 * Record released on node A → alert on node B's live stream. Two real nodes
 * (`serve`, each in its own process, workers running: A's push notices, B's
 * pull loop and alert matcher), peered. B protects a site near Dasu operated
 * by its organisation; a user of that organisation reads B's GET /api/live.
 * INCIDENTS incidents are POSTed one at a time on A, TLP:AMBER released to
 * B's organisation, within the site's buffer. Latency = from just before the
 * POST on A is sent to the moment B's stream delivers the alert for that
 * incident (notice → signed pull → verify → ingest → match → SSE).
 * Budget: p99 ≤ 1 s. Baseline: the same incidents posted on B itself.
 *
 * Run: npx tsx bench/federation-alert.bench.ts
 *   INCIDENTS (default 100). PostgreSQL too when TANDEM_BENCH_POSTGRES_URL is set (schemas
 *   bench_fed_alert_a and _b, dropped and created).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { destinationPoint } from '../src/core/geo/index.js';
import { insertSite } from '../src/modules/alerts/test-support/subjects.js';
import { createOrganisation, createUser } from '../src/modules/identity/admin.service.js';
import { readSse, type SseReader } from '../src/modules/live/sse-reader.js';
import {
  contextOf,
  nodeDatabases,
  PASSWORD,
  percentile,
  registerPeer,
  serveNode,
  setUpNode,
  type NodeDatabase,
} from './support/federation-pair.js';

const INCIDENTS = Number(process.env.INCIDENTS ?? 100);
const BUDGET_MS = 1_000;
const DASU = { lat: 35.3, lon: 73.22 };

interface Users {
  posterA: string;
  posterB: string;
  subscriberB: string;
  orgB: string;
}

async function prepare(a: NodeDatabase, b: NodeDatabase): Promise<Users> {
  const contextA = contextOf(a);
  const contextB = contextOf(b);
  try {
    const setUpA = await setUpNode(contextA, a);
    const setUpB = await setUpNode(contextB, b);
    await registerPeer(contextA, b, setUpB);
    await registerPeer(contextB, a, setUpA);
    // B's site, operated and guarded by B's organisation (whose analyst subscribes).
    await insertSite(contextB.storage.db, {
      name: 'Dasu Hydropower Project (bench)',
      centre: DASU,
      bufferKm: 5,
      operatorOrgId: setUpB.orgId,
      guardOrgId: setUpB.orgId,
      createdBy: setUpB.orgId,
      createdByUser: setUpB.analyst.userId,
      marking: 'TLP:GREEN',
      releasableTo: [],
    });
    // The baseline's poster: an intelligence unit on B itself.
    const intel = await createOrganisation(
      contextB.identity,
      { name: 'Bench B intelligence unit', country: 'PK', kind: 'agency' },
      undefined,
    );
    if (!intel.ok) throw new Error(intel.error);
    const posterB = 'bench.intel.b';
    const created = await createUser(
      contextB.identity,
      {
        username: posterB,
        password: PASSWORD,
        displayName: posterB,
        orgId: intel.value.id,
        roles: ['analyst'],
      },
      undefined,
    );
    if (!created.ok) throw new Error(created.error);
    return {
      posterA: setUpA.username,
      posterB,
      subscriberB: setUpB.username,
      orgB: setUpB.orgId,
    };
  } finally {
    await contextA.storage.close();
    await contextB.storage.close();
  }
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

function incidentInput(i: number, releasedTo: string) {
  // Within 4 km of the site's centre (its buffer is 5 km), a new place each time.
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
    narrative: `Roadside device found near the Dasu site (federation bench ${i}).`,
    language: 'en',
    sources: [{ name: 'Bench' }],
    marking: 'TLP:AMBER',
    releasableTo: [releasedTo],
  };
}

/** The moment the stream delivers the alert whose trigger is `incidentId`. */
async function alertFor(events: SseReader, incidentId: string): Promise<number> {
  for (;;) {
    const message = await events.next(10_000);
    if (!message) throw new Error(`no alert for ${incidentId} within 10 s`);
    const data = JSON.parse(message.data) as { item?: { trigger?: { id?: string } } };
    if (message.event === 'alert' && data.item?.trigger?.id === incidentId)
      return performance.now();
  }
}

/** Posts the incidents one at a time on `postBase`; each one's latency to its alert on `events`. */
async function run(
  postBase: string,
  poster: string,
  events: SseReader,
  releasedTo: string,
  offset: number,
): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < INCIDENTS; i += 1) {
    const sentAt = performance.now();
    const response = await fetch(`${postBase}/api/incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: poster, origin: postBase },
      body: JSON.stringify(incidentInput(offset + i, releasedTo)),
    });
    if (response.status !== 201)
      throw new Error(`POST: ${response.status} ${await response.text()}`);
    const { incident } = (await response.json()) as { incident: { id: string } };
    latencies.push((await alertFor(events, incident.id)) - sentAt);
  }
  return latencies.sort((x, y) => x - y);
}

const figures = (sorted: number[]) =>
  `p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(1)} ms`;

async function measure(engine: string, a: NodeDatabase, b: NodeDatabase): Promise<void> {
  const users = await prepare(a, b);
  const nodeA = await serveNode(a);
  const nodeB = await serveNode(b);
  try {
    const posterA = await signIn(a.base, users.posterA);
    const posterB = await signIn(b.base, users.posterB);
    const subscriber = await signIn(b.base, users.subscriberB);
    const stream = await fetch(`${b.base}/api/live`, { headers: { cookie: subscriber } });
    if (stream.status !== 200 || !stream.body) throw new Error(`stream: ${stream.status}`);
    const events = readSse(stream.body);
    const federated = await run(a.base, posterA, events, users.orgB, 0);
    const local = await run(b.base, posterB, events, users.orgB, INCIDENTS);
    console.log(
      `${engine}: ${INCIDENTS} incidents posted on A → alert on B's stream: ${figures(federated)}`,
    );
    console.log(
      `${engine}: baseline, the same incidents posted on B itself → alert on B's stream: ${figures(local)}`,
    );
    const p99 = percentile(federated, 99);
    console.log(
      `${engine}: object released on node A → alert on node B p99 ≤ ${BUDGET_MS} ms: ${p99 <= BUDGET_MS ? 'met' : 'NOT MET'}`,
    );
  } finally {
    // Stopping B ends the stream (the client needs no cancel, which could leave a socket).
    await nodeB.stop();
    await nodeA.stop();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-federation-alert-'));
try {
  const [a, b] = await nodeDatabases('SQLite', { dir, prefix: 'unused' });
  await measure('SQLite', a, b);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const postgresUrl = process.env.TANDEM_BENCH_POSTGRES_URL;
if (!postgresUrl) {
  console.log('PostgreSQL: skipped (set TANDEM_BENCH_POSTGRES_URL)');
} else {
  const [a, b] = await nodeDatabases('PostgreSQL', { dir, postgresUrl, prefix: 'bench_fed_alert' });
  await measure('PostgreSQL', a, b);
}
