/**
 * A record's current version lives only in `records`; `record_versions` keeps
 * the versions it replaced. Before, every version was also copied into
 * `record_versions`, so each new record was written twice — the largest
 * single cost of bulk ingest after the indexes. `records` gains when and by
 * whom its current version was stored, which history shows.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('records')
    .addColumn('stored_at', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.alterTable('records').addColumn('stored_by_user', 'text').execute();
  await moveCurrentVersions(db);
}

/** Takes each record's current version out of `record_versions`, keeping when and by whom it was stored. */
export async function moveCurrentVersions(db: Kysely<unknown>): Promise<void> {
  await sql`update records set
      stored_at = coalesce((select v.stored_at from record_versions v
        where v.record_id = records.id and v.modified = records.modified), records.modified),
      stored_by_user = (select v.stored_by_user from record_versions v
        where v.record_id = records.id and v.modified = records.modified)`.execute(db);
  await sql`delete from record_versions where exists (select 1 from records r
      where r.id = record_versions.record_id and r.modified = record_versions.modified)`.execute(
    db,
  );
}
