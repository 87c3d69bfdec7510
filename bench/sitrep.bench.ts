/**
 * The daily situation report of a node holding 1,000,000 incidents spread
 * over one year (a day holds about 2,700), through the real service (read
 * filter, canRead per row, audit) on SQLite and, with
 * TANDEM_BENCH_POSTGRES_URL, PostgreSQL: the JSON report and the PDF
 * (report plus rendering), p50 and max over several runs after the first,
 * against the budget of 2 s; the first report after start separately (it
 * loads place names, fonts and country outlines once); and the raw baseline
 * of the day's incident count alone.
 *
 * Run: npx tsx bench/sitrep.bench.ts   (TANDEM_BENCH_INCIDENTS=1000000 by default)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/app/config.js';
import { createAppContext, type AppContext } from '../src/app/context.js';
import { createOrganisation, createUser } from '../src/modules/identity/admin.service.js';
import { toCurrentUser } from '../src/modules/identity/identity.presenter.js';
import type { CurrentUser } from '../src/modules/identity/identity.types.js';
import { findUser } from '../src/modules/identity/users.repository.js';
import { incidentInputSchema } from '../src/modules/incidents/incidents.schema.js';
import { ingestIncidents } from '../src/modules/incidents/ingest.service.js';
import { publishThreatReport } from '../src/modules/intel/reports.lifecycle.service.js';
import { createThreatReport } from '../src/modules/intel/reports.write.service.js';
import { renderSitrepPdf } from '../src/modules/sitrep/sitrep.pdf.js';
import { generateSitrep } from '../src/modules/sitrep/sitrep.service.js';
import { migrateToLatest } from '../src/storage/migrator.js';
import { seededRandom, syntheticIncidents } from './support/synthetic-incidents.js';

const TOTAL = Number(process.env.TANDEM_BENCH_INCIDENTS ?? 1_000_000);
const CHUNK = 50_000;
const RUNS = 7;
const BUDGET_MS = 2_000;
const YEAR_START = Date.UTC(2025, 0, 1);
const DAY = '2025-07-01';
const AREAS = ['Khyber Pakhtunkhwa', 'Sindh', 'Balochistan', 'Punjab', 'Gilgit-Baltistan', ''];

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

/** The synthetic incidents, moved into one year, with areas and a spread of markings. */
function yearOfIncidents(count: number, seed: number, author: CurrentUser) {
  const random = seededRandom(seed);
  return syntheticIncidents(count, seed).map((raw, index) => {
    const place = raw.place as Record<string, unknown>;
    const roll = random();
    return incidentInputSchema.parse({
      ...raw,
      eventDate: new Date(YEAR_START + ((seed + index) % 365) * 86_400_000)
        .toISOString()
        .slice(0, 10),
      place: { ...place, admin1: AREAS[Math.floor(random() * AREAS.length)] },
      marking: roll < 0.8 ? 'TLP:GREEN' : roll < 0.95 ? 'TLP:AMBER' : 'TLP:RED',
      releasableTo: roll < 0.95 ? [] : [author.userId],
    });
  });
}

async function load(context: AppContext, author: CurrentUser): Promise<void> {
  const deps = {
    db: context.storage.db,
    clock: context.clock,
    audit: context.audit,
    capabilities: context.storage.capabilities,
  };
  for (let start = 0; start < TOTAL; start += CHUNK) {
    const count = Math.min(CHUNK, TOTAL - start);
    const outcome = await ingestIncidents(deps, yearOfIncidents(count, start, author), author, {
      batchSize: 5_000,
      source: 'bench',
    });
    if (!outcome.ok) throw new Error(`ingest refused row ${outcome.index}: ${outcome.error}`);
    process.stderr.write(`\r  loaded ${(start + count).toLocaleString('en')} incidents`);
  }
  process.stderr.write('\n');
  // Threat reports in force on the day, as a busy node would hold.
  for (let n = 0; n < 60; n++) {
    const created = await createThreatReport(
      deps,
      {
        title: `Bench threat ${n + 1}`,
        narrative: '',
        language: 'en',
        area: { kind: 'circle', lat: 24 + (n % 13), lon: 61 + (n % 15), radiusKm: 20 },
        validFrom: `2025-06-${String(1 + (n % 28)).padStart(2, '0')}T00:00:00.000Z`,
        validUntil: '2025-08-01T00:00:00.000Z',
        targetType: 'route',
        modusOperandi: { description: '' },
        threatActorIds: [],
        sourceReliability: 'B',
        informationCredibility: 2,
        marking: 'TLP:GREEN',
        releasableTo: [],
      },
      author,
    );
    if (!created.ok) throw new Error(created.error);
    await publishThreatReport(deps, created.value, author);
  }
  if (context.storage.engine === 'postgres') await sql`vacuum analyze`.execute(context.storage.db);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function timed(work: () => Promise<unknown>): Promise<{ p50: number; max: number }> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), max: times.at(-1) ?? NaN };
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const verdict = (max: number) => (max <= BUDGET_MS ? 'met' : 'NOT MET');

async function measure(label: string, databaseUrl: string): Promise<void> {
  const context = createAppContext(
    loadConfig({ TANDEM_DATABASE_URL: databaseUrl, TANDEM_LOG_LEVEL: 'silent' }),
  );
  try {
    await migrateToLatest(context.storage);
    const reader = await analystOf(context);
    await load(context, reader);
    const deps = { db: context.storage.db, clock: context.clock, audit: context.audit };
    const json = () => generateSitrep(deps, reader, { date: DAY, format: 'json', via: 'cli' });
    const pdf = async () =>
      renderSitrepPdf(
        await generateSitrep(deps, reader, {
          date: DAY,
          format: 'pdf',
          language: 'en',
          via: 'cli',
        }),
        'en',
      );

    const firstStart = performance.now();
    const first = await json();
    const firstJson = performance.now() - firstStart;
    const firstPdfStart = performance.now();
    const bytes = (await pdf()).length;
    const firstPdf = performance.now() - firstPdfStart;
    const jsonRuns = await timed(json);
    const pdfRuns = await timed(pdf);
    const urduRuns = await timed(async () =>
      renderSitrepPdf(
        await generateSitrep(deps, reader, {
          date: DAY,
          format: 'pdf',
          language: 'ur',
          via: 'cli',
        }),
        'ur',
      ),
    );
    const raw = await timed(() =>
      context.storage.db
        .selectFrom('incidents')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('event_date', '=', DAY)
        .executeTakeFirstOrThrow(),
    );
    const of = `${TOTAL.toLocaleString('en')} incidents (${first.incidents.total.toLocaleString('en')} on ${DAY}, ${first.threats.total} threat reports)`;
    console.log(
      `${label}: situation report JSON over ${of}: p50 ${ms(jsonRuns.p50)}, max ${ms(jsonRuns.max)} — budget ≤ 2 s: ${verdict(jsonRuns.max)}`,
    );
    console.log(
      `${label}: situation report PDF (report + rendering, English, ${Math.round(bytes / 1024)} KB): p50 ${ms(pdfRuns.p50)}, max ${ms(pdfRuns.max)} — budget ≤ 2 s: ${verdict(pdfRuns.max)}`,
    );
    console.log(
      `${label}: situation report PDF in Urdu: p50 ${ms(urduRuns.p50)}, max ${ms(urduRuns.max)} — budget ≤ 2 s: ${verdict(urduRuns.max)}`,
    );
    console.log(
      `${label}: first report after start (loads place names, fonts, outlines once): JSON ${ms(firstJson)}, PDF ${ms(firstPdf)}`,
    );
    console.log(
      `${label}: raw baseline, the day's incident count alone (no read filter): p50 ${raw.p50.toFixed(2)} ms`,
    );
  } finally {
    await context.storage.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-sitrep-'));
try {
  await measure('SQLite', `sqlite:${join(dir, 'sitrep.db')}`);
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
