/**
 * Federation catch-up and the no-op pull, between two local nodes, each in
 * its own process. Node A (the real `serve`) holds N released TLP:GREEN
 * incidents, loaded through the incidents bulk ingest; node B (a process of
 * its own, bench/support/federation-puller.ts, on B's database) pulls them
 * all with the real `pullFromPeer`: signed TAXII pages, every signature
 * verified, hosting checked, idempotent upsert, cursor per page.
 *
 * Before the pull, A's alert matcher is left to work through the changes the
 * set-up's bulk ingest queued (printed), so that the catch-up times the pull.
 * Catch-up = objects / (first request → last page committed). Budget ≥ 5,000
 * objects/s. Raw baseline: the same records read from A's database in pages
 * of the same size and JSON-serialised, nothing else.
 * No-op pull: after catch-up and SETTLE_MS, NOOP_PULLS pulls with nothing new,
 * p50/p99. Budget ≤ 50 ms. Baseline: a signed GET of TAXII discovery.
 *
 * Run: npx tsx bench/federation-catchup.bench.ts
 *   TANDEM_BENCH_FEDERATION_RECORDS (default 33,334: 100,002 STIX objects), TANDEM_FEDERATION_PAGE_SIZE (default 1,000),
 *   NOOP_PULLS (default 200). PostgreSQL too when TANDEM_BENCH_POSTGRES_URL is set (schemas
 *   bench_fed_catchup_a and _b, dropped and created; left in place afterwards, for EXPLAIN).
 *   TANDEM_BENCH_ENGINES=postgres (or sqlite) runs only that engine (default: both).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import { incidentInputSchema } from '../src/modules/incidents/incidents.schema.js';
import { ingestIncidents } from '../src/modules/incidents/ingest.service.js';
import { RECORD_ROW_COLUMNS } from '../src/modules/records/records.repository.js';
import {
  contextOf,
  cpuMsOf,
  nodeDatabases,
  percentile,
  machineCpuMs,
  profilingArgs,
  registerPeer,
  serveNode,
  setUpNode,
  type NodeDatabase,
} from './support/federation-pair.js';
import { syntheticIncidents } from './support/synthetic-incidents.js';

const RECORDS = Number(process.env.TANDEM_BENCH_FEDERATION_RECORDS ?? 33_334);
const PAGE_SIZE = Number(process.env.TANDEM_FEDERATION_PAGE_SIZE ?? 1_000);
const CATCHUP_BUDGET = 5_000;
const NOOP_BUDGET_MS = 50;
const CHUNK = 50_000;
const ENGINES = (process.env.TANDEM_BENCH_ENGINES ?? 'sqlite,postgres').toLowerCase().split(',');

interface CatchUp {
  part: 'catchup';
  ms: number;
  /** CPU time B's process used for the catch-up. */
  cpuMs: number;
  /** A's pages, request sent → body read, summed (they overlap B's applying of the previous page). */
  fetchMs: number;
  pages: number;
  objects: number;
  stored: number;
  refused: number;
}
interface Noop {
  part: 'noop';
  pulls: number[];
  objects: number;
  discovery: number[];
}

/** Sets both nodes up, peers them, and fills A. */
async function prepare(a: NodeDatabase, b: NodeDatabase): Promise<void> {
  const contextA = contextOf(a);
  const contextB = contextOf(b);
  try {
    const setUpA = await setUpNode(contextA, a);
    const setUpB = await setUpNode(contextB, b);
    await registerPeer(contextA, b, setUpB);
    await registerPeer(contextB, a, setUpA);
    const deps = {
      db: contextA.storage.db,
      clock: contextA.clock,
      audit: contextA.audit,
      capabilities: contextA.storage.capabilities,
    };
    for (let start = 0; start < RECORDS; start += CHUNK) {
      const size = Math.min(CHUNK, RECORDS - start);
      const inputs = syntheticIncidents(size, 7_000 + start).map((raw) =>
        incidentInputSchema.parse(raw),
      );
      const outcome = await ingestIncidents(deps, inputs, setUpA.analyst, {
        batchSize: 5_000,
        source: 'bench',
      });
      if (!outcome.ok) throw new Error(`ingest refused row ${outcome.index}: ${outcome.error}`);
      process.stderr.write(`\r  A holds ${(start + size).toLocaleString('en')} incidents`);
    }
    process.stderr.write('\n');
  } finally {
    await contextA.storage.close();
    await contextB.storage.close();
  }
}

/** B's pull, in B's own process; resolves with its JSON lines. */
async function runPuller(
  b: NodeDatabase,
  onCatchUp: () => void,
): Promise<{ catchup: CatchUp; noop: Noop }> {
  const child = spawn(
    process.execPath,
    [...profilingArgs(), '--import', 'tsx', 'bench/support/federation-puller.ts'],
    {
      env: {
        ...process.env,
        TANDEM_DATABASE_URL: b.url,
        TANDEM_NODE_NAME: `Bench node ${b.name}`,
        TANDEM_FEDERATION_PAGE_SIZE: String(PAGE_SIZE),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const parts: (CatchUp | Noop)[] = [];
  if (!child.stdout) throw new Error('no stdout');
  for await (const line of createInterface({ input: child.stdout })) {
    if (!line.startsWith('{')) continue;
    const part = JSON.parse(line) as CatchUp | Noop;
    if (part.part === 'catchup') onCatchUp();
    parts.push(part);
  }
  const code = await new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (exitCode) => resolve(exitCode));
  });
  const catchup = parts.find((p): p is CatchUp => p.part === 'catchup');
  const noop = parts.find((p): p is Noop => p.part === 'noop');
  if (code !== 0 || !catchup || !noop) throw new Error(`the puller failed (exit ${code})`);
  return { catchup, noop };
}

/** The raw baseline: A's federated records read in pages of PAGE_SIZE and JSON-serialised. */
async function rawRead(a: NodeDatabase): Promise<{ rows: number; ms: number }> {
  const context = contextOf(a);
  try {
    const started = performance.now();
    let rows = 0;
    let after: { at: string; id: string } | undefined;
    for (;;) {
      const position = after;
      const page = await context.storage.db
        .selectFrom('records')
        .select([...RECORD_ROW_COLUMNS, 'stored_at'])
        .$if(position !== undefined, (qb) =>
          qb.where((eb) =>
            eb.or([
              eb('stored_at', '>', position?.at ?? ''),
              eb.and([eb('stored_at', '=', position?.at ?? ''), eb('id', '>', position?.id ?? '')]),
            ]),
          ),
        )
        .orderBy('stored_at')
        .orderBy('id')
        .limit(PAGE_SIZE)
        .execute();
      if (page.length === 0) break;
      rows += page.length;
      JSON.stringify(page);
      const last = page[page.length - 1];
      if (!last) break;
      after = { at: last.stored_at, id: last.id };
    }
    return { rows, ms: performance.now() - started };
  } finally {
    await context.storage.close();
  }
}

async function heldOnB(b: NodeDatabase): Promise<number> {
  const context = contextOf(b);
  try {
    const row = await context.storage.db
      .selectFrom('records')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('received_from_peer', '=', 1)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await context.storage.close();
  }
}

/** Gathers planner statistics for A's tables (PostgreSQL). */
async function analyze(node: NodeDatabase): Promise<void> {
  const context = contextOf(node);
  try {
    await sql`analyze`.execute(context.storage.db);
  } finally {
    await context.storage.close();
  }
}

/**
 * Waits until A's alert matcher has worked through the record changes the
 * set-up's bulk ingest queued: otherwise the catch-up would also time A
 * matching N incidents against its fences, which is the set-up's work, not
 * the pull's. Returns how long that took.
 */
async function matcherDrained(a: NodeDatabase): Promise<number> {
  const context = contextOf(a);
  const started = performance.now();
  try {
    for (;;) {
      const row = await context.storage.db
        .selectFrom('record_changes')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      if (Number(row.n) === 0) return performance.now() - started;
      if (performance.now() - started > 600_000) throw new Error('A never drained its queue');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await context.storage.close();
  }
}

async function measure(engine: 'SQLite' | 'PostgreSQL', a: NodeDatabase, b: NodeDatabase) {
  await prepare(a, b);
  // PostgreSQL plans from statistics, which autovacuum keeps after a bulk load on a real server;
  // the CI server runs with autovacuum off, so gather them once here as it would have.
  if (engine === 'PostgreSQL') await analyze(a);
  // A never pulls from B during the run (B is not served); its pull loop stays quiet.
  const nodeA = await serveNode(a, {
    TANDEM_FEDERATION_PULL_MS: '3600000',
    TANDEM_FEDERATION_PAGE_SIZE: String(PAGE_SIZE),
  });
  let result: { catchup: CatchUp; noop: Noop };
  let cpuA = NaN;
  let cpuMachine = NaN;
  try {
    const drainMs = await matcherDrained(a);
    console.log(
      `${engine}: A's alert matcher took ${(drainMs / 1_000).toFixed(1)} s over the set-up's queued changes before the pull began`,
    );
    const cpuABefore = cpuMsOf(nodeA.child.pid);
    const cpuMachineBefore = machineCpuMs();
    result = await runPuller(b, () => {
      cpuA = cpuMsOf(nodeA.child.pid) - cpuABefore;
      cpuMachine = machineCpuMs() - cpuMachineBefore;
    });
  } finally {
    await nodeA.stop();
  }
  const { catchup, noop } = result;
  const rate = catchup.objects / (catchup.ms / 1_000);
  const held = await heldOnB(b);
  const raw = await rawRead(a);
  const rawRate = raw.rows / (raw.ms / 1_000);
  const recordRate = held / (catchup.ms / 1_000);
  console.log(
    `${engine}: catch-up of ${RECORDS.toLocaleString('en')} records: ${catchup.objects.toLocaleString('en')} objects in ${catchup.pages} pages (limit ${PAGE_SIZE}) in ${(catchup.ms / 1_000).toFixed(2)} s = ${Math.round(rate).toLocaleString('en')} objects/s (${Math.round(recordRate).toLocaleString('en')} records/s); stored ${catchup.stored}, refused ${catchup.refused}, B holds ${held} received records`,
  );
  console.log(
    `${engine}: CPU time in the catch-up: B ${(catchup.cpuMs / 1_000).toFixed(2)} s (${Math.round(catchup.objects / (catchup.cpuMs / 1_000)).toLocaleString('en')} objects per B CPU-second), A ${(cpuA / 1_000).toFixed(2)} s (${Math.round(catchup.objects / (cpuA / 1_000)).toLocaleString('en')} objects per A CPU-second), everything else on the machine (the kernel, and on PostgreSQL the database server) ${((cpuMachine - catchup.cpuMs - cpuA) / 1_000).toFixed(2)} s`,
  );
  console.log(
    `${engine}: A's pages took ${(catchup.fetchMs / 1_000).toFixed(2)} s in sum, request sent → body read (B fetches the next page while it applies one, so this overlaps)`,
  );
  console.log(
    `${engine}: raw baseline, the same ${raw.rows.toLocaleString('en')} records read from A's database and JSON-serialised: ${Math.round(rawRate).toLocaleString('en')} records/s (catch-up is ${(rawRate / recordRate).toFixed(1)}× slower per record)`,
  );
  console.log(
    `${engine}: federation catch-up ≥ ${CATCHUP_BUDGET.toLocaleString('en')} objects/s: ${rate >= CATCHUP_BUDGET ? 'met' : 'NOT MET'}`,
  );
  const pulls = [...noop.pulls].sort((x, y) => x - y);
  const discovery = [...noop.discovery].sort((x, y) => x - y);
  const p99 = percentile(pulls, 99);
  console.log(
    `${engine}: no-op pull (${pulls.length} pulls, ${noop.objects} objects came): p50 ${percentile(pulls, 50).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${(pulls.at(-1) ?? NaN).toFixed(1)} ms`,
  );
  console.log(
    `${engine}: baseline, a signed GET of TAXII discovery: p50 ${percentile(discovery, 50).toFixed(1)} ms, p99 ${percentile(discovery, 99).toFixed(1)} ms (no-op p50 is ${(percentile(pulls, 50) / percentile(discovery, 50)).toFixed(1)}×)`,
  );
  console.log(
    `${engine}: a no-op pull ≤ ${NOOP_BUDGET_MS} ms (p99): ${p99 <= NOOP_BUDGET_MS ? 'met' : 'NOT MET'}`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-federation-'));
if (!ENGINES.includes('sqlite')) {
  console.log('SQLite: skipped (TANDEM_BENCH_ENGINES)');
} else {
  try {
    const [a, b] = await nodeDatabases('SQLite', { dir, prefix: 'unused' });
    await measure('SQLite', a, b);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const postgresUrl = process.env.TANDEM_BENCH_POSTGRES_URL;
if (!ENGINES.includes('postgres')) {
  console.log('PostgreSQL: skipped (TANDEM_BENCH_ENGINES)');
} else if (!postgresUrl) {
  console.log('PostgreSQL: skipped (set TANDEM_BENCH_POSTGRES_URL)');
} else {
  const [a, b] = await nodeDatabases('PostgreSQL', {
    dir,
    postgresUrl,
    prefix: 'bench_fed_catchup',
  });
  await measure('PostgreSQL', a, b);
}
