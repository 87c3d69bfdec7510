/**
 * In-app notifications to an organisation (first kind: an action item it owns
 * is overdue), and who has read each. One notification per kind, subject,
 * occasion and recipient: the unique key makes the overdue scan idempotent,
 * also when several processes run it at once on PostgreSQL.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('recipient_org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('occasion', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('notifications_once', [
      'kind',
      'subject_id',
      'occasion',
      'recipient_org_id',
    ])
    .execute();
  await db.schema
    .createIndex('notifications_recipient')
    .on('notifications')
    .columns(['recipient_org_id', 'id'])
    .execute();

  await db.schema
    .createTable('notification_reads')
    .addColumn('notification_id', 'text', (c) => c.notNull().references('notifications.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_reads_pk', ['notification_id', 'user_id'])
    .execute();
}
