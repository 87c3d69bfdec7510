/**
 * Webhooks as the API offers them: a description, removal by marking (their
 * deliveries keep pointing at them), one delivery per webhook and alert (two
 * processes that both see the alert insert it once), and the alerts' creation
 * time indexed for the scan that finds alerts not yet queued.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('webhooks').addColumn('description', 'text').execute();
  await db.schema.alterTable('webhooks').addColumn('removed_at', 'text').execute();
  await db.schema
    .createIndex('webhooks_org')
    .on('webhooks')
    .columns(['org_id', 'active'])
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_once')
    .on('webhook_deliveries')
    .columns(['webhook_id', 'alert_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('alerts_created_for_webhooks')
    .on('alerts')
    .columns(['created_at'])
    .execute();
}
