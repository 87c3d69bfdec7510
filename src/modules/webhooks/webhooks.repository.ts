/** The only SQL for webhooks and their delivery queue. */
import type { Executor } from '../../storage/executor.js';
import type { WebhookDeliveriesTable, WebhooksTable } from './webhooks.tables.js';

export type WebhookRow = WebhooksTable;
export type DeliveryRow = WebhookDeliveriesTable;

/** A due delivery with what sending it needs from its webhook. */
export type DueDelivery = DeliveryRow & {
  url: string;
  secret: string;
  owner_user_id: string;
};

export async function insertWebhook(executor: Executor, row: WebhookRow): Promise<void> {
  await executor.insertInto('webhooks').values(row).execute();
}

export async function listActiveWebhooksOfOrg(
  executor: Executor,
  orgId: string,
): Promise<WebhookRow[]> {
  return executor
    .selectFrom('webhooks')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('active', '=', 1)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function findActiveWebhook(
  executor: Executor,
  id: string,
): Promise<WebhookRow | undefined> {
  return executor
    .selectFrom('webhooks')
    .selectAll()
    .where('id', '=', id)
    .where('active', '=', 1)
    .executeTakeFirst();
}

export async function markWebhookRemoved(executor: Executor, id: string, at: string) {
  const result = await executor
    .updateTable('webhooks')
    .set({ active: 0, removed_at: at })
    .where('id', '=', id)
    .where('active', '=', 1)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listActiveWebhooks(executor: Executor): Promise<WebhookRow[]> {
  return executor.selectFrom('webhooks').selectAll().where('active', '=', 1).execute();
}

/** Queues a delivery unless one exists for this webhook and alert; true when this call queued it. */
export async function insertDeliveryOnce(executor: Executor, row: DeliveryRow): Promise<boolean> {
  const result = await executor
    .insertInto('webhook_deliveries')
    .values(row)
    .onConflict((conflict) => conflict.columns(['webhook_id', 'alert_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/**
 * Pairs of (alert, active webhook) with no delivery yet, for alerts created
 * since `since` and not before the webhook itself: what a missed live event
 * (another process's, a restart) left unqueued.
 */
export async function alertsAwaitingDelivery(
  executor: Executor,
  since: string,
  limit: number,
): Promise<{ alert_id: string; webhook_id: string }[]> {
  return executor
    .selectFrom('alerts')
    .innerJoin('webhooks', (join) =>
      join.on('webhooks.active', '=', 1).onRef('alerts.created_at', '>=', 'webhooks.created_at'),
    )
    .select(['alerts.id as alert_id', 'webhooks.id as webhook_id'])
    .where('alerts.created_at', '>=', since)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('webhook_deliveries')
            .select('webhook_deliveries.id')
            .whereRef('webhook_deliveries.webhook_id', '=', 'webhooks.id')
            .whereRef('webhook_deliveries.alert_id', '=', 'alerts.id'),
        ),
      ),
    )
    .orderBy('alerts.created_at')
    .limit(limit)
    .execute();
}

export async function dueDeliveries(
  executor: Executor,
  now: string,
  limit: number,
): Promise<DueDelivery[]> {
  return executor
    .selectFrom('webhook_deliveries')
    .innerJoin('webhooks', 'webhooks.id', 'webhook_deliveries.webhook_id')
    .selectAll('webhook_deliveries')
    .select(['webhooks.url', 'webhooks.secret', 'webhooks.owner_user_id'])
    .where('webhook_deliveries.state', '=', 'pending')
    .where('webhook_deliveries.next_attempt_at', '<=', now)
    .where('webhooks.active', '=', 1)
    .orderBy('webhook_deliveries.next_attempt_at')
    .limit(limit)
    .execute();
}

/**
 * Takes a due delivery for `leaseUntil`: moves next_attempt_at forward only if
 * nobody moved it since it was read. Exactly one process wins; a process that
 * dies mid-send leaves the row to be retried when the lease ends.
 */
export async function claimDelivery(
  executor: Executor,
  delivery: Pick<DeliveryRow, 'id' | 'next_attempt_at'>,
  leaseUntil: string,
): Promise<boolean> {
  const result = await executor
    .updateTable('webhook_deliveries')
    .set({ next_attempt_at: leaseUntil })
    .where('id', '=', delivery.id)
    .where('state', '=', 'pending')
    .where('next_attempt_at', '=', delivery.next_attempt_at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function recordAttempt(
  executor: Executor,
  id: string,
  changes: Pick<DeliveryRow, 'attempts' | 'state' | 'next_attempt_at' | 'last_status'> &
    Partial<Pick<DeliveryRow, 'delivered_at'>>,
): Promise<void> {
  await executor.updateTable('webhook_deliveries').set(changes).where('id', '=', id).execute();
}

export async function deliveriesOfAlert(executor: Executor, alertId: string) {
  return executor
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('alert_id', '=', alertId)
    .execute();
}
