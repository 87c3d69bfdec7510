/**
 * The named manifest on both engines: only the requester and escort
 * organisations read and replace it; each read is audited as
 * 'personal_data.read'; a reader of another organisation is told no, a
 * reader who cannot see the movement learns nothing.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { describeEachEngine } from '../../../test/support/storage.js';
import { buildCast, client, movementIn, type Cast } from './test-support/journey.js';

const PEOPLE = [
  { fullName: 'Engineer One', nationality: 'CN', role: 'engineer', documentNumber: 'E1234567' },
  { fullName: 'Driver Two', nationality: 'PK', role: 'driver' },
];

describeEachEngine('movements: the named manifest', (database) => {
  let t: TestApp;
  let cast: Cast;
  let http: ReturnType<typeof client>;

  beforeAll(async () => {
    t = await startTestApp(database());
    cast = await buildCast(t);
    http = client(t);
  });
  afterAll(async () => t.close());

  it('lets the requester and escort organisations read it, auditing each read, and refuses everyone else', async () => {
    const id = await movementIn(t, cast, 'escort_assigned');
    const put = await http.send(cast.requester.cookie, 'PUT', `/api/movements/${id}/manifest`, {
      people: PEOPLE,
    });
    expect(put.statusCode, put.body).toBe(200);
    const asRequester = await http.get(cast.requester.cookie, `/api/movements/${id}/manifest`);
    expect(asRequester.json()).toEqual({ people: PEOPLE });
    expect(
      (await http.get(cast.escortField.cookie, `/api/movements/${id}/manifest`)).statusCode,
    ).toBe(200);
    const duty = await http.get(cast.duty.cookie, `/api/movements/${id}/manifest`);
    expect(duty.statusCode).toBe(403);
    expect((await http.get(cast.outsider.cookie, `/api/movements/${id}/manifest`)).statusCode).toBe(
      404,
    );
    expect(
      (await http.send(cast.duty.cookie, 'PUT', `/api/movements/${id}/manifest`, { people: [] }))
        .statusCode,
    ).toBe(403);
    expect(
      (await http.send(cast.viewer.cookie, 'PUT', `/api/movements/${id}/manifest`, { people: [] }))
        .statusCode,
    ).toBe(403);
    const reads = await t.context.storage.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'details'])
      .where('action', '=', 'personal_data.read')
      .where('target_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(reads.map((r) => r.actor_user_id)).toEqual([
      cast.requester.userId,
      cast.escortField.userId,
    ]);
    // The names never enter the record body or the movement's answer.
    expect((await http.get(cast.duty.cookie, `/api/movements/${id}`)).body).not.toContain(
      'Engineer One',
    );
  });

  it('refuses more than 100 people', async () => {
    const id = await movementIn(t, cast, 'draft');
    const many = Array.from({ length: 101 }, (_, i) => ({
      fullName: `P${i}`,
      nationality: 'CN',
      role: 'worker',
    }));
    expect(
      (
        await http.send(cast.requester.cookie, 'PUT', `/api/movements/${id}/manifest`, {
          people: many,
        })
      ).statusCode,
    ).toBe(400);
  });
});
