/**
 * Crash safety of `tandem import incidents`: the process is SIGKILLed in the
 * middle of writing; every batch it acknowledged must be wholly there, and
 * nothing of a batch it had not committed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../app/config.js';
import { createAppContext } from '../app/context.js';
import { createOrganisation } from '../modules/identity/admin.service.js';
import { countAuditEntries } from '../modules/audit/audit.repository.js';
import { describeEachEngine, type TestDatabase } from '../../test/support/storage.js';
import { cliUrl } from '../../test/support/serve-processes.js';

// Enough that the kill lands mid-file; the check pass reads them all first, so more only costs time.
const ROWS = 20_000;
const BATCH = 1_000;
const KILL_AFTER_BATCH = 3;

function writeCsv(path: string): void {
  const lines = [
    'event_date,time_precision,event_type,sub_event_type,actor1,inter1,country,location,latitude,longitude,geo_precision,fatalities,notes,source',
  ];
  for (let i = 0; i < ROWS; i++) {
    const lat = (24 + (i % 1300) / 100).toFixed(2);
    const lon = (61 + (i % 1500) / 100).toFixed(2);
    // Quoted notes with a comma and a line break keep the parser honest.
    lines.push(
      `2024-03-${String(1 + (i % 28)).padStart(2, '0')},1,Battles,Armed clash,Unidentified armed group,2,Pakistan,Besham,${lat},${lon},2,${i % 4},"Clash ${i}, near the road\nsecond line",Dawn`,
    );
  }
  writeFileSync(path, lines.join('\r\n') + '\r\n');
}

/** Runs the import, kills it after KILL_AFTER_BATCH acknowledgements; returns the rows acknowledged. */
async function importAndKill(database: TestDatabase, file: string): Promise<number> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/run.ts',
      'import',
      'incidents',
      file,
      '--org',
      'Crash Test Police',
      '--batch',
      String(BATCH),
    ],
    {
      env: { ...process.env, TANDEM_DATABASE_URL: cliUrl(database), TANDEM_LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, signal) => resolve(signal)),
  );
  let acknowledged = 0;
  for await (const line of createInterface({ input: child.stdout })) {
    const match = /^committed batch (\d+) \(rows (\d+)–(\d+)\)$/.exec(line);
    if (!match) continue;
    acknowledged = Number(match[3]);
    if (Number(match[1]) === KILL_AFTER_BATCH) child.kill('SIGKILL');
  }
  expect(await exited).toBe('SIGKILL');
  return acknowledged;
}

describeEachEngine('importing incidents, killed midway', (database) => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-crash-'));
    writeCsv(join(dir, 'incidents.csv'));
    const context = createAppContext(loadConfig({ TANDEM_DATABASE_URL: database().url }), {
      storage: database().storage,
    });
    const org = await createOrganisation(
      context.identity,
      { name: 'Crash Test Police', country: 'PK', kind: 'police' },
      undefined,
    );
    if (!org.ok) throw new Error(org.error);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged batch whole and no partial batch', { timeout: 60_000 }, async () => {
    const acknowledged = await importAndKill(database(), join(dir, 'incidents.csv'));
    expect(acknowledged).toBe(KILL_AFTER_BATCH * BATCH);
    const db = database().storage.db;
    const count = async (table: string) =>
      Number(
        (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db))
          .rows[0]?.n,
      );
    const incidents = await count('incidents');
    // The batch after the last acknowledged one may have committed before the kill, never a part of it.
    expect(incidents % BATCH).toBe(0);
    expect(incidents).toBeGreaterThanOrEqual(acknowledged);
    expect(incidents).toBeLessThanOrEqual(acknowledged + BATCH);
    expect(await count('records')).toBe(incidents);
    expect(await count('record_versions')).toBe(0); // new records: their only version is current
    expect(await count('record_search')).toBe(incidents);
    expect(await countAuditEntries(db, 'record.imported')).toBe(incidents / BATCH);
  });
});
