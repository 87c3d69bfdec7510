/**
 * A record's search text is replaced, never added to: after a correction the
 * record is found by its new words only, and holds one search row (and, on
 * SQLite, one rowid in the map beside the FTS5 table). The map migration
 * builds the map from the rows already there.
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  buildUser,
  signIn,
  startTestApp,
  TEST_ORIGIN,
  type TestApp,
} from '../../test/support/app.js';
import { buildIncidentInput } from '../../test/support/factories.js';
import { describeEachEngine } from '../../test/support/storage.js';
import { createSqliteSearchRowMap } from './dialects/sqlite-search-rows.js';

describeEachEngine('search rows', (database) => {
  let t: TestApp;
  let analyst: string;
  beforeAll(async () => {
    t = await startTestApp(database());
    analyst = await signIn(t.app, (await buildUser(t.context, { roles: ['analyst'] })).username);
  });
  afterAll(async () => t.close());

  const found = async (q: string) => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/incidents?q=${encodeURIComponent(q)}`,
      headers: { cookie: analyst },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: { id: string }[] }>().items.map((item) => item.id);
  };
  const searchRowsOf = async (id: string) =>
    Number(
      (
        await t.context.storage.db
          .selectFrom('record_search')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('record_id', '=', id)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('finds a corrected record by its new words only, with one search row', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/incidents',
      headers: { cookie: analyst, origin: TEST_ORIGIN },
      payload: buildIncidentInput({ narrative: 'Roadblock reported at Thakot bridge.' }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ incident: { id: string } }>().incident.id;
    expect(await found('Thakot bridge')).toEqual([id]);

    for (const narrative of ['Checkpoint reported near Chilas.', 'Checkpoint lifted near Sazin.']) {
      const corrected = await t.app.inject({
        method: 'PUT',
        url: `/api/incidents/${id}`,
        headers: { cookie: analyst, origin: TEST_ORIGIN },
        payload: buildIncidentInput({ narrative }),
      });
      expect(corrected.statusCode, corrected.body).toBe(200);
    }
    expect(await found('Thakot bridge')).toEqual([]);
    expect(await found('Chilas')).toEqual([]);
    expect(await found('lifted near Sazin')).toEqual([id]);
    expect(await searchRowsOf(id)).toBe(1);
    if (t.context.storage.engine === 'sqlite') {
      const db = t.context.storage.db as unknown as Kysely<unknown>;
      const counts = await sql<{ texts: number; rows: number }>`select
        (select count(*) from record_search) as texts,
        (select count(*) from record_search_rows) as "rows"`.execute(db);
      expect(counts.rows[0]?.texts).toBe(counts.rows[0]?.rows);
    }
  });

  it('builds the SQLite map from the rows there, keeping the newest row of a record', async () => {
    if (t.context.storage.engine !== 'sqlite') return; // PostgreSQL keys record_search by record id
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/incidents',
      headers: { cookie: analyst, origin: TEST_ORIGIN },
      payload: buildIncidentInput({ narrative: 'Protest blocks the road at Komila.' }),
    });
    const id = created.json<{ incident: { id: string } }>().incident.id;
    const db = t.context.storage.db as unknown as Kysely<unknown>;
    // A database from before the map: no map, and a stray older row for the record.
    await sql`drop table record_search_rows`.execute(db);
    await sql`insert into record_search (rowid, record_id, text) values (1000000, ${id}, 'Stray text at Pattan')`.execute(
      db,
    );
    await sql`insert into record_search (rowid, record_id, text) values (1000001, ${id}, 'Protest blocks the road at Komila.')`.execute(
      db,
    );
    await createSqliteSearchRowMap(db);
    expect(await found('Stray text at Pattan')).toEqual([]);
    expect(await found('road at Komila')).toEqual([id]);
    expect(await searchRowsOf(id)).toBe(1);
    const mapped = await sql<{
      search_row: number;
    }>`select search_row from record_search_rows where record_id = ${id}`.execute(db);
    expect(mapped.rows).toEqual([{ search_row: 1000001 }]);
  });
});
