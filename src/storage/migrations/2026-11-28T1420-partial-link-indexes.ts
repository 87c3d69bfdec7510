/**
 * The indexes on an incident's affected site and movement hold only the
 * incidents that name one. Most incidents name neither, and every NULL entry
 * was a B-tree insert paid by bulk ingest for a lookup that never asks for NULL.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['site_id', 'movement_id'] as const) {
    const name = column === 'site_id' ? 'incidents_site' : 'incidents_movement';
    await db.schema.dropIndex(name).execute();
    await db.schema
      .createIndex(name)
      .on('incidents')
      .column(column)
      .where(sql.ref(column), 'is not', null)
      .execute();
  }
}
