/**
 * Managing an organisation's webhooks: its administrators add one (the
 * address checked, a fresh signing secret shown once), list them (never the
 * secret) and remove one. Every change is audited in its transaction. The
 * creating administrator becomes the owner: deliveries are filtered as that
 * user may read the alerts, and stop if the user is deactivated.
 */
import { isoNow, type Clock } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import { fail, ok, type Result } from '../../core/result.js';
import { newSecret } from '../../core/secrets.js';
import { inTransaction, type Executor } from '../../storage/executor.js';
import type { AuditLog } from '../audit/audit.service.js';
import { isAdmin } from '../identity/identity.authorization.js';
import type { CurrentUser, RequestOrigin } from '../identity/identity.types.js';
import {
  findActiveWebhook,
  insertWebhook,
  listActiveWebhooksOfOrg,
  markWebhookRemoved,
  type WebhookRow,
} from './webhooks.repository.js';
import type { WebhookInput } from './webhooks.schema.js';
import { checkWebhookUrl } from './webhooks.url.js';

export interface WebhookDeps {
  db: Executor;
  clock: Clock;
  audit: AuditLog;
}

export type WebhookError = 'forbidden' | 'url_refused' | 'not_found';

const actorOf = (user: CurrentUser) => ({ userId: user.userId, orgId: user.orgId });
/** The host only: a URL's path and query may themselves be a secret (many receivers put one there). */
const hostOf = (url: string) => new URL(url).host;

export async function createWebhook(
  deps: WebhookDeps,
  input: WebhookInput,
  actor: CurrentUser,
  origin: RequestOrigin,
): Promise<Result<WebhookRow, WebhookError>> {
  if (!isAdmin(actor)) return fail('forbidden');
  const checked = checkWebhookUrl(input.url);
  if (!checked.ok) return fail('url_refused', checked.problem);
  const row: WebhookRow = {
    id: newId('webhook'),
    org_id: actor.orgId,
    owner_user_id: actor.userId,
    url: checked.url,
    description: input.description ?? null,
    secret: newSecret('whsec_'),
    active: 1,
    created_at: isoNow(deps.clock),
    removed_at: null,
  };
  await inTransaction(deps.db, async (trx) => {
    await insertWebhook(trx, row);
    await deps.audit.record(
      {
        action: 'webhook.created',
        outcome: 'success',
        actor: actorOf(actor),
        target: { type: 'webhook', id: row.id },
        ...origin,
        details: { host: hostOf(row.url) },
      },
      trx,
    );
  });
  return ok(row);
}

export async function listWebhooksFor(
  deps: Pick<WebhookDeps, 'db'>,
  actor: CurrentUser,
): Promise<Result<WebhookRow[], WebhookError>> {
  if (!isAdmin(actor)) return fail('forbidden');
  return ok(await listActiveWebhooksOfOrg(deps.db, actor.orgId));
}

export async function removeWebhook(
  deps: WebhookDeps,
  id: string,
  actor: CurrentUser,
  origin: RequestOrigin,
): Promise<Result<true, WebhookError>> {
  if (!isAdmin(actor)) return fail('forbidden');
  return inTransaction(deps.db, async (trx) => {
    const found = await findActiveWebhook(trx, id);
    // Another organisation's webhook is not found: its existence is not ours to confirm.
    if (!found || found.org_id !== actor.orgId) return fail('not_found');
    if (!(await markWebhookRemoved(trx, id, isoNow(deps.clock)))) return fail('not_found');
    await deps.audit.record(
      {
        action: 'webhook.removed',
        outcome: 'success',
        actor: actorOf(actor),
        target: { type: 'webhook', id },
        ...origin,
        details: { host: hostOf(found.url) },
      },
      trx,
    );
    return ok(true as const);
  });
}
