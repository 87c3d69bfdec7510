/**
 * Check-ins over HTTP on both engines: a field device replaying its queue
 * twice creates nothing twice; the duress code is answered exactly as the
 * check-in code while an L3 alarm is raised; wrong codes and closed
 * movements are refused; duress is shown only to duty and liaison officers.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { describeEachEngine } from '../../../test/support/storage.js';
import {
  buildCast,
  CHECKIN_CODE,
  client,
  DURESS_CODE,
  movementIn,
  type Cast,
} from './test-support/journey.js';

describeEachEngine('movements: check-ins', (database) => {
  let t: TestApp;
  let cast: Cast;
  let http: ReturnType<typeof client>;

  beforeAll(async () => {
    t = await startTestApp(database());
    cast = await buildCast(t);
    http = client(t);
  });
  afterAll(async () => t.close());

  const checkin = (cookie: string, id: string, overrides: Record<string, unknown> = {}) =>
    http.send(cookie, 'POST', `/api/movements/${id}/checkins`, {
      clientId: randomUUID(),
      recordedAt: t.clock.now().toISOString(),
      lat: 34.5,
      lon: 73.1,
      kind: 'interval',
      code: CHECKIN_CODE,
      ...overrides,
    });
  const db = () => t.context.storage.db;

  it('creates nothing twice when a device replays its queue twice, and answers each replay as the first time', async () => {
    const id = await movementIn(t, cast, 'in_transit');
    const queue = [0, 1, 2].map((i) => ({
      clientId: randomUUID(),
      recordedAt: new Date(t.clock.now().getTime() - (3 - i) * 60_000).toISOString(),
      lat: 34 + i / 10,
      lon: 73,
      kind: 'interval',
      code: CHECKIN_CODE,
    }));
    const first = [];
    for (const item of queue)
      first.push(
        await http.send(cast.escortField.cookie, 'POST', `/api/movements/${id}/checkins`, item),
      );
    t.clock.advance(5 * 60_000);
    const second = [];
    for (const item of queue)
      second.push(
        await http.send(cast.escortField.cookie, 'POST', `/api/movements/${id}/checkins`, item),
      );
    expect(first.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(second.map((r) => r.body)).toEqual(first.map((r) => r.body));
    const rows = await db()
      .selectFrom('movement_checkins')
      .selectAll()
      .where('movement_id', '=', id)
      .execute();
    expect(rows).toHaveLength(3);
    const audits = await db()
      .selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'movement.checkin')
      .where('target_id', '=', id)
      .execute();
    expect(audits).toHaveLength(3);
  });

  it('answers a duress check-in exactly as a normal one and raises an L3 alarm', async () => {
    const normalId = await movementIn(t, cast, 'in_transit');
    const duressId = await movementIn(t, cast, 'in_transit');
    const clientId = randomUUID();
    const normal = await checkin(cast.escortField.cookie, normalId, { clientId });
    const duress = await checkin(cast.escortField.cookie, duressId, {
      clientId,
      code: DURESS_CODE,
    });
    expect(duress.statusCode).toBe(normal.statusCode);
    expect(duress.body).toBe(normal.body);
    expect(Object.keys(duress.json<object>()).sort()).toEqual([
      'accepted',
      'clientId',
      'nextDueAt',
    ]);
    const alarms = await db()
      .selectFrom('alarms')
      .selectAll()
      .where('movement_id', '=', duressId)
      .execute();
    expect(alarms).toMatchObject([{ reason: 'duress', level: 3, last_lat: 34.5, last_lon: 73.1 }]);
    expect(
      await db().selectFrom('alarms').selectAll().where('movement_id', '=', normalId).execute(),
    ).toEqual([]);
    const stored = await db()
      .selectFrom('movement_checkins')
      .select('duress')
      .where('movement_id', '=', duressId)
      .executeTakeFirst();
    expect(stored?.duress).toBe(1);
  });

  it('shows duress to duty and liaison officers but never to the field', async () => {
    const id = await movementIn(t, cast, 'in_transit');
    await checkin(cast.escortField.cookie, id, { code: DURESS_CODE });
    const asField = await http.get(cast.escortField.cookie, `/api/movements/${id}/checkins`);
    const asDuty = await http.get(cast.duty.cookie, `/api/movements/${id}/checkins`);
    const asLiaison = await http.get(cast.liaison.cookie, `/api/movements/${id}/checkins`);
    expect(asField.body).not.toContain('duress');
    expect(asDuty.json<{ items: { duress?: boolean }[] }>().items[0]?.duress).toBe(true);
    expect(asLiaison.json<{ items: { duress?: boolean }[] }>().items[0]?.duress).toBe(true);
    const fieldDetail = await http.get(cast.escortField.cookie, `/api/movements/${id}`);
    expect(fieldDetail.body).not.toContain('duress');
  });

  it('refuses a wrong code on the code field, and a check-in for a closed movement', async () => {
    const id = await movementIn(t, cast, 'in_transit');
    const wrong = await checkin(cast.escortField.cookie, id, { code: '0000' });
    expect(wrong.statusCode).toBe(400);
    expect(
      wrong.json<{ error: { code: string; issues: { path: string }[] } }>().error,
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'code' }],
    });
    await http.act(cast.escortField.cookie, id, 'arrive');
    await http.act(cast.requester.cookie, id, 'close');
    const closed = await checkin(cast.escortField.cookie, id);
    expect(closed.statusCode).toBe(409);
    expect(http.errorCode(closed)).toBe('CHECKIN_REFUSED');
  });

  it('takes check-ins only from field or duty users of the requester or escort organisation', async () => {
    const id = await movementIn(t, cast, 'in_transit');
    expect(http.errorCode(await checkin(cast.duty.cookie, id))).toBe('FORBIDDEN');
    expect(http.errorCode(await checkin(cast.requester.cookie, id))).toBe('FORBIDDEN');
    expect((await checkin(cast.outsider.cookie, id)).statusCode).toBe(404);
    expect((await checkin(cast.requesterField.cookie, id)).statusCode).toBe(200);
  });
});
