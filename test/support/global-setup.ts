/**
 * Runs once around the whole suite. With CI=true a suite that would be
 * skipped for want of PostgreSQL or Chromium fails instead, naming what is
 * missing; at the end it prints which storage engines and browsers really ran.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

export const RESULTS_DIR = join(process.cwd(), '.test-results');

/**
 * Vitest runs a global set-up once per project as well as for the root
 * (vitest.config.ts has two projects), all in its main process: the first
 * call does the work, the others find it done.
 */
const SET_UP = 'TANDEM_TEST_GLOBAL_SETUP_DONE';
const SUMMARISED = 'TANDEM_TEST_SUMMARY_PRINTED';

export async function setup(): Promise<void> {
  if (process.env[SET_UP] === 'true') return;
  process.env[SET_UP] = 'true';
  rmSync(RESULTS_DIR, { recursive: true, force: true });
  mkdirSync(RESULTS_DIR, { recursive: true });
  await installPostgresExtensions();
  if (process.env.CI === 'true') {
    const missing: string[] = [];
    if (!process.env.TANDEM_TEST_POSTGRES_URL)
      missing.push('TANDEM_TEST_POSTGRES_URL (PostgreSQL)');
    const chromium = process.env.TANDEM_TEST_CHROMIUM ?? '/usr/bin/chromium';
    if (!existsSync(chromium)) missing.push(`Chromium at ${chromium}`);
    if (missing.length > 0) {
      throw new Error(
        `CI=true but these are missing, so tests would be skipped: ${missing.join(', ')}`,
      );
    }
  }
}

/**
 * pg_trgm once, in `public`, before any suite: each suite migrates in its own
 * schema, and an extension created there by the first suite would vanish with
 * that schema and be invisible to the others meanwhile.
 */
async function installPostgresExtensions(): Promise<void> {
  const url = process.env.TANDEM_TEST_POSTGRES_URL;
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('create extension if not exists pg_trgm schema public');
  } finally {
    await client.end();
  }
}

export function teardown(): void {
  if (process.env[SUMMARISED] === 'true' || !existsSync(RESULTS_DIR)) return;
  process.env[SUMMARISED] = 'true';
  const counts = new Map<string, number>();
  for (const file of readdirSync(RESULTS_DIR)) {
    for (const line of readFileSync(join(RESULTS_DIR, file), 'utf8').split('\n')) {
      if (line.trim() !== '') counts.set(line, (counts.get(line) ?? 0) + 1);
    }
  }
  const summary = [...counts.entries()].map(([what, n]) => `${what}: ${n} suite(s)`).join('; ');
  console.log(`\nTandem test environments that ran — ${summary || 'none recorded'}`);
}
