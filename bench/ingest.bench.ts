/**
 * Incident ingest: 100,000 synthetic incidents (seeded, in 24–37°N,
 * 61–76°E) through the ingest service — zod validation, the sharing policy
 * per row, H3 cells, every index, one audit entry per batch — on SQLite (a
 * temporary file) and on PostgreSQL, next to a raw baseline measured in the
 * same run: the same rows, already built, as plain multi-row INSERTs through
 * the driver into a fresh copy of the same tables.
 * Budget: ≥ 20,000 incidents/s on SQLite, ≥ 10,000/s on PostgreSQL.
 *
 * Run: npx tsx bench/ingest.bench.ts
 * PostgreSQL is measured when TANDEM_BENCH_POSTGRES_URL is set (a database the bench may wipe).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/app/config.js';
import { createAppContext } from '../src/app/context.js';
import type { CurrentUser } from '../src/modules/identity/identity.types.js';
import { createOrganisation, createUser } from '../src/modules/identity/admin.service.js';
import { toCurrentUser } from '../src/modules/identity/identity.presenter.js';
import { findUser } from '../src/modules/identity/users.repository.js';
import type { IncidentBulkRows } from '../src/modules/incidents/incidents.bulk.repository.js';
import {
  incidentInputSchema,
  type IncidentInput,
} from '../src/modules/incidents/incidents.schema.js';
import { buildIngestRows, ingestIncidents } from '../src/modules/incidents/ingest.service.js';
import { openStorage } from '../src/storage/database.js';
import { migrateToLatest } from '../src/storage/migrator.js';
import { rawInsertPostgres, rawInsertSqlite } from './support/raw-insert.js';
import { syntheticIncidents } from './support/synthetic-incidents.js';

const COUNT = Number(process.env.TANDEM_BENCH_INCIDENTS ?? 100_000);
// The top of the 1,000–5,000 range: random index keys dirty fewer WAL pages per row in bigger transactions.
const BATCH = 5_000;

/** Prepares a node at `url` and measures the service on it; returns incidents/s. */
async function measureService(url: string, raw: readonly unknown[]): Promise<number> {
  const context = createAppContext(loadConfig({ TANDEM_DATABASE_URL: url }));
  try {
    await migrateToLatest(context.storage);
    const actor = await seedAnalyst(context);
    const started = performance.now();
    // Validation is part of ingest: the clock starts before zod sees the rows.
    const inputs = raw.map((row) => incidentInputSchema.parse(row));
    const outcome = await ingestIncidents(
      {
        db: context.storage.db,
        clock: context.clock,
        audit: context.audit,
        capabilities: context.storage.capabilities,
      },
      inputs,
      actor,
      { batchSize: BATCH, source: 'ingest.bench' },
    );
    const seconds = (performance.now() - started) / 1000;
    if (!outcome.ok) throw new Error(`row ${outcome.index}: ${outcome.error}`);
    return outcome.value.length / seconds;
  } finally {
    await context.storage.close();
  }
}

async function seedAnalyst(context: ReturnType<typeof createAppContext>): Promise<CurrentUser> {
  const org = await createOrganisation(
    context.identity,
    { name: `Bench organisation ${Date.now()}`, country: 'PK', kind: 'police' },
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
  if (!row) throw new Error('bench user vanished');
  return toCurrentUser(row);
}

/** The baseline's rows, built before its clock starts. */
function baselineBatches(inputs: readonly IncidentInput[], actor: CurrentUser): IncidentBulkRows[] {
  const batches: IncidentBulkRows[] = [];
  const now = new Date().toISOString();
  for (let start = 0; start < inputs.length; start += BATCH) {
    const batch = inputs.slice(start, start + BATCH);
    const ids = batch.map(
      (_, i) => `incident--00000000-0000-4000-8000-${String(start + i).padStart(12, '0')}`,
    );
    batches.push(buildIngestRows(batch, ids, actor, now));
  }
  return batches;
}

function report(label: string, service: number, baseline: number, budget: number): void {
  const fmt = (n: number) => Math.round(n).toLocaleString('en').padStart(8);
  console.log(`${label.padEnd(12)} raw baseline ${fmt(baseline)} incidents/s`);
  console.log(
    `${label.padEnd(12)} service      ${fmt(service)} incidents/s  (${((service / baseline) * 100).toFixed(1)}% of raw)`,
  );
  const met = service >= budget ? 'met' : 'NOT MET';
  console.log(`  budget ≥ ${budget.toLocaleString('en')} incidents/s on ${label}: ${met}`);
}

async function wipePostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('drop schema if exists bench_raw cascade');
  await client.query('drop schema if exists public cascade; create schema public');
  await client.end();
}

async function runIngestBench(): Promise<void> {
  console.log(
    `\nIncident ingest: ${COUNT.toLocaleString('en')} synthetic incidents, batches of ${BATCH}`,
  );
  // Figures from a shared machine mean little without its load.
  console.log(
    `load average at start: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const raw = syntheticIncidents(COUNT);
  const inputs = raw.map((row) => incidentInputSchema.parse(row));
  const actor: CurrentUser = {
    userId: 'user--00000000-0000-4000-8000-000000000001',
    orgId: 'identity--00000000-0000-4000-8000-000000000001',
    groupIds: [],
    roles: ['analyst'],
    active: true,
    username: 'baseline',
    displayName: 'Baseline',
    locale: 'en',
    mfaEnabled: false,
    organisation: {
      id: 'identity--00000000-0000-4000-8000-000000000001',
      name: 'B',
      country: 'PK',
      kind: 'police',
    },
  };
  const batches = baselineBatches(inputs, actor);

  const dir = mkdtempSync(join(tmpdir(), 'tandem-ingest-bench-'));
  try {
    const rawPath = join(dir, 'raw.db');
    const rawStorage = openStorage(`sqlite:${rawPath}`);
    await migrateToLatest(rawStorage);
    await rawStorage.close();
    let started = performance.now();
    rawInsertSqlite(rawPath, batches);
    const sqliteBaseline = COUNT / ((performance.now() - started) / 1000);
    const sqlite = await measureService(`sqlite:${join(dir, 'service.db')}`, raw);
    report('SQLite', sqlite, sqliteBaseline, 20_000);

    const url = process.env.TANDEM_BENCH_POSTGRES_URL;
    if (!url) {
      console.log('PostgreSQL   skipped: set TANDEM_BENCH_POSTGRES_URL');
      return;
    }
    // Each measurement gets a freshly wiped schema public (Kysely's migrator looks for its
    // lock table in every schema, so a second schema in one database confuses it).
    await wipePostgres(url);
    const rawPg = openStorage(url);
    await migrateToLatest(rawPg);
    await rawPg.close();
    started = performance.now();
    await rawInsertPostgres(url, 'public', batches);
    const postgresBaseline = COUNT / ((performance.now() - started) / 1000);
    await wipePostgres(url);
    const postgres = await measureService(url, raw);
    report('PostgreSQL', postgres, postgresBaseline, 10_000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await runIngestBench();
