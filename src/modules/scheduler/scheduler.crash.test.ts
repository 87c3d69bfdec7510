/**
 * Deadlines survive a crash: a node is SIGKILLed while an alarm's escalation
 * deadline is pending; once a node runs again on the same database the alarm
 * reaches L2, late by no more than the restart took plus one poll interval.
 * Spawns the real `serve` command from source (as import.crash.test.ts does),
 * on SQLite and, with TANDEM_TEST_POSTGRES_URL, on PostgreSQL.
 */
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { createAppContext, type AppContext } from '../../app/context.js';
import { systemClock } from '../../core/clock.js';
import { inTransaction } from '../../storage/executor.js';
import { createOrganisation } from '../identity/admin.service.js';
import { insertFixtureMovement } from '../alarms/test-support/movement-fixture.js';
import { ESCALATE_ALARM, raiseAlarm } from '../alarms/alarms.service.js';
import { describeEachEngine } from '../../../test/support/storage.js';
import { startServe } from '../../../test/support/serve-processes.js';
import { pendingDeadlinesOf } from './deadlines.repository.js';

const POLL_MS = 1_000;
/** How far ahead the escalation falls due: longer than a kill, shorter than most restarts. */
const L2_AFTER_MINUTES = 0.05;

const SERVE_ENV = {
  TANDEM_ALARM_L2_AFTER_MINUTES: String(L2_AFTER_MINUTES),
  TANDEM_ALARM_L3_AFTER_MINUTES: String(L2_AFTER_MINUTES),
  TANDEM_SCHEDULER_POLL_MS: String(POLL_MS),
};

describeEachEngine('an escalation deadline across a crash', (database) => {
  let context: AppContext;
  const children: ChildProcess[] = [];
  beforeAll(() => {
    context = createAppContext(loadConfig({ TANDEM_DATABASE_URL: database().url }), {
      storage: database().storage,
      clock: systemClock,
    });
  });
  afterAll(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  });

  it(
    'fires after a restart, late by at most the restart plus one poll',
    { timeout: 60_000 },
    async () => {
      const db = database().storage.db;
      const org = await createOrganisation(
        context.identity,
        { name: 'Crash Test Escort', country: 'PK', kind: 'police' },
        undefined,
      );
      if (!org.ok) throw new Error(org.error);
      const movement = await insertFixtureMovement(db, {
        createdBy: org.value.id,
        requesterOrgId: org.value.id,
      });

      const first = await startServe(database(), SERVE_ENV);
      children.push(first.child);
      const alarmId = await inTransaction(db, (trx) =>
        raiseAlarm(
          {
            db,
            clock: systemClock,
            audit: context.audit,
            live: context.live,
            protection: { ...context.config.protection, alarmL2AfterMinutes: L2_AFTER_MINUTES },
          },
          trx,
          { movementId: movement, reason: 'missed_checkin', level: 1, lastPosition: null },
        ),
      );
      const [deadline] = await pendingDeadlinesOf(db, alarmId);
      expect(deadline?.kind).toBe(ESCALATE_ALARM);
      first.child.kill('SIGKILL');
      expect(await first.exited).toBe('SIGKILL');
      const dueAt = new Date(deadline?.due_at ?? 0).getTime();
      expect(Date.now()).toBeLessThan(dueAt); // killed while the deadline was still pending
      expect((await pendingDeadlinesOf(db, alarmId)).map((d) => d.id)).toEqual([deadline?.id]);

      const restartedAt = Date.now();
      const second = await startServe(database(), SERVE_ENV);
      children.push(second.child);
      const readyAt = Date.now();
      let alarm: { level: number; escalated_at: string | null } | undefined;
      const giveUp = Date.now() + 20_000;
      while (Date.now() < giveUp) {
        alarm = await db
          .selectFrom('alarms')
          .select(['level', 'escalated_at'])
          .where('id', '=', alarmId)
          .executeTakeFirst();
        if (alarm?.level === 2) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(alarm?.level).toBe(2);
      const fired = await db
        .selectFrom('deadlines')
        .select(['state', 'fired_at'])
        .where('id', '=', deadline?.id ?? '')
        .executeTakeFirstOrThrow();
      expect(fired.state).toBe('fired');
      const lateMs = new Date(fired.fired_at ?? 0).getTime() - dueAt;
      // Due while no node ran: it fires as the node starts; due later: within the poll (or sooner).
      const restartMs = Math.max(0, readyAt - Math.max(restartedAt, dueAt));
      expect(lateMs).toBeLessThanOrEqual(restartMs + POLL_MS);
      console.log(
        `[${database().engine}] escalation late by ${lateMs} ms after a restart of ${readyAt - restartedAt} ms`,
      );

      second.child.kill('SIGTERM');
      await second.exited;
    },
  );
});
