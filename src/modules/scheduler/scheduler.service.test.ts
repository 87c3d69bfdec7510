/**
 * The scheduler on both engines: due deadlines fire once, oldest first, with
 * their handler's writes in the same transaction; failures are retried with
 * back-off and given up after five attempts without stopping the loop; it
 * wakes when a deadline is written, polls otherwise, and fires on start what
 * fell due while it was not running.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ManualClock, systemClock, type Clock } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import { inTransaction } from '../../storage/executor.js';
import { describeEachEngine } from '../../../test/support/storage.js';
import { findDeadline, pendingDeadlinesOf, scheduleDeadline } from './deadlines.repository.js';
import {
  MAX_ATTEMPTS,
  RETRY_STEP_MS,
  startScheduler,
  type RunningScheduler,
} from './scheduler.service.js';
import type { DeadlineHandlers } from './scheduler.types.js';

const quietLog = { error: () => undefined, info: () => undefined };

/** A pending deadline written straight into the table: no wake-up, as if another process wrote it. */
async function insertDeadlineQuietly(
  db: Parameters<typeof findDeadline>[0],
  kind: string,
  dueAt: string,
  subjectId = newId('subject'),
): Promise<string> {
  const id = newId('deadline');
  await db
    .insertInto('deadlines')
    .values({
      id,
      kind,
      subject_id: subjectId,
      due_at: dueAt,
      payload: '{}',
      state: 'pending',
      created_at: dueAt,
      fired_at: null,
      attempts: 0,
      last_error: null,
    })
    .execute();
  return id;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Date.now() - start;
}

describeEachEngine('scheduler', (database) => {
  let scheduler: RunningScheduler | undefined;
  let fired: string[];
  const db = () => database().storage.db;
  const start = (clock: Clock, handlers: DeadlineHandlers, pollMs = 60_000) => {
    scheduler = startScheduler(
      { db: db(), clock, capabilities: database().storage.capabilities },
      handlers,
      { pollMs, log: quietLog },
    );
    return scheduler;
  };
  const recording: DeadlineHandlers = {
    'test.record': async (_trx, deadline) => {
      fired.push(deadline.subject_id);
    },
  };

  beforeEach(async () => {
    fired = [];
    await db().deleteFrom('deadlines').execute();
  });
  afterEach(async () => {
    await scheduler?.stop();
    scheduler = undefined;
  });

  it('fires due deadlines once each, oldest first, and leaves future ones pending', async () => {
    const clock = new ManualClock('2026-11-28T10:00:00.000Z');
    const running = start(clock, recording);
    await running.runDueNow(); // its start-up pass, with nothing due yet
    await insertDeadlineQuietly(db(), 'test.record', '2026-11-28T09:59:00.000Z', 'second');
    await insertDeadlineQuietly(db(), 'test.record', '2026-11-28T09:58:00.000Z', 'first');
    const later = await insertDeadlineQuietly(db(), 'test.record', '2026-11-28T10:05:00.000Z');
    expect(await running.runDueNow()).toBe(2);
    expect(fired).toEqual(['first', 'second']);
    expect(await running.runDueNow()).toBe(0);
    expect((await findDeadline(db(), later))?.state).toBe('pending');
    clock.advance(5 * 60_000);
    expect(await running.runDueNow()).toBe(1);
    const row = await findDeadline(db(), later);
    expect(row).toMatchObject({ state: 'fired', fired_at: '2026-11-28T10:05:00.000Z' });
  });

  it('commits a handler’s writes with the firing, in one transaction', async () => {
    const clock = new ManualClock('2026-11-28T10:00:00.000Z');
    const subject = newId('subject');
    const running = start(clock, {
      'test.chain': async (trx, deadline) => {
        await scheduleDeadline(
          trx,
          { kind: 'test.next', subjectId: deadline.subject_id, dueAt: '2026-11-28T11:00:00.000Z' },
          clock.now().toISOString(),
        );
      },
    });
    await running.runDueNow();
    await insertDeadlineQuietly(db(), 'test.chain', '2026-11-28T09:00:00.000Z', subject);
    expect(await running.runDueNow()).toBe(1);
    expect((await pendingDeadlinesOf(db(), subject)).map((d) => d.kind)).toEqual(['test.next']);
  });

  it('rolls back a failing handler, retries after 30 s × attempts and gives up after five', async () => {
    const clock = new ManualClock('2026-11-28T10:00:00.000Z');
    const subject = newId('subject');
    const errors: object[] = [];
    const running = startScheduler(
      { db: db(), clock, capabilities: database().storage.capabilities },
      {
        ...recording,
        'test.fail': async (trx, deadline) => {
          await scheduleDeadline(
            trx,
            {
              kind: 'test.next',
              subjectId: deadline.subject_id,
              dueAt: '2026-11-28T11:00:00.000Z',
            },
            clock.now().toISOString(),
          );
          throw new Error('handler broke');
        },
      },
      { pollMs: 60_000, log: { error: (details) => errors.push(details), info: () => undefined } },
    );
    scheduler = running;
    await running.runDueNow();
    const failing = await insertDeadlineQuietly(
      db(),
      'test.fail',
      '2026-11-28T09:00:00.000Z',
      subject,
    );
    const healthy = await insertDeadlineQuietly(db(), 'test.record', '2026-11-28T09:30:00.000Z');
    expect(await running.runDueNow()).toBe(1); // the healthy one fires despite the failure
    expect((await findDeadline(db(), healthy))?.state).toBe('fired');
    let row = await findDeadline(db(), failing);
    expect(row).toMatchObject({ state: 'pending', attempts: 1, fired_at: null });
    expect(row?.last_error).toContain('handler broke');
    expect(row?.due_at).toBe(new Date(clock.now().getTime() + RETRY_STEP_MS).toISOString());
    // The handler's write was rolled back with it.
    expect((await pendingDeadlinesOf(db(), subject)).map((d) => d.kind)).toEqual(['test.fail']);

    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      clock.advance(RETRY_STEP_MS * (attempt - 1) - 1);
      await running.runDueNow();
      expect((await findDeadline(db(), failing))?.attempts).toBe(attempt - 1); // not yet
      clock.advance(1);
      await running.runDueNow();
      expect((await findDeadline(db(), failing))?.attempts).toBe(attempt);
    }
    row = await findDeadline(db(), failing);
    expect(row).toMatchObject({ state: 'failed', attempts: MAX_ATTEMPTS });
    expect(errors).toHaveLength(MAX_ATTEMPTS);
    clock.advance(3_600_000);
    expect(await running.runDueNow()).toBe(0);
    expect((await findDeadline(db(), failing))?.attempts).toBe(MAX_ATTEMPTS);
  });

  it('counts a deadline of a kind nobody handles as a failed attempt', async () => {
    const clock = new ManualClock('2026-11-28T10:00:00.000Z');
    const running = start(clock, recording);
    await running.runDueNow();
    const id = await insertDeadlineQuietly(db(), 'test.unknown', '2026-11-28T09:00:00.000Z');
    await running.runDueNow();
    const row = await findDeadline(db(), id);
    expect(row).toMatchObject({ state: 'pending', attempts: 1 });
    expect(row?.last_error).toContain('no handler for deadline kind test.unknown');
  });

  it('fires on start the deadlines that fell due while it was not running', async () => {
    const due = new Date(Date.now() - 60_000).toISOString();
    const id = await insertDeadlineQuietly(db(), 'test.record', due);
    start(systemClock, recording);
    await waitFor(async () => (await findDeadline(db(), id))?.state === 'fired', 5_000);
  });

  it('is woken when this process writes a deadline, and fires it when due, however long its poll', async () => {
    start(systemClock, recording, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 100)); // its start-up pass is done
    const subject = newId('subject');
    const written = Date.now();
    const dueAt = new Date(written + 300).toISOString();
    await inTransaction(db(), (trx) =>
      scheduleDeadline(trx, { kind: 'test.record', subjectId: subject, dueAt }, dueAt),
    );
    await waitFor(async () => fired.includes(subject), 3_000);
    const late = Date.now() - written - 300;
    expect(late).toBeGreaterThanOrEqual(-5);
    expect(late).toBeLessThan(500);
  });

  it('polls for deadlines written by another process', async () => {
    start(systemClock, recording, 200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const id = await insertDeadlineQuietly(db(), 'test.record', new Date().toISOString());
    const waited = await waitFor(
      async () => (await findDeadline(db(), id))?.state === 'fired',
      3_000,
    );
    expect(waited).toBeLessThan(1_000);
  });
});
