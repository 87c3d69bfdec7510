/**
 * Deadline → alarm latency: how late the scheduler escalates an alarm after
 * its deadline falls due, with the default poll (1 s). Two runs per engine:
 * 200 escalation deadlines falling due over 10 s with the scheduler running,
 * and 200 falling due while the scheduler is stopped for 3 s (a restart),
 * fired when it starts again. Lateness = the alarm's escalated_at − the
 * deadline's due_at. Budget: missed deadline → alarm ≤ 5 s, also across a
 * restart.
 *
 * Run: npx tsx bench/alarms.bench.ts
 * PostgreSQL is measured when TANDEM_BENCH_POSTGRES_URL is set (the bench works in its own
 * schema, bench_alarms, which it drops and creates).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/app/config.js';
import { createAppContext, type AppContext } from '../src/app/context.js';
import { systemClock } from '../src/core/clock.js';
import { DEFAULT_PROTECTION_SETTINGS } from '../src/core/protection-settings.js';
import { alarmDeadlineHandlers } from '../src/modules/alarms/alarms.escalation.js';
import {
  ESCALATE_ALARM,
  raiseAlarm,
  type AlarmDeps,
} from '../src/modules/alarms/alarms.service.js';
import { insertFixtureMovement } from '../src/modules/alarms/test-support/movement-fixture.js';
import { createOrganisation } from '../src/modules/identity/admin.service.js';
import {
  cancelDeadlines,
  scheduleDeadline,
} from '../src/modules/scheduler/deadlines.repository.js';
import {
  startScheduler,
  type RunningScheduler,
} from '../src/modules/scheduler/scheduler.service.js';
import { openStorage, type Storage } from '../src/storage/database.js';
import { inTransaction } from '../src/storage/executor.js';
import { migrateToLatest } from '../src/storage/migrator.js';

const DEADLINES = 200;
const SPREAD_MS = 10_000;
const STOPPED_MS = 3_000;
const BUDGET_MS = 5_000;
const POLL_MS = DEFAULT_PROTECTION_SETTINGS.schedulerPollMs;
const quietLog = { error: (d: object, m: string) => console.error(m, d), info: () => undefined };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** 200 L1 alarms with their own escalation deadlines cancelled: the runs schedule theirs. */
async function prepareAlarms(context: AppContext, deps: AlarmDeps): Promise<string[]> {
  const org = await createOrganisation(
    context.identity,
    { name: `Bench escort ${Date.now()}`, country: 'PK', kind: 'police' },
    undefined,
  );
  if (!org.ok) throw new Error(org.error);
  const ids: string[] = [];
  for (let i = 0; i < DEADLINES; i++) {
    const movementId = await insertFixtureMovement(deps.db, {
      createdBy: org.value.id,
      requesterOrgId: org.value.id,
    });
    ids.push(
      await inTransaction(deps.db, async (trx) => {
        const id = await raiseAlarm(deps, trx, {
          movementId,
          reason: 'missed_checkin',
          level: 1,
          lastPosition: null,
        });
        await cancelDeadlines(trx, id, [ESCALATE_ALARM]);
        return id;
      }),
    );
  }
  return ids;
}

/** Escalation deadlines for the alarms, due from `firstDue` on, `stepMs` apart; returns their due times. */
async function scheduleEscalations(
  deps: AlarmDeps,
  alarmIds: string[],
  firstDue: number,
  stepMs: number,
): Promise<Map<string, number>> {
  const dueBy = new Map<string, number>();
  await inTransaction(deps.db, async (trx) => {
    for (const [i, alarmId] of alarmIds.entries()) {
      const dueAt = firstDue + i * stepMs;
      dueBy.set(alarmId, dueAt);
      await scheduleDeadline(
        trx,
        {
          kind: ESCALATE_ALARM,
          subjectId: alarmId,
          dueAt: new Date(dueAt).toISOString(),
          payload: { toLevel: 2 },
        },
        new Date().toISOString(),
      );
    }
  });
  return dueBy;
}

/** Waits until every alarm is at L2; returns each one's lateness (escalated_at − due_at), sorted. */
async function latenessOf(deps: AlarmDeps, dueBy: Map<string, number>): Promise<number[]> {
  const ids = [...dueBy.keys()];
  for (const giveUp = Date.now() + 60_000; Date.now() < giveUp; await sleep(100)) {
    const rows = await deps.db
      .selectFrom('alarms')
      .select(['id', 'escalated_at'])
      .where('id', 'in', ids)
      .where('level', '=', 2)
      .execute();
    if (rows.length === ids.length)
      return rows
        .map((row) =>
          Math.round(new Date(row.escalated_at ?? 0).getTime() - (dueBy.get(row.id) ?? 0)),
        )
        .sort((a, b) => a - b);
  }
  throw new Error('not every alarm escalated within 60 s');
}

function report(label: string, lateness: number[]): number {
  const max = lateness.at(-1) ?? NaN;
  console.log(
    `${label.padEnd(50)} p50 ${percentile(lateness, 50)} ms, p99 ${percentile(lateness, 99)} ms, max ${max} ms`,
  );
  return max;
}

async function measure(engine: string, storage: Storage): Promise<void> {
  await migrateToLatest(storage);
  const context = createAppContext(loadConfig({ TANDEM_LOG_LEVEL: 'silent' }), {
    storage,
    clock: systemClock,
  });
  const deps: AlarmDeps = {
    db: storage.db,
    clock: systemClock,
    audit: context.audit,
    live: context.live,
    protection: DEFAULT_PROTECTION_SETTINGS,
  };
  const start = (): RunningScheduler =>
    startScheduler(
      { db: storage.db, clock: systemClock, capabilities: storage.capabilities },
      alarmDeadlineHandlers(deps),
      {
        pollMs: POLL_MS,
        log: quietLog,
      },
    );

  const running = await prepareAlarms(context, deps);
  let scheduler = start();
  const live = await scheduleEscalations(deps, running, Date.now() + 500, SPREAD_MS / DEADLINES);
  const liveMax = report(
    `${engine}: ${DEADLINES} deadlines over ${SPREAD_MS / 1000} s, running`,
    await latenessOf(deps, live),
  );
  await scheduler.stop();

  const restarted = await prepareAlarms(context, deps);
  const stoppedAt = Date.now();
  // Due while the scheduler is down: the first at once, the last just before it starts again.
  const missed = await scheduleEscalations(
    deps,
    restarted,
    stoppedAt,
    (STOPPED_MS - 100) / DEADLINES,
  );
  await sleep(STOPPED_MS - (Date.now() - stoppedAt));
  const startedAt = Date.now();
  scheduler = start();
  const restartMax = report(
    `${engine}: ${DEADLINES} deadlines due while stopped ${STOPPED_MS / 1000} s`,
    await latenessOf(deps, missed),
  );
  await scheduler.stop();
  const last = await deps.db
    .selectFrom('alarms')
    .select((eb) => eb.fn.max('escalated_at').as('at'))
    .where('id', 'in', restarted)
    .executeTakeFirstOrThrow();
  console.log(
    `${engine}: after the restart all ${DEADLINES} fired within ${new Date(String(last.at)).getTime() - startedAt} ms`,
  );
  const worst = Math.max(liveMax, restartMax);
  console.log(
    `${engine}: missed deadline → alarm ≤ ${BUDGET_MS / 1000} s: ${worst <= BUDGET_MS ? 'met' : 'NOT MET'} (worst ${worst} ms, poll ${POLL_MS} ms)`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-alarms-'));
const sqlite = openStorage(`sqlite:${join(dir, 'tandem.db')}`);
try {
  await measure('SQLite', sqlite);
} finally {
  await sqlite.close();
  rmSync(dir, { recursive: true, force: true });
}

const postgresUrl = process.env.TANDEM_BENCH_POSTGRES_URL;
if (!postgresUrl) {
  console.log('PostgreSQL: skipped (set TANDEM_BENCH_POSTGRES_URL)');
} else {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  await client.query('drop schema if exists bench_alarms cascade; create schema bench_alarms');
  await client.end();
  const postgres = openStorage(postgresUrl, { schema: 'bench_alarms' });
  try {
    await measure('PostgreSQL', postgres);
  } finally {
    await postgres.close();
  }
}
