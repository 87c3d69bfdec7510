/**
 * Runs a repository suite on every storage engine: SQLite always (a fresh
 * file per suite), PostgreSQL when TANDEM_TEST_POSTGRES_URL is set (a fresh
 * schema per suite). With CI=true a missing PostgreSQL fails the run (see
 * global-setup.ts), so "ran on both" is never silently "ran on one".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { openStorage, type EngineName, type Storage } from '../../src/storage/database.js';
import { migrateToLatest } from '../../src/storage/migrator.js';
import { recordRan } from './ran.js';

export interface TestDatabase {
  readonly engine: EngineName;
  readonly url: string;
  readonly schema: string | undefined;
  readonly storage: Storage;
  dispose(): Promise<void>;
}

export function testEngines(): EngineName[] {
  return process.env.TANDEM_TEST_POSTGRES_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export async function createTestDatabase(engine: EngineName): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-test-'));
    const url = `sqlite:${join(dir, 'tandem.db')}`;
    const storage = openStorage(url);
    await migrateToLatest(storage);
    return {
      engine,
      url,
      schema: undefined,
      storage,
      async dispose() {
        await storage.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = process.env.TANDEM_TEST_POSTGRES_URL;
  if (!url) throw new Error('TANDEM_TEST_POSTGRES_URL is not set');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await withAdminClient(url, (client) => client.query(`create schema ${schema}`));
  const storage = openStorage(url, { schema, maxConnections: 5 });
  await migrateTestSchema(storage);
  return {
    engine,
    url,
    schema,
    storage,
    async dispose() {
      await storage.close();
      await withAdminClient(url, (client) => client.query(`drop schema ${schema} cascade`));
    },
  };
}

/**
 * Migrates a test file's schema. Kysely's migrator lists every table of the
 * database to see whether its own exist, and another test file dropping its
 * schema at that moment makes the listing fail with "relation … does not
 * exist" (42P01) or "schema … does not exist" (3F000), before any migration
 * ran. Only tests keep schemas that come and go in one database, so only
 * here is that retried.
 */
async function migrateTestSchema(storage: Storage): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await migrateToLatest(storage);
      return;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= 5 || (code !== '42P01' && code !== '3F000')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

async function withAdminClient<T>(
  url: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** `describe` once per engine; `database()` gives that engine's migrated database. */
export function describeEachEngine(
  name: string,
  suite: (database: () => TestDatabase) => void,
): void {
  for (const engine of testEngines()) {
    describe(`${name} [${engine}]`, () => {
      let current: TestDatabase | undefined;
      beforeAll(async () => {
        current = await createTestDatabase(engine);
        recordRan(`storage: ${engine}`);
      });
      afterAll(async () => {
        await current?.dispose();
      });
      suite(() => {
        if (!current) throw new Error('test database not ready');
        return current;
      });
    });
  }
}
