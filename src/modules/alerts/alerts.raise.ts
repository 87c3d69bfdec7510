/**
 * Storing the alerts one trigger version raises, in the caller's
 * transaction: each alert once (the unique key alerts_once makes a second
 * matcher, here or in another process, insert nothing), its recipients, its
 * audit entry (no actor: the node raised it), its first escalation deadline,
 * and the live event after commit.
 *
 * Owns: what an alert row holds. Must never: publish before the commit.
 */
import { isoNow, type Clock } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import type { ProtectionSettings } from '../../core/protection-settings.js';
import { afterCommit, type Executor } from '../../storage/executor.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { LiveBus } from '../live/live.bus.js';
import { scheduleDeadline } from '../scheduler/deadlines.repository.js';
import { capFieldsOf } from './alerts.cap.js';
import type { SubjectMatch } from './alerts.match.js';
import { insertAlertOnce } from './alerts.repository.js';
import type { Trigger } from './alerts.triggers.js';

export interface AlertDeps {
  db: Executor;
  clock: Clock;
  audit: AuditLog;
  live: LiveBus;
  protection: ProtectionSettings;
}

export const ESCALATE_ALERT = 'alert.escalate';
/** An unacknowledged alert escalates twice at most: 1 (duty officers see it), then 2. */
export const MAX_ALERT_LEVEL = 2;

export function escalationDueAt(deps: Pick<AlertDeps, 'protection'>, from: Date): string {
  return new Date(
    from.getTime() + deps.protection.alertEscalateAfterMinutes * 60_000,
  ).toISOString();
}

/** Stores the alerts for `matches`; returns the ids of those that were new. */
export async function raiseAlerts(
  deps: AlertDeps,
  trx: Executor,
  trigger: Trigger,
  matches: readonly SubjectMatch[],
): Promise<string[]> {
  const now = isoNow(deps.clock);
  const raised: string[] = [];
  for (const match of matches) {
    const cap = capFieldsOf(trigger, match, now);
    const id = newId('alert');
    const stored = await insertAlertOnce(
      trx,
      {
        id,
        trigger_id: trigger.id,
        trigger_type: trigger.kind,
        trigger_modified: trigger.modified,
        subject_id: match.subjectId,
        subject_type: match.subjectType,
        severity: cap.severity,
        urgency: cap.urgency,
        certainty: cap.certainty,
        headline: cap.headline,
        instruction: cap.instruction,
        area: JSON.stringify(cap.area),
        distance_km: match.distanceKm,
        created_at: now,
        acknowledged_at: null,
        acknowledged_by_user: null,
        escalation_level: 0,
        escalated_at: null,
      },
      match.recipients,
    );
    if (!stored) continue;
    await scheduleDeadline(
      trx,
      { kind: ESCALATE_ALERT, subjectId: id, dueAt: escalationDueAt(deps, deps.clock.now()) },
      now,
    );
    await deps.audit.record(
      {
        action: 'alert.raised',
        outcome: 'success',
        target: { type: 'alert', id },
        details: {
          triggerId: trigger.id,
          triggerModified: trigger.modified,
          subjectId: match.subjectId,
          severity: cap.severity,
          recipients: match.recipients,
        },
      },
      trx,
    );
    raised.push(id);
  }
  if (raised.length > 0) {
    afterCommit(trx, () => {
      for (const id of raised) deps.live.publish({ channel: 'alert', id, change: 'raised' });
    });
  }
  return raised;
}
