/**
 * Coordination query tables: working groups, meetings, decisions and action
 * items, one row per record (the record itself lives in `records`). Action
 * items copy their decision's meeting and group so that the tracker filters
 * across groups by owner, status and due date with one index each.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('working_groups')
    .addColumn('id', 'text', (c) => c.primaryKey().references('records.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('chair_org_id', 'text', (c) => c.notNull())
    .addColumn('secretary_org_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('working_groups_name')
    .on('working_groups')
    .columns(['name_folded', 'id'])
    .execute();

  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey().references('records.id'))
    .addColumn('working_group_id', 'text', (c) => c.notNull())
    .addColumn('meeting_date', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meetings_group_date')
    .on('meetings')
    .columns(['working_group_id', 'meeting_date', 'id'])
    .execute();
  await db.schema
    .createIndex('meetings_date')
    .on('meetings')
    .columns(['meeting_date', 'id'])
    .execute();

  await db.schema
    .createTable('decisions')
    .addColumn('id', 'text', (c) => c.primaryKey().references('records.id'))
    .addColumn('meeting_id', 'text', (c) => c.notNull())
    .addColumn('working_group_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('decisions_meeting')
    .on('decisions')
    .columns(['meeting_id', 'id'])
    .execute();

  await db.schema
    .createTable('action_items')
    .addColumn('id', 'text', (c) => c.primaryKey().references('records.id'))
    .addColumn('decision_id', 'text', (c) => c.notNull())
    .addColumn('meeting_id', 'text', (c) => c.notNull())
    .addColumn('working_group_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_org_id', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .execute();
  for (const [name, columns] of [
    ['action_items_due', ['due_date', 'id']],
    ['action_items_decision', ['decision_id', 'due_date']],
    ['action_items_group', ['working_group_id', 'due_date']],
    ['action_items_owner', ['owner_org_id', 'due_date']],
    ['action_items_status', ['status', 'due_date']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('action_items')
      .columns([...columns])
      .execute();
  }
}
