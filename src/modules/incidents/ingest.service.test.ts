/**
 * The ingest service's batches on both engines, PostgreSQL writing two at a
 * time: every batch is acknowledged in input order once committed, and when
 * one fails, the batches that did commit are acknowledged before the error
 * and no batch is left half-written.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/storage.js';
import { buildUser, startTestApp, type TestApp } from '../../../test/support/app.js';
import { buildIncidentInput } from '../../../test/support/factories.js';
import { toCurrentUser } from '../identity/identity.presenter.js';
import { findUser } from '../identity/users.repository.js';
import type { CurrentUser } from '../identity/identity.types.js';
import { ingestIncidents, type CommittedBatch } from './ingest.service.js';

describeEachEngine('the ingest service', (database) => {
  let t: TestApp;
  let actor: CurrentUser;

  beforeAll(async () => {
    t = await startTestApp(database());
    const built = await buildUser(t.context, { roles: ['analyst'] });
    const row = await findUser(t.context.storage.db, built.userId);
    if (!row) throw new Error('user missing');
    actor = toCurrentUser(row);
  });
  afterAll(async () => t.close());

  const deps = () => ({
    db: t.context.storage.db,
    clock: t.clock,
    audit: t.context.audit,
    capabilities: t.context.storage.capabilities,
  });
  const countWhere = async (location: string) =>
    Number(
      (
        await sql<{
          n: number;
        }>`select count(*) as n from incidents where location like ${location}`.execute(
          t.context.storage.db,
        )
      ).rows[0]?.n,
    );

  it('acknowledges every batch in input order, with ids in input order', async () => {
    const inputs = Array.from({ length: 55 }, (_, i) =>
      buildIncidentInput({
        place: { name: `Ordered ${i}`, country: 'PK', lat: 30, lon: 70, geoPrecision: 1 },
      }),
    );
    const acknowledged: CommittedBatch[] = [];
    const outcome = await ingestIncidents(deps(), inputs, actor, {
      batchSize: 10,
      onBatchCommitted: (batch) => acknowledged.push(batch),
    });
    if (!outcome.ok) throw new Error(outcome.error);
    expect(acknowledged.map((b) => [b.first, b.last])).toEqual([
      [0, 9],
      [10, 19],
      [20, 29],
      [30, 39],
      [40, 49],
      [50, 54],
    ]);
    expect(outcome.value).toEqual(acknowledged.flatMap((b) => b.ids));
    const stored = await t.context.storage.db
      .selectFrom('incidents')
      .select(['id', 'location'])
      .where('id', 'in', outcome.value)
      .execute();
    const locationOf = new Map(stored.map((row) => [row.id, row.location]));
    expect(outcome.value.map((id) => locationOf.get(id))).toEqual(inputs.map((i) => i.place.name));
  });

  it('acknowledges the batches that committed when a later one fails, and leaves no part of it', async () => {
    const db = t.context.storage.db;
    if (database().engine === 'sqlite') {
      await sql`create trigger refuse_poison before insert on incidents when new.location = 'Poison'
        begin select raise(abort, 'poisoned row'); end`.execute(db);
    } else {
      await sql`create function refuse_poison() returns trigger language plpgsql as $$
        begin if new.location = 'Poison' then raise exception 'poisoned row'; end if; return new; end $$`.execute(
        db,
      );
      await sql`create trigger refuse_poison before insert on incidents
        for each row execute function refuse_poison()`.execute(db);
    }
    const inputs = Array.from({ length: 40 }, (_, i) =>
      buildIncidentInput({
        place: {
          name: i === 25 ? 'Poison' : `Failing ${i}`,
          country: 'PK',
          lat: 30,
          lon: 70,
          geoPrecision: 1,
        },
      }),
    );
    const acknowledged: CommittedBatch[] = [];
    await expect(
      ingestIncidents(deps(), inputs, actor, {
        batchSize: 10,
        onBatchCommitted: (batch) => acknowledged.push(batch),
      }),
    ).rejects.toThrow(/poisoned row/);
    // Batches 0 and 1 committed; batch 2 (rows 20–29) failed whole; batch 3 may have committed beside it.
    const firsts = acknowledged.map((b) => b.first);
    expect(firsts.slice(0, 2)).toEqual([0, 10]);
    expect(firsts).not.toContain(20);
    const stored = await countWhere('Failing %');
    expect(stored).toBe(acknowledged.length * 10);
    expect(await countWhere('Poison')).toBe(0);
  });
});
