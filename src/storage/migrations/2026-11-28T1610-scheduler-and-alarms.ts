/** Deadlines fired by the scheduler, and movement alarms (see their tables files). */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('deadlines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('fired_at', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .execute();
  await db.schema
    .createIndex('deadlines_due')
    .on('deadlines')
    .columns(['state', 'due_at'])
    .execute();
  await db.schema
    .createIndex('deadlines_subject')
    .on('deadlines')
    .columns(['subject_id', 'kind'])
    .execute();

  await db.schema
    .createTable('alarms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('movement_id', 'text', (c) => c.notNull().references('movements.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('escalated_at', 'text')
    .addColumn('last_lat', 'double precision')
    .addColumn('last_lon', 'double precision')
    .addColumn('last_checkin_at', 'text')
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by_user', 'text')
    .addColumn('resolved_at', 'text')
    .execute();
  await db.schema
    .createIndex('alarms_movement')
    .on('alarms')
    .columns(['movement_id', 'id'])
    .execute();
}
