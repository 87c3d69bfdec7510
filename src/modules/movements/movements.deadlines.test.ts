/**
 * Deadlines of a journey on both engines: written on start, the check-in
 * deadline moved by each check-in, all cancelled on arrival; and the handlers
 * called directly inside a transaction with a manual clock: a missed
 * check-in makes the movement overdue and raises L1 with the last position,
 * a check-in brings it back to in transit and resolves the alarm.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { describeEachEngine } from '../../../test/support/storage.js';
import { pendingDeadlinesOf } from '../scheduler/deadlines.repository.js';
import { movementDeadlineHandlers } from './movements.deadlines.js';
import { ARRIVAL_DUE, CHECKIN_DUE } from './movements.schedule.js';
import {
  buildCast,
  CHECKIN_CODE,
  client,
  movementDeps,
  movementIn,
  type Cast,
} from './test-support/journey.js';

const MINUTE = 60_000;

describeEachEngine('movements: deadlines and overdue', (database) => {
  let t: TestApp;
  let cast: Cast;
  let http: ReturnType<typeof client>;

  beforeAll(async () => {
    t = await startTestApp(database());
    cast = await buildCast(t);
    http = client(t);
  });
  afterAll(async () => t.close());

  const db = () => t.context.storage.db;
  const pending = async (id: string) =>
    (await pendingDeadlinesOf(db(), id)).map((d) => ({ kind: d.kind, dueAt: d.due_at }));
  const checkin = (id: string) =>
    http.send(cast.escortField.cookie, 'POST', `/api/movements/${id}/checkins`, {
      clientId: randomUUID(),
      recordedAt: t.clock.now().toISOString(),
      lat: 34.9,
      lon: 72.9,
      kind: 'waypoint',
      code: CHECKIN_CODE,
    });
  const grace = () => t.context.config.protection.checkinGraceMinutes;
  const plus = (minutes: number) =>
    new Date(t.clock.now().getTime() + minutes * MINUTE).toISOString();

  async function fire(id: string, kind: string) {
    const [deadline] = (await pendingDeadlinesOf(db(), id)).filter((d) => d.kind === kind);
    if (!deadline) throw new Error(`no pending ${kind}`);
    const handlers = movementDeadlineHandlers(movementDeps(t));
    await db()
      .transaction()
      .execute(async (trx) => {
        await trx
          .updateTable('deadlines')
          .set({ state: 'fired' })
          .where('id', '=', deadline.id)
          .execute();
        await handlers[kind]?.(trx, deadline);
      });
  }

  it('writes the check-in and arrival deadlines on start, moves the check-in one on each check-in, and cancels both on arrival', async () => {
    const id = await movementIn(t, cast, 'in_transit');
    expect(await pending(id)).toEqual([
      { kind: CHECKIN_DUE, dueAt: plus(30 + grace()) },
      {
        kind: ARRIVAL_DUE,
        dueAt: new Date(Date.parse('2026-11-28T12:00:00.000Z') + grace() * MINUTE).toISOString(),
      },
    ]);
    t.clock.advance(20 * MINUTE);
    const answer = await checkin(id);
    expect(answer.json()).toMatchObject({ nextDueAt: plus(30) });
    expect((await pending(id)).find((d) => d.kind === CHECKIN_DUE)?.dueAt).toBe(plus(30 + grace()));
    expect((await pending(id)).filter((d) => d.kind === CHECKIN_DUE)).toHaveLength(1);
    await http.act(cast.escortField.cookie, id, 'arrive');
    expect(await pending(id)).toEqual([]);
  });

  it('makes a movement that missed its check-in overdue with an L1 alarm at the last position, and a check-in brings it back', async () => {
    const id = await movementIn(t, cast, 'in_transit');
    await checkin(id);
    t.clock.advance((30 + grace()) * MINUTE);
    await fire(id, CHECKIN_DUE);
    const movement = await db()
      .selectFrom('movements')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(movement.state).toBe('overdue');
    const transition = await db()
      .selectFrom('movement_transitions')
      .selectAll()
      .where('movement_id', '=', id)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(transition).toMatchObject({
      from_state: 'in_transit',
      to_state: 'overdue',
      by_user: 'system',
    });
    const [alarm] = await db()
      .selectFrom('alarms')
      .selectAll()
      .where('movement_id', '=', id)
      .execute();
    expect(alarm).toMatchObject({
      reason: 'missed_checkin',
      level: 1,
      last_lat: 34.9,
      last_lon: 72.9,
      resolved_at: null,
    });
    // The next check-in is expected one interval later.
    expect((await pending(id)).find((d) => d.kind === CHECKIN_DUE)?.dueAt).toBe(plus(30));

    expect((await checkin(id)).statusCode).toBe(200);
    const back = await db()
      .selectFrom('movements')
      .select('state')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(back.state).toBe('in_transit');
    const resolved = await db()
      .selectFrom('alarms')
      .select('resolved_at')
      .where('id', '=', alarm?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(resolved.resolved_at).not.toBeNull();
  });

  it('raises an L1 overdue-arrival alarm when the movement has not arrived, and nothing once it has', async () => {
    const late = await movementIn(t, cast, 'in_transit');
    const arrived = await movementIn(t, cast, 'in_transit');
    await fire(late, ARRIVAL_DUE);
    const [deadline] = (await pendingDeadlinesOf(db(), arrived)).filter(
      (d) => d.kind === ARRIVAL_DUE,
    );
    await http.act(cast.escortField.cookie, arrived, 'arrive');
    await db()
      .transaction()
      .execute(async (trx) => {
        if (deadline) await movementDeadlineHandlers(movementDeps(t))[ARRIVAL_DUE]?.(trx, deadline);
      });
    const alarms = await db()
      .selectFrom('alarms')
      .select(['movement_id', 'reason', 'level'])
      .where('movement_id', 'in', [late, arrived])
      .execute();
    expect(alarms).toEqual([{ movement_id: late, reason: 'overdue_arrival', level: 1 }]);
  });
});
