/**
 * Signed webhooks: an organisation's other systems receive its alerts, as
 * the webhook's owner user may read them. Created by migration 1620 (with the
 * alerts); 1635 added the description, the removal time and the one-delivery-
 * per-alert index.
 */
export interface WebhooksTable {
  id: string;
  org_id: string;
  /** Deliveries are filtered as this user would see them; a deactivated owner receives nothing. */
  owner_user_id: string;
  url: string;
  description: string | null;
  /** HMAC-SHA256 key; kept because signing needs it, shown once at creation. */
  secret: string;
  /** 1 until removed (rows stay: their deliveries refer to them). */
  active: number;
  created_at: string;
  removed_at: string | null;
}

/**
 * The delivery queue: one row per webhook and alert, retried with back-off
 * until delivered or given up. `next_attempt_at` doubles as the lease: a
 * worker claims a due row by moving it forward with a conditional UPDATE.
 */
export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  alert_id: string;
  attempts: number;
  next_attempt_at: string;
  delivered_at: string | null;
  /** pending | delivered | failed | withheld (the owner could not see the alert: never sent) */
  state: string;
  last_status: number | null;
}
