/**
 * Escalation of unacknowledged alerts, fired by the scheduler: at each
 * 'alert.escalate' deadline an alert nobody acknowledged goes one level up
 * (level 1 shows it to every duty officer who may read its records; level 2
 * is the last), is audited and announced, and the next step is scheduled
 * once more. An acknowledged alert stays where it is.
 */
import { isoNow } from '../../core/clock.js';
import { afterCommit } from '../../storage/executor.js';
import { scheduleDeadline } from '../scheduler/deadlines.repository.js';
import type { DeadlineHandlers } from '../scheduler/scheduler.types.js';
import {
  ESCALATE_ALERT,
  MAX_ALERT_LEVEL,
  escalationDueAt,
  type AlertDeps,
} from './alerts.raise.js';
import { findAlert, markAlertEscalated } from './alerts.repository.js';

export function alertDeadlineHandlers(deps: AlertDeps): DeadlineHandlers {
  return {
    [ESCALATE_ALERT]: async (trx, deadline) => {
      const alert = await findAlert(trx, deadline.subject_id);
      if (!alert || alert.acknowledged_at !== null) return;
      if (alert.escalation_level >= MAX_ALERT_LEVEL) return;
      const level = alert.escalation_level + 1;
      const now = isoNow(deps.clock);
      if (!(await markAlertEscalated(trx, alert.id, level, now))) return;
      await deps.audit.record(
        {
          action: 'alert.escalated',
          outcome: 'success',
          target: { type: 'alert', id: alert.id },
          details: { level, subjectId: alert.subject_id },
        },
        trx,
      );
      if (level < MAX_ALERT_LEVEL) {
        await scheduleDeadline(
          trx,
          {
            kind: ESCALATE_ALERT,
            subjectId: alert.id,
            dueAt: escalationDueAt(deps, deps.clock.now()),
          },
          now,
        );
      }
      afterCommit(trx, () =>
        deps.live.publish({ channel: 'alert', id: alert.id, change: 'escalated' }),
      );
    },
  };
}
