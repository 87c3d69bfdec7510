/**
 * Acknowledging an alarm: someone who sees it and holds an acknowledging
 * role (alarms.audience.ts) takes it on. Its escalation stops, the
 * acknowledgement is audited in the same transaction, and open screens are
 * told after commit. Only the first acknowledgement counts.
 */
import { isoNow } from '../../core/clock.js';
import { fail, ok, type Result } from '../../core/result.js';
import { afterCommit, inTransaction } from '../../storage/executor.js';
import type { CurrentUser, RequestOrigin } from '../identity/identity.types.js';
import { cancelDeadlines } from '../scheduler/deadlines.repository.js';
import { mayAcknowledge } from './alarms.audience.js';
import { presentAlarm, type PresentedAlarm } from './alarms.presenter.js';
import { readVisibleAlarm } from './alarms.read.js';
import { markAlarmAcknowledged } from './alarms.repository.js';
import { ESCALATE_ALARM, type AlarmDeps } from './alarms.service.js';

export type AcknowledgeError = 'not_found' | 'forbidden' | 'already_acknowledged';

export async function acknowledgeAlarm(
  deps: AlarmDeps,
  id: string,
  actor: CurrentUser,
  origin: RequestOrigin,
): Promise<Result<PresentedAlarm, AcknowledgeError>> {
  return inTransaction(deps.db, async (trx) => {
    const view = await readVisibleAlarm(trx, id, actor);
    // Whoever may not see it learns nothing, not even that it exists.
    if (!view) return fail('not_found');
    if (!mayAcknowledge(actor, view)) return fail('forbidden');
    const at = isoNow(deps.clock);
    if (view.acknowledged_at !== null) return fail('already_acknowledged');
    // Two people at once: the conditional update lets only the first through.
    if (!(await markAlarmAcknowledged(trx, id, { userId: actor.userId, at })))
      return fail('already_acknowledged');
    await cancelDeadlines(trx, id, [ESCALATE_ALARM]);
    await deps.audit.record(
      {
        action: 'alarm.acknowledged',
        outcome: 'success',
        actor: { userId: actor.userId, orgId: actor.orgId },
        target: { type: 'movement', id: view.movement_id },
        address: origin.address,
        requestId: origin.requestId,
        details: { alarmId: id, reason: view.reason, level: view.level },
      },
      trx,
    );
    afterCommit(trx, () => deps.live.publish({ channel: 'alarm', id, change: 'acknowledged' }));
    return ok(
      presentAlarm({
        ...view,
        acknowledged_at: at,
        acknowledged_by_user: actor.userId,
        acknowledged_by_name: actor.displayName,
      }),
    );
  });
}
