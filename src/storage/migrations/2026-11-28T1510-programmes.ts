/**
 * The programmes query table: one row per cooperation programme (the record
 * itself lives in `records`). Programmes copy their decision's meeting and
 * group, so the programme board filters by group, decision, lead, kind or
 * status with one index each, every one ending in the board's sort key.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('programmes')
    .addColumn('id', 'text', (c) => c.primaryKey().references('records.id'))
    .addColumn('decision_id', 'text', (c) => c.notNull())
    .addColumn('meeting_id', 'text', (c) => c.notNull())
    .addColumn('working_group_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('lead_org_id', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .execute();
  for (const [name, columns] of [
    ['programmes_start', ['start_date', 'id']],
    ['programmes_decision', ['decision_id', 'start_date', 'id']],
    ['programmes_group', ['working_group_id', 'start_date', 'id']],
    ['programmes_lead', ['lead_org_id', 'start_date', 'id']],
    ['programmes_kind', ['kind', 'start_date', 'id']],
    ['programmes_status', ['status', 'start_date', 'id']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('programmes')
      .columns([...columns])
      .execute();
  }
}
