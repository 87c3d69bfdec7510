/**
 * Incident reads at scale, through the real services (sharing-policy read
 * filter included), on SQLite and, with TANDEM_BENCH_POSTGRES_URL, PostgreSQL:
 * - the clustered map of the whole region over 100,000 incidents (budget ≤ 100 ms);
 * - "incidents within 25 km of a route in the last 90 days" over 1,000,000
 *   incidents (budget p99 ≤ 20 ms), next to the same query without the read
 *   filter or exact-distance step (the raw index cost) in the same run.
 *
 * Run: npx tsx bench/incidents-query.bench.ts   (TANDEM_BENCH_INCIDENTS=1000000 by default)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/app/config.js';
import { createAppContext, type AppContext } from '../src/app/context.js';
import { coverRoute, cellColumn, type LatLon } from '../src/core/geo/index.js';
import { createOrganisation, createUser } from '../src/modules/identity/admin.service.js';
import { toCurrentUser } from '../src/modules/identity/identity.presenter.js';
import type { CurrentUser } from '../src/modules/identity/identity.types.js';
import { findUser } from '../src/modules/identity/users.repository.js';
import {
  incidentMapView,
  incidentsAlongRoute,
} from '../src/modules/incidents/incidents.geo.service.js';
import { incidentInputSchema } from '../src/modules/incidents/incidents.schema.js';
import { ingestIncidents } from '../src/modules/incidents/ingest.service.js';
import { migrateToLatest } from '../src/storage/migrator.js';
import { syntheticIncidents, seededRandom } from './support/synthetic-incidents.js';

const TOTAL = Number(process.env.TANDEM_BENCH_INCIDENTS ?? 1_000_000);
const MAP_AT = Math.min(100_000, TOTAL);
const CHUNK = 50_000;
const ROUTES: LatLon[][] = [
  [
    { lat: 33.7215, lon: 73.0433 },
    { lat: 34.1463, lon: 73.2117 },
    { lat: 34.3302, lon: 73.1968 },
    { lat: 34.79, lon: 72.94 },
    { lat: 34.92, lon: 72.87 },
    { lat: 35.2917, lon: 73.2906 },
  ],
  [
    { lat: 35.2917, lon: 73.2906 },
    { lat: 35.4129, lon: 74.1041 },
  ],
  [
    { lat: 35.9187, lon: 74.3124 },
    { lat: 36.69, lon: 74.82 },
    { lat: 36.85, lon: 75.43 },
  ],
  [
    { lat: 24.9065, lon: 67.1608 },
    { lat: 24.78, lon: 67.34 },
  ],
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function timeRuns(
  runs: number,
  work: (run: number) => Promise<unknown>,
): Promise<{ p50: number; p99: number; mean: number }> {
  for (let i = 0; i < Math.min(20, runs); i++) await work(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    mean: times.reduce((s, t) => s + t, 0) / times.length,
  };
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

async function analystOf(context: AppContext): Promise<CurrentUser> {
  const org = await createOrganisation(
    context.identity,
    { name: `Bench org ${Date.now()}`, country: 'PK', kind: 'agency' },
    undefined,
  );
  if (!org.ok) throw new Error(org.error);
  const user = await createUser(
    context.identity,
    {
      username: `bench.${Date.now()}`,
      displayName: 'Bench analyst',
      orgId: org.value.id,
      roles: ['analyst'],
      password: 'bench password long enough',
    },
    undefined,
  );
  if (!user.ok) throw new Error(user.error);
  const row = await findUser(context.storage.db, user.value.id);
  if (!row) throw new Error('bench user missing');
  return toCurrentUser(row);
}

async function load(
  context: AppContext,
  author: CurrentUser,
  from: number,
  to: number,
): Promise<number> {
  const deps = {
    db: context.storage.db,
    clock: context.clock,
    audit: context.audit,
    capabilities: context.storage.capabilities,
  };
  const started = performance.now();
  for (let start = from; start < to; start += CHUNK) {
    const count = Math.min(CHUNK, to - start);
    const inputs = syntheticIncidents(count, 1_000 + start).map((raw) =>
      incidentInputSchema.parse(raw),
    );
    const outcome = await ingestIncidents(deps, inputs, author, {
      batchSize: 5_000,
      source: 'bench',
    });
    if (!outcome.ok) throw new Error(`ingest refused row ${outcome.index}: ${outcome.error}`);
    process.stderr.write(`\r  loaded ${(start + count).toLocaleString('en')} incidents`);
  }
  process.stderr.write('\n');
  // What autovacuum does after a bulk load (PostgreSQL 13+ vacuums insert-only tables too):
  // fresh statistics to plan with, and a visibility map that allows index-only scans.
  if (context.storage.engine === 'postgres') await sql`vacuum analyze`.execute(context.storage.db);
  return ((to - from) / (performance.now() - started)) * 1000;
}

async function measure(label: string, databaseUrl: string): Promise<void> {
  const context = createAppContext(
    loadConfig({ TANDEM_DATABASE_URL: databaseUrl, TANDEM_LOG_LEVEL: 'silent' }),
  );
  try {
    await migrateToLatest(context.storage);
    const reader = await analystOf(context);
    const deps = {
      db: context.storage.db,
      clock: context.clock,
      audit: context.audit,
      capabilities: context.storage.capabilities,
    };

    await load(context, reader, 0, MAP_AT);
    const region = { west: 60, south: 23, east: 78, north: 38 };
    const map = await timeRuns(30, () => incidentMapView(deps, reader, {}, 5, region));
    const view = await incidentMapView(deps, reader, {}, 5, region);
    console.log(
      `${label}: clustered map of the region over ${MAP_AT.toLocaleString('en')} incidents: p50 ${ms(map.p50)}, p99 ${ms(map.p99)} (${view.kind === 'clusters' ? view.features.length : 0} clusters, total ${view.total.toLocaleString('en')}) — budget ≤ 100 ms: ${map.p99 <= 100 ? 'met' : 'NOT MET'}`,
    );

    if (TOTAL > MAP_AT) await load(context, reader, MAP_AT, TOTAL);
    const newest = await context.storage.db
      .selectFrom('incidents')
      .select((eb) => eb.fn.max('event_date').as('d'))
      .executeTakeFirstOrThrow();
    const from = new Date(new Date(String(newest.d)).getTime() - 90 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const random = seededRandom(7);
    const routeFor = (run: number) =>
      (ROUTES[run % ROUTES.length] ?? []).map((p) => ({
        lat: p.lat + (random() - 0.5) * 0.2,
        lon: p.lon + (random() - 0.5) * 0.2,
      }));
    let found = 0;
    const route = await timeRuns(200, async (run) => {
      const result = await incidentsAlongRoute(deps, reader, { from }, routeFor(run), 25, 1_000);
      found += result.items.length;
    });
    const raw = await timeRuns(200, async (run) => {
      const cover = coverRoute(routeFor(run), 25);
      await context.storage.db
        .selectFrom('incidents')
        .select(['id', 'lat', 'lon'])
        .where(cellColumn(cover.resolution), 'in', cover.cells)
        .where('event_date', '>=', from)
        .execute();
    });
    console.log(
      `${label}: within 25 km of a route, last 90 days, over ${TOTAL.toLocaleString('en')} incidents: p50 ${ms(route.p50)}, p99 ${ms(route.p99)} (≈${Math.round(found / 220)} incidents per answer) — budget p99 ≤ 20 ms: ${route.p99 <= 20 ? 'met' : 'NOT MET'}`,
    );
    console.log(
      `${label}: the same cell+date query without read filter or exact distance (raw index cost): p50 ${ms(raw.p50)}, p99 ${ms(raw.p99)}`,
    );
  } finally {
    await context.storage.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-query-'));
try {
  await measure('SQLite', `sqlite:${join(dir, 'query.db')}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const postgresUrl = process.env.TANDEM_BENCH_POSTGRES_URL;
if (postgresUrl) {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  await client.query('drop schema if exists public cascade; create schema public');
  await client.end();
  await measure('PostgreSQL', postgresUrl);
} else {
  console.log('PostgreSQL: skipped (set TANDEM_BENCH_POSTGRES_URL)');
}
