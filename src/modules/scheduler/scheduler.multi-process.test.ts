/**
 * Several processes on one PostgreSQL database: each runs its own scheduler,
 * and every deadline still fires exactly once (`for update skip locked`).
 * Two schedulers over two connection pools stand in for two processes. Not
 * on SQLite: its node runs one process, and its synchronous driver cannot
 * wait for a second connection in the same thread.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import { afterCommit } from '../../storage/executor.js';
import { openStorage, type Storage } from '../../storage/database.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/storage.js';
import { recordRan } from '../../../test/support/ran.js';
import { startScheduler } from './scheduler.service.js';
import type { DeadlineHandlers } from './scheduler.types.js';

const DEADLINES = 200;
const quietLog = { error: () => undefined, info: () => undefined };

describe.skipIf(!process.env.TANDEM_TEST_POSTGRES_URL)(
  'two schedulers on one PostgreSQL database',
  () => {
    let database: TestDatabase;
    let second: Storage;
    beforeAll(async () => {
      database = await createTestDatabase('postgres');
      second = openStorage(database.url, { schema: database.schema, maxConnections: 5 });
      recordRan('storage: postgres');
    });
    afterAll(async () => {
      await second.close();
      await database.dispose();
    });

    it('fires each of 200 due deadlines exactly once', { timeout: 30_000 }, async () => {
      const due = new Date(Date.now() - 1_000).toISOString();
      await database.storage.db
        .insertInto('deadlines')
        .values(
          Array.from({ length: DEADLINES }, (_, i) => ({
            id: newId('deadline'),
            kind: 'test.count',
            subject_id: `subject-${i}`,
            due_at: due,
            payload: '{}',
            state: 'pending',
            created_at: due,
            fired_at: null,
            attempts: 0,
            last_error: null,
          })),
        )
        .execute();
      const committed = new Map<string, string[]>();
      const handlersOf = (name: string): DeadlineHandlers => ({
        'test.count': async (trx, deadline) => {
          // Some work inside the claim, so that the two schedulers overlap.
          await trx.selectFrom('deadlines').select('id').where('id', '=', deadline.id).execute();
          afterCommit(trx, () =>
            committed.set(deadline.subject_id, [
              ...(committed.get(deadline.subject_id) ?? []),
              name,
            ]),
          );
        },
      });
      const schedulers = [
        startScheduler(
          {
            db: database.storage.db,
            clock: systemClock,
            capabilities: database.storage.capabilities,
          },
          handlersOf('a'),
          { pollMs: 100, log: quietLog, batchSize: 20 },
        ),
        startScheduler(
          { db: second.db, clock: systemClock, capabilities: second.capabilities },
          handlersOf('b'),
          { pollMs: 100, log: quietLog, batchSize: 20 },
        ),
      ];
      const deadline = Date.now() + 20_000;
      while (committed.size < DEADLINES && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      await Promise.all(schedulers.map((s) => s.stop()));

      expect(committed.size).toBe(DEADLINES);
      expect([...committed.values()].every((by) => by.length === 1)).toBe(true);
      const byScheduler = [...committed.values()].flat();
      // Both took part: the claims really competed.
      expect(byScheduler.filter((name) => name === 'a').length).toBeGreaterThan(0);
      expect(byScheduler.filter((name) => name === 'b').length).toBeGreaterThan(0);
      const states = await database.storage.db
        .selectFrom('deadlines')
        .select(({ fn }) => ['state', fn.countAll<number>().as('n')])
        .groupBy('state')
        .execute();
      expect(states.map((row) => ({ state: row.state, n: Number(row.n) }))).toEqual([
        { state: 'fired', n: DEADLINES },
      ]);
    });
  },
);
