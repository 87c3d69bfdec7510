/** Geofenced alerts, their recipient organisations, and signed webhooks with their delivery queue. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('trigger_id', 'text', (c) => c.notNull().references('records.id'))
    .addColumn('trigger_type', 'text', (c) => c.notNull())
    .addColumn('trigger_modified', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull().references('records.id'))
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('certainty', 'text', (c) => c.notNull())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('instruction', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('distance_km', 'double precision', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by_user', 'text')
    .addColumn('escalation_level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('escalated_at', 'text')
    .addUniqueConstraint('alerts_once', ['trigger_id', 'trigger_modified', 'subject_id'])
    .execute();
  await db.schema
    .createIndex('alerts_subject')
    .on('alerts')
    .columns(['subject_id', 'id'])
    .execute();

  await db.schema
    .createTable('alert_recipients')
    .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addPrimaryKeyConstraint('alert_recipients_pk', ['alert_id', 'org_id'])
    .execute();
  await db.schema
    .createIndex('alert_recipients_org')
    .on('alert_recipients')
    .columns(['org_id', 'alert_id'])
    .execute();

  await db.schema
    .createTable('webhooks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('owner_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('webhook_id', 'text', (c) => c.notNull().references('webhooks.id'))
    .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id'))
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('last_status', 'integer')
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_due')
    .on('webhook_deliveries')
    .columns(['state', 'next_attempt_at'])
    .execute();
}
