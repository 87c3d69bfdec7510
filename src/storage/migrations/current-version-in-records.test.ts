/** Moving current versions out of record_versions keeps every version exactly once, on both engines. */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/storage.js';
import {
  buildUser,
  signIn,
  startTestApp,
  TEST_ORIGIN,
  type TestApp,
} from '../../../test/support/app.js';
import { buildIncidentInput } from '../../../test/support/factories.js';
import { listRecordVersions } from '../../modules/records/records.repository.js';
import { moveCurrentVersions } from './2026-11-28T1430-current-version-in-records.js';

describeEachEngine('moving current versions into records', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(database());
  });
  afterAll(async () => t.close());

  it('turns the old layout (every version in record_versions) into the new one', async () => {
    const cookie = await signIn(
      t.app,
      (await buildUser(t.context, { roles: ['analyst'] })).username,
    );
    const send = (method: 'POST' | 'PUT', url: string, payload: object) =>
      t.app.inject({ method, url, headers: { cookie, origin: TEST_ORIGIN }, payload });
    const created = await send('POST', '/api/incidents', buildIncidentInput());
    const id = created.json().incident.id as string;
    t.clock.advance(1_000);
    const edited = await send(
      'PUT',
      `/api/incidents/${id}`,
      buildIncidentInput({ fatalities: { total: 7, byNationality: [] } }),
    );
    expect(edited.statusCode, edited.body).toBe(200);
    const db = t.context.storage.db;
    const before = await listRecordVersions(db, id);
    expect(before).toHaveLength(2);

    // The layout before the migration: the current version copied into record_versions too.
    await sql`insert into record_versions (record_id, modified, stored_at, stored_by_user, created_by,
        created_by_user, marking, marking_valid, releasable_to, revoked, body)
      select id, modified, stored_at, stored_by_user, created_by, created_by_user, marking,
        marking_valid, releasable_to, revoked, body from records where id = ${id}`.execute(db);
    await sql`update records set stored_at = '', stored_by_user = null where id = ${id}`.execute(
      db,
    );

    await moveCurrentVersions(db as unknown as Kysely<unknown>);
    expect(await listRecordVersions(db, id)).toEqual(before);
  });
});
