/** Webhook rows -> API shape. The secret appears only in the answer to its creation. */
import type { WebhookRow } from './webhooks.repository.js';

export function presentWebhook(row: WebhookRow) {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    createdAt: row.created_at,
  };
}

export function presentCreatedWebhook(row: WebhookRow) {
  return { ...presentWebhook(row), secret: row.secret };
}
