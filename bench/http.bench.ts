/**
 * Authenticated API throughput: `GET /api/me` with an API token, against the
 * real server (compiled, child process) on loopback, on SQLite and on
 * PostgreSQL, next to a raw Node HTTP baseline measured in the same run.
 * Every request authenticates the token and appends a `token.used` entry
 * to the hash-chained audit log. Budget: ≥ 3,000 requests/s with
 * p99 ≤ 20 ms on SQLite.
 *
 * Run: npm run build:server && npx tsx bench/http.bench.ts
 * PostgreSQL is measured when TANDEM_BENCH_POSTGRES_URL is set (a database the bench may fill).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { loadConfig } from '../src/app/config.js';
import { createAppContext } from '../src/app/context.js';
import { createOrganisation, createUser } from '../src/modules/identity/admin.service.js';
import { createApiToken } from '../src/modules/identity/me.service.js';
import { findUser } from '../src/modules/identity/users.repository.js';
import { toCurrentUser } from '../src/modules/identity/identity.presenter.js';
import { migrateToLatest } from '../src/storage/migrator.js';
import { startChild, stopChild, waitForHttp } from './support/children.js';

const DURATION_SECONDS = Number(process.env.TANDEM_BENCH_SECONDS ?? 10);
const CONNECTIONS = 16;

interface Figures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function load(url: string, headers: Record<string, string>): Promise<Figures> {
  // A short warm-up lets the JIT and the database caches settle.
  await autocannon({ url, headers, connections: CONNECTIONS, duration: 2 });
  const result = await autocannon({
    url,
    headers,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** Seeds one organisation, user and token; returns the token. */
async function seed(databaseUrl: string): Promise<string> {
  const context = createAppContext(loadConfig({ TANDEM_DATABASE_URL: databaseUrl }));
  try {
    await migrateToLatest(context.storage);
    const org = await createOrganisation(
      context.identity,
      { name: `Bench organisation ${Date.now()}`, country: 'PK', kind: 'ministry' },
      undefined,
    );
    if (!org.ok) throw new Error(org.error);
    const user = await createUser(
      context.identity,
      {
        username: `bench.${Date.now()}`,
        displayName: 'Bench user',
        orgId: org.value.id,
        roles: ['analyst'],
        password: 'bench password long enough',
      },
      undefined,
    );
    if (!user.ok) throw new Error(user.error);
    const row = await findUser(context.storage.db, user.value.id);
    if (!row) throw new Error('bench user vanished');
    const { token } = await createApiToken(
      context.identity,
      toCurrentUser(row),
      { name: 'bench', scopes: ['profile:read'], expiresInDays: 1 },
      { address: 'bench', requestId: 'bench' },
    );
    return token;
  } finally {
    await context.storage.close();
  }
}

async function measureTandem(databaseUrl: string, port: number): Promise<Figures> {
  const token = await seed(databaseUrl);
  const server = startChild(process.execPath, ['bin/tandem.js', 'serve', '--no-migrate'], {
    TANDEM_DATABASE_URL: databaseUrl,
    TANDEM_PORT: String(port),
    TANDEM_HOST: '127.0.0.1',
    TANDEM_LOG_LEVEL: 'warn',
    TANDEM_ENV: 'production',
  });
  try {
    await waitForHttp(`http://127.0.0.1:${port}/readyz`);
    return await load(`http://127.0.0.1:${port}/api/me`, { authorization: `Bearer ${token}` });
  } finally {
    await stopChild(server);
  }
}

function line(label: string, f: Figures, baseline?: Figures): string {
  const ratio = baseline
    ? `  (${((f.requestsPerSecond / baseline.requestsPerSecond) * 100).toFixed(1)}% of raw baseline)`
    : '';
  const problems = f.non2xx + f.errors > 0 ? `  [${f.non2xx} non-2xx, ${f.errors} errors]` : '';
  return `${label.padEnd(34)} ${Math.round(f.requestsPerSecond).toLocaleString('en').padStart(7)} req/s   p50 ${f.p50} ms   p99 ${f.p99} ms${ratio}${problems}`;
}

async function runHttpBench(): Promise<void> {
  console.log(
    `\nAuthenticated API: GET /api/me with an API token, ${CONNECTIONS} connections, ${DURATION_SECONDS} s per run`,
  );
  const baselineServer = startChild(
    process.execPath,
    ['--import', 'tsx', 'bench/support/baseline-server.ts'],
    { PORT: '18931' },
  );
  let baseline: Figures;
  try {
    await waitForHttp('http://127.0.0.1:18931/');
    baseline = await load('http://127.0.0.1:18931/', {});
  } finally {
    await stopChild(baselineServer);
  }
  console.log(line('raw node:http baseline', baseline));

  const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
  try {
    const sqlite = await measureTandem(`sqlite:${join(dir, 'bench.db')}`, 18932);
    console.log(line('tandem, SQLite', sqlite, baseline));
    const budget = sqlite.requestsPerSecond >= 3000 && sqlite.p99 <= 20;
    console.log(`  budget ≥ 3,000 req/s and p99 ≤ 20 ms on SQLite: ${budget ? 'met' : 'NOT MET'}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const postgresUrl = process.env.TANDEM_BENCH_POSTGRES_URL;
  if (!postgresUrl) {
    console.log('tandem, PostgreSQL                 skipped: set TANDEM_BENCH_POSTGRES_URL');
    return;
  }
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  await client.query('drop schema if exists public cascade; create schema public');
  await client.end();
  console.log(line('tandem, PostgreSQL', await measureTandem(postgresUrl, 18933), baseline));
}

await runHttpBench();
