/**
 * Reading and acknowledging alerts: the reader's inbox (newest first), one
 * alert, and acknowledgement, which stops its escalation. Every answer goes
 * through alerts.visibility.ts; an alert the reader may not see is "not
 * found", never "forbidden", so that its existence leaks nothing.
 */
import { ALERT_ACKNOWLEDGING_ROLES } from '../../core/vocabulary/protection.js';
import { isoNow } from '../../core/clock.js';
import { fillFilteredPage } from '../../core/pagination.js';
import { readScope } from '../../core/policy/index.js';
import { fail, ok, type Result } from '../../core/result.js';
import { afterCommit, inTransaction } from '../../storage/executor.js';
import type { CurrentUser, RequestOrigin } from '../identity/identity.types.js';
import { cancelDeadlines } from '../scheduler/deadlines.repository.js';
import { presentAlert, type PresentedAlert } from './alerts.presenter.js';
import { ESCALATE_ALERT, type AlertDeps } from './alerts.raise.js';
import {
  findAlert,
  listVisibleAlerts,
  markAlertAcknowledged,
  type AlertListFilter,
} from './alerts.repository.js';
import {
  isDutyOfficer,
  visibleAlert,
  visibleAlerts,
  type VisibleAlert,
} from './alerts.visibility.js';

type ReadDeps = Pick<AlertDeps, 'db'>;

/**
 * The reader's alerts, newest first. SQL applies the whole rule; code checks
 * each row again (fail closed), and the page is filled past rows it refuses
 * (core/pagination.ts fillFilteredPage).
 */
export async function listAlertsFor(
  deps: ReadDeps,
  reader: CurrentUser,
  filter: AlertListFilter,
): Promise<{ items: VisibleAlert[]; nextBefore: string | undefined }> {
  if (!reader.active) return { items: [], nextBefore: undefined };
  const sqlReader = {
    scope: readScope(reader),
    orgId: reader.orgId,
    dutyOfficer: isDutyOfficer(reader),
  };
  const filled = await fillFilteredPage({
    limit: filter.limit,
    after: filter.before,
    read: (before, limit) => listVisibleAlerts(deps.db, sqlReader, { ...filter, before, limit }),
    keep: async (rows) => {
      const visible = new Map(
        (await visibleAlerts(deps.db, rows, reader)).map((alert) => [alert.row.id, alert]),
      );
      return rows.map((row) => visible.get(row.id));
    },
    idOf: (row) => row.id,
  });
  return { items: filled.items, nextBefore: filled.next };
}

export async function readAlert(
  deps: ReadDeps,
  id: string,
  reader: CurrentUser,
): Promise<VisibleAlert | undefined> {
  return visibleAlert(deps.db, await findAlert(deps.db, id), reader);
}

/** The alert as `reader` may see it, presented; undefined when they may not (the live stream and webhooks use it). */
export async function alertForReader(
  deps: ReadDeps,
  id: string,
  reader: CurrentUser,
): Promise<PresentedAlert | undefined> {
  const found = await readAlert(deps, id, reader);
  return found ? presentAlert(found) : undefined;
}

export type AcknowledgeError = 'not_found' | 'forbidden' | 'already_acknowledged';

/** Whether this user's roles let them acknowledge an alert they see. */
export function mayAcknowledgeAlerts(reader: CurrentUser): boolean {
  return ALERT_ACKNOWLEDGING_ROLES.some((role) => reader.roles.includes(role));
}

/** Whoever sees the alert (its recipients, and duty officers once it escalated) and acts on alerts may acknowledge it, once. */
export async function acknowledgeAlert(
  deps: AlertDeps,
  id: string,
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<VisibleAlert, AcknowledgeError>> {
  const found = await readAlert(deps, id, actor);
  if (!found) return fail('not_found');
  if (!mayAcknowledgeAlerts(actor)) return fail('forbidden');
  if (found.row.acknowledged_at !== null) return fail('already_acknowledged');
  const now = isoNow(deps.clock);
  const acknowledged = await inTransaction(deps.db, async (trx) => {
    if (!(await markAlertAcknowledged(trx, id, now, actor.userId))) return false;
    await cancelDeadlines(trx, id, [ESCALATE_ALERT]);
    await deps.audit.record(
      {
        action: 'alert.acknowledged',
        outcome: 'success',
        actor: { userId: actor.userId, orgId: actor.orgId },
        target: { type: 'alert', id },
        address: origin?.address,
        requestId: origin?.requestId,
        details: { escalationLevel: found.row.escalation_level },
      },
      trx,
    );
    afterCommit(trx, () => deps.live.publish({ channel: 'alert', id, change: 'acknowledged' }));
    return true;
  });
  // Someone else acknowledged it between the read and the update.
  if (!acknowledged) return fail('already_acknowledged');
  return ok({
    ...found,
    row: { ...found.row, acknowledged_at: now, acknowledged_by_user: actor.userId },
    acknowledgedByName: actor.displayName,
  });
}
