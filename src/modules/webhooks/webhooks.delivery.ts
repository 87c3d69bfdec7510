/**
 * The webhook delivery worker. An alert is queued for a webhook when the
 * webhook's owner (re-read: a deactivated owner gets nothing) may see it as
 * alertForReader shows it: on every live 'alert raised' event, and by a
 * periodic scan of the last 24 hours for what a missed event (another
 * process, a restart) left unqueued. The unique (webhook, alert) index makes
 * queuing idempotent across processes.
 *
 * Due deliveries are claimed with a lease (a conditional UPDATE of
 * next_attempt_at), so two processes never send the same one at once, then
 * POSTed as signed JSON (webhooks.signing.ts), 5 s timeout, redirects not
 * followed. 2xx is delivered; anything else is retried after 1 min × 2^n,
 * and failed after 8 attempts. An alert its owner may not see is recorded
 * as withheld (decided once, at raise time, as for the live stream). The body is built at send time from the
 * owner's view now, so a release that narrowed meanwhile is honoured.
 *
 * Owns: the queue's life cycle. Must never: send an alert its owner may not read.
 */
import { isoPlus, type Clock } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import type { Executor } from '../../storage/executor.js';
import { alertForReader } from '../alerts/alerts.service.js';
import type { CurrentUser } from '../identity/identity.types.js';
import type { LiveBus } from '../live/live.bus.js';
import { currentUserById } from '../live/live.reader.js';
import {
  alertsAwaitingDelivery,
  claimDelivery,
  dueDeliveries,
  insertDeliveryOnce,
  listActiveWebhooks,
  recordAttempt,
  type DueDelivery,
} from './webhooks.repository.js';
import { deliveryHeaders } from './webhooks.signing.js';

export interface WebhookDeliveryDeps {
  db: Executor;
  clock: Clock;
  live: LiveBus;
}

export interface WebhookDeliveryOptions {
  log: { error(details: object, message: string): void };
  /** How often due retries and unqueued alerts are looked for. */
  pollMs?: number;
  timeoutMs?: number;
}

export interface RunningWebhookDelivery {
  stop(): Promise<void>;
  /** One round now (queue pending alerts, scan, send what is due); for tests. */
  drain(): Promise<void>;
}

export const DELIVERY_POLICY = {
  maxAttempts: 8,
  firstRetryMs: 60_000,
  leaseMs: 60_000,
  scanWindowMs: 24 * 3_600_000,
  batch: 20,
};

/** Queues the alert for the webhooks whose owners may see it now, and withholds it from the rest. */
async function queueAlert(
  deps: WebhookDeliveryDeps,
  alertId: string,
  webhooks: { id: string; owner_user_id: string }[],
  owners: Map<string, CurrentUser | undefined>,
): Promise<void> {
  for (const webhook of webhooks) {
    if (!owners.has(webhook.owner_user_id))
      owners.set(webhook.owner_user_id, await currentUserById(deps.db, webhook.owner_user_id));
    const owner = owners.get(webhook.owner_user_id);
    const visible =
      owner !== undefined && (await alertForReader(deps, alertId, owner)) !== undefined;
    // A withheld row is never sent; it records the decision so that the scan does not ask again.
    await insertDeliveryOnce(deps.db, {
      id: newId('webhook-delivery'),
      webhook_id: webhook.id,
      alert_id: alertId,
      attempts: 0,
      next_attempt_at: deps.clock.now().toISOString(),
      delivered_at: null,
      state: visible ? 'pending' : 'withheld',
      last_status: null,
    });
  }
}

/** POSTs one claimed delivery and records the outcome. */
async function send(
  deps: WebhookDeliveryDeps,
  delivery: DueDelivery,
  timeoutMs: number,
): Promise<void> {
  const owner = await currentUserById(deps.db, delivery.owner_user_id);
  const item = owner && (await alertForReader(deps, delivery.alert_id, owner));
  const attempts = delivery.attempts + 1;
  if (!item) {
    // The owner may no longer see it (deactivated, release narrowed): nothing is sent, ever.
    const at = deps.clock.now().toISOString();
    await recordAttempt(deps.db, delivery.id, {
      attempts,
      state: 'failed',
      next_attempt_at: at,
      last_status: null,
    });
    return;
  }
  const body = JSON.stringify(item);
  const timestamp = Math.floor(deps.clock.now().getTime() / 1000);
  let status: number | null = null;
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      headers: deliveryHeaders({ id: delivery.id, secret: delivery.secret }, timestamp, body),
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = response.status;
    await response.body?.cancel().catch(() => undefined);
  } catch {
    // Refused, timed out, TLS failure: retried like any other failure.
  }
  if (status !== null && status >= 200 && status < 300) {
    const at = deps.clock.now().toISOString();
    await recordAttempt(deps.db, delivery.id, {
      attempts,
      state: 'delivered',
      next_attempt_at: at,
      delivered_at: at,
      last_status: status,
    });
    return;
  }
  const givingUp = attempts >= DELIVERY_POLICY.maxAttempts;
  await recordAttempt(deps.db, delivery.id, {
    attempts,
    state: givingUp ? 'failed' : 'pending',
    next_attempt_at: isoPlus(deps.clock, DELIVERY_POLICY.firstRetryMs * 2 ** (attempts - 1)),
    last_status: status,
  });
}

async function sendDue(deps: WebhookDeliveryDeps, timeoutMs: number): Promise<void> {
  for (;;) {
    const due = await dueDeliveries(deps.db, deps.clock.now().toISOString(), DELIVERY_POLICY.batch);
    const lease = isoPlus(deps.clock, DELIVERY_POLICY.leaseMs);
    const claimed: DueDelivery[] = [];
    for (const delivery of due)
      if (await claimDelivery(deps.db, delivery, lease)) claimed.push(delivery);
    // One slow receiver must not hold up the others: a batch is sent at once.
    await Promise.all(claimed.map((delivery) => send(deps, delivery, timeoutMs)));
    if (due.length < DELIVERY_POLICY.batch) return;
  }
}

export function startWebhookDelivery(
  deps: WebhookDeliveryDeps,
  options: WebhookDeliveryOptions,
): RunningWebhookDelivery {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const raised = new Set<string>();
  let scanDue = true;
  let stopped = false;
  let queued = false;
  let chain: Promise<void> = Promise.resolve();

  async function round(): Promise<void> {
    queued = false;
    const alertIds = [...raised];
    raised.clear();
    const scanning = scanDue;
    scanDue = false;
    const webhooks = alertIds.length > 0 || scanning ? await listActiveWebhooks(deps.db) : [];
    if (webhooks.length > 0) {
      const owners = new Map<string, CurrentUser | undefined>();
      for (const alertId of alertIds) await queueAlert(deps, alertId, webhooks, owners);
      if (scanning) {
        const since = isoPlus(deps.clock, -DELIVERY_POLICY.scanWindowMs);
        for (const pair of await alertsAwaitingDelivery(deps.db, since, 500)) {
          const webhook = webhooks.find((candidate) => candidate.id === pair.webhook_id);
          if (webhook) await queueAlert(deps, pair.alert_id, [webhook], owners);
        }
      }
    }
    await sendDue(deps, timeoutMs);
  }

  function run(): Promise<void> {
    const next = chain.then(round);
    chain = next.catch((error: unknown) => {
      options.log.error({ err: error }, 'webhook delivery round failed');
    });
    return next;
  }

  /** A burst of events makes one more round, not one round each. */
  function wake(): void {
    if (stopped || queued) return;
    queued = true;
    void run().catch(() => undefined);
  }

  const unsubscribe = deps.live.subscribe((event) => {
    if (event.channel !== 'alert' || event.change !== 'raised') return;
    raised.add(event.id);
    wake();
  });
  const timer = setInterval(() => {
    scanDue = true;
    wake();
  }, options.pollMs ?? 10_000);
  timer.unref();
  wake();

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      unsubscribe();
      await chain;
    },
    async drain() {
      scanDue = true;
      await run();
    },
  };
}
