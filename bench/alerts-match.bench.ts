/**
 * Matching one new incident against 10,000 protected sites and 2,000
 * movements spread over Pakistan, on SQLite and (with
 * TANDEM_BENCH_POSTGRES_URL) PostgreSQL: matchTrigger as the alert matcher
 * calls it — the H3 candidate lookup joined with the subject rows, the
 * movement filters, the exact fence test — for 1,000 random incidents, a
 * third of them inside some site buffer or route corridor. Not timed: storing
 * the alerts. Prints p50/p99/max against the budget (p99 ≤ 10 ms) and the
 * raw baseline of the bare geofence_cells lookup for the same points.
 *
 * Sites and movements are inserted directly (records, query rows, fence
 * covers in multi-row batches) so that loading takes seconds, not minutes.
 *
 * Run: npx tsx bench/alerts-match.bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/app/config.js';
import { createAppContext, type AppContext } from '../src/app/context.js';
import { destinationPoint, pointCells, type LatLon } from '../src/core/geo/index.js';
import { newId } from '../src/core/ids.js';
import { createOrganisation } from '../src/modules/identity/admin.service.js';
import { matchTrigger } from '../src/modules/alerts/alerts.match.js';
import type { IncidentTrigger } from '../src/modules/alerts/alerts.triggers.js';
import { fenceCells } from '../src/modules/geofences/geofences.js';
import { openStorage } from '../src/storage/database.js';
import { migrateToLatest } from '../src/storage/migrator.js';
import type { Executor } from '../src/storage/executor.js';
import { seededRandom } from './support/synthetic-incidents.js';

const SITES = 10_000;
const MOVEMENTS = 2_000;
const INCIDENTS = 1_000;
const WARM_UP = 100;
const BUDGET_MS = 10;
const BENCH_SCHEMA = 'bench_alerts_match';
const NOW = new Date();
const TODAY = NOW.toISOString().slice(0, 10);
const random = seededRandom(4_2026);

/** Pakistan's inhabited box, roughly: where sites and roads are. */
const randomPoint = (): LatLon => ({ lat: 24.5 + random() * 12, lon: 62 + random() * 12.5 });

interface Site {
  id: string;
  centre: LatLon;
  bufferKm: number;
}
interface Movement {
  id: string;
  route: LatLon[];
  corridorKm: number;
}

function makeSites(): Site[] {
  return Array.from({ length: SITES }, () => ({
    id: newId('site'),
    centre: randomPoint(),
    bufferKm: 1 + Math.round(random() * 9),
  }));
}

function makeMovements(): Movement[] {
  return Array.from({ length: MOVEMENTS }, () => {
    const route = [randomPoint()];
    const legs = 2 + Math.floor(random() * 4);
    let bearing = random() * 360;
    for (let leg = 0; leg < legs; leg++) {
      bearing += (random() - 0.5) * 60;
      route.push(destinationPoint(route.at(-1) as LatLon, bearing, 20 + random() * 60));
    }
    return { id: newId('movement'), route, corridorKm: 5 + Math.round(random() * 10) };
  });
}

async function insertChunked(
  db: Executor,
  table: 'records' | 'sites' | 'movements' | 'geofence_cells',
  rows: Record<string, unknown>[],
  size: number,
): Promise<void> {
  for (let start = 0; start < rows.length; start += size) {
    await db
      .insertInto(table)
      .values(rows.slice(start, start + size))
      .execute();
  }
}

function recordRow(id: string, type: string, orgId: string, body: object) {
  const at = NOW.toISOString();
  return {
    id,
    type,
    created_by: orgId,
    created_by_user: null,
    marking: 'TLP:GREEN',
    marking_valid: 1,
    releasable_to: '[]',
    created: at,
    modified: at,
    revoked: 0,
    received_from_peer: 0,
    contains_personal_data: 0,
    legal_basis: null,
    body: JSON.stringify(body),
    stored_at: at,
    stored_by_user: null,
  };
}

async function load(context: AppContext, sites: Site[], movements: Movement[]): Promise<void> {
  const org = await createOrganisation(
    context.identity,
    { name: `Bench operator ${Date.now()}`, country: 'PK', kind: 'company' },
    undefined,
  );
  if (!org.ok) throw new Error(org.error);
  const orgId = org.value.id;
  const departure = new Date(NOW.getTime() - 3_600_000).toISOString();
  const arrival = new Date(NOW.getTime() + 6 * 3_600_000).toISOString();
  await context.storage.db.transaction().execute(async (trx) => {
    await insertChunked(
      trx,
      'records',
      [
        ...sites.map((s, n) => recordRow(s.id, 'site', orgId, { name: `Bench site ${n + 1}` })),
        ...movements.map((m, n) =>
          recordRow(m.id, 'movement', orgId, {
            title: `Bench movement ${n + 1}`,
            route: { type: 'LineString', coordinates: m.route.map((p) => [p.lon, p.lat]) },
          }),
        ),
      ],
      500,
    );
    await insertChunked(
      trx,
      'sites',
      sites.map((s, n) => ({
        id: s.id,
        name: `Bench site ${n + 1}`,
        name_folded: `bench site ${n + 1}`,
        site_type: 'power',
        lat: s.centre.lat,
        lon: s.centre.lon,
        ...pointCells(s.centre.lat, s.centre.lon),
        polygon: null,
        buffer_km: s.bufferKm,
        operator_org_id: orgId,
        guard_org_id: orgId,
        posture_level: 'normal',
        people_total: null,
        people_day: null,
      })),
      500,
    );
    await insertChunked(
      trx,
      'movements',
      movements.map((m, n) => {
        const first = m.route[0] as LatLon;
        const last = m.route.at(-1) as LatLon;
        return {
          id: m.id,
          title: `Bench movement ${n + 1}`,
          state: n % 2 === 0 ? 'in_transit' : 'approved',
          requester_org_id: orgId,
          requested_by_user: 'bench',
          origin_site_id: null,
          origin_name: 'Origin',
          origin_lat: first.lat,
          origin_lon: first.lon,
          destination_site_id: null,
          destination_name: 'Destination',
          destination_lat: last.lat,
          destination_lon: last.lon,
          planned_departure: departure,
          planned_arrival: arrival,
          corridor_km: m.corridorKm,
          checkin_interval_minutes: 30,
          risk_score: null,
          risk_level: null,
          risk_overridden: 0,
          escort_org_id: orgId,
          last_checkin_at: null,
          last_lat: null,
          last_lon: null,
          route_west: Math.min(...m.route.map((p) => p.lon)),
          route_south: Math.min(...m.route.map((p) => p.lat)),
          route_east: Math.max(...m.route.map((p) => p.lon)),
          route_north: Math.max(...m.route.map((p) => p.lat)),
          updated_at: NOW.toISOString(),
        };
      }),
      300,
    );
    const cells: Record<string, unknown>[] = [];
    for (const s of sites) {
      const fence = { base: { kind: 'point' as const, point: s.centre }, bufferKm: s.bufferKm };
      for (const cell of fenceCells(fence)) cells.push({ cell, subject_id: s.id });
    }
    for (const m of movements) {
      const fence = { base: { kind: 'line' as const, line: m.route }, bufferKm: m.corridorKm };
      for (const cell of fenceCells(fence)) cells.push({ cell, subject_id: m.id });
    }
    await insertChunked(trx, 'geofence_cells', cells, 5_000);
    process.stderr.write(
      `  loaded ${SITES.toLocaleString('en')} sites, ${MOVEMENTS.toLocaleString('en')} movements, ${cells.length.toLocaleString('en')} fence cells\n`,
    );
  });
  if (context.storage.engine === 'postgres') await sql`vacuum analyze`.execute(context.storage.db);
}

/** A third inside a site buffer or a corridor (by construction), the rest anywhere. */
function incidentPoints(sites: Site[], movements: Movement[]): LatLon[] {
  return Array.from({ length: INCIDENTS + WARM_UP }, (_, n) => {
    if (n % 3 !== 0) return randomPoint();
    if (n % 2 === 0) {
      const site = sites[Math.floor(random() * sites.length)] as Site;
      return destinationPoint(site.centre, random() * 360, random() * site.bufferKm * 0.9);
    }
    const movement = movements[Math.floor(random() * movements.length)] as Movement;
    const vertex = movement.route[Math.floor(random() * movement.route.length)] as LatLon;
    return destinationPoint(vertex, random() * 360, random() * movement.corridorKm * 0.9);
  });
}

function triggerAt(point: LatLon, n: number): IncidentTrigger {
  const id = newId('incident');
  return {
    kind: 'incident',
    id,
    modified: NOW.toISOString(),
    storedAt: NOW.toISOString(),
    revoked: false,
    row: {
      id,
      event_date: TODAY,
      time_precision: 1,
      event_type: 'Explosions/Remote violence',
      sub_event_type: 'Remote explosive/landmine/IED',
      country: 'PK',
      location: `Bench place ${n}`,
      lat: point.lat,
      lon: point.lon,
      geo_precision: 1,
      ...pointCells(point.lat, point.lon),
      fatalities: 1,
      injured: 0,
      site_id: null,
      movement_id: null,
      language: 'en',
      created_by: 'bench',
      created_by_user: null,
      marking: 'TLP:GREEN',
      marking_valid: 1,
      revoked: 0,
    },
  };
}

/**
 * A full collection after loading: the hundreds of thousands of cover rows
 * built to load the fences are garbage by now, and collecting them in the
 * middle of the timed matches would be timing the loader, not the matcher.
 */
function collectLoadingGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const figures = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(2)} ms, p99 ${percentile(sorted, 99).toFixed(2)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(2)} ms`;
};

async function measure(label: string, databaseUrl: string, schema?: string): Promise<void> {
  const context = createAppContext(
    loadConfig({ TANDEM_DATABASE_URL: databaseUrl, TANDEM_LOG_LEVEL: 'silent' }),
    { storage: openStorage(databaseUrl, schema === undefined ? {} : { schema }) },
  );
  try {
    await migrateToLatest(context.storage);
    const sites = makeSites();
    const movements = makeMovements();
    await load(context, sites, movements);
    const deps = { db: context.storage.db, clock: { now: () => NOW } };
    collectLoadingGarbage();
    const points = incidentPoints(sites, movements);
    const times: number[] = [];
    const raw: number[] = [];
    let matched = 0;
    let alerts = 0;
    for (const [n, point] of points.entries()) {
      const trigger = triggerAt(point, n);
      const start = performance.now();
      const matches = await matchTrigger(deps, trigger);
      const took = performance.now() - start;
      const rawStart = performance.now();
      await context.storage.db
        .selectFrom('geofence_cells')
        .select('subject_id')
        .where('cell', '=', trigger.row.h3_r6)
        .execute();
      const rawTook = performance.now() - rawStart;
      if (n < WARM_UP) continue;
      times.push(took);
      raw.push(rawTook);
      if (matches.length > 0) matched += 1;
      alerts += matches.length;
    }
    const p99 = percentile(
      [...times].sort((a, b) => a - b),
      99,
    );
    console.log(
      `${label}: matching one incident against ${SITES.toLocaleString('en')} sites and ${MOVEMENTS.toLocaleString('en')} movements (${INCIDENTS.toLocaleString('en')} incidents after ${WARM_UP} warm-up; ${matched} matched, ${alerts} alerts): ${figures(times)}`,
    );
    console.log(
      `${label}: matching one incident against 10,000 sites and 2,000 movements p99 ≤ ${BUDGET_MS} ms: ${p99 <= BUDGET_MS ? 'met' : 'NOT MET'}`,
    );
    console.log(
      `${label}: raw baseline, the bare geofence_cells lookup of the same cells: ${figures(raw)}`,
    );
  } finally {
    await context.storage.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'tandem-alerts-bench-'));
try {
  await measure('SQLite', `sqlite:${join(dir, 'alerts.db')}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const postgresUrl = process.env.TANDEM_BENCH_POSTGRES_URL;
if (postgresUrl) {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  // A schema of its own: other benchmarks share the bench database (pg_trgm in public, as the tests keep it).
  await client.query('create extension if not exists pg_trgm schema public');
  await client.query(
    `drop schema if exists ${BENCH_SCHEMA} cascade; create schema ${BENCH_SCHEMA}`,
  );
  await client.end();
  await measure('PostgreSQL', postgresUrl, BENCH_SCHEMA);
} else {
  console.log('PostgreSQL: skipped (set TANDEM_BENCH_POSTGRES_URL)');
}
