/**
 * Reading alarms: an alarm is visible to a reader who may read its
 * movement's record (the SQL read filter, then canRead) and who is in the
 * audience of its current level (the same rule in SQL, then in code —
 * alarms.audience.ts). Used by the routes and by the live stream
 * (alarmForReader), so that both show exactly the same alarms.
 */
import { fillFilteredPage } from '../../core/pagination.js';
import { canRead, readScope, type Reader } from '../../core/policy/index.js';
import type { Executor } from '../../storage/executor.js';
import { toShareable } from '../records/records.repository.js';
import { audienceScope, inAlarmAudience, type AlarmAudienceFacts } from './alarms.audience.js';
import { presentAlarm, type PresentedAlarm } from './alarms.presenter.js';
import { findVisibleAlarm, listVisibleAlarms, type AlarmView } from './alarms.repository.js';

export interface AlarmReadDeps {
  db: Executor;
}

export function audienceFactsOf(view: AlarmView): AlarmAudienceFacts {
  return {
    level: view.level,
    reason: view.reason,
    requesterOrgId: view.requester_org_id,
    escortOrgId: view.escort_org_id,
    siteOperatorOrgIds: [view.origin_operator_org_id, view.destination_operator_org_id],
  };
}

/**
 * The policy and the audience asked again in code, after SQL chose the rows:
 * the one visibility rule of alarms (lists, detail, stream, situation report).
 */
export function isAlarmVisible(reader: Reader, view: AlarmView): boolean {
  const movement = toShareable({
    id: view.movement_id,
    created_by: view.record_created_by,
    created_by_user: view.record_created_by_user,
    marking: view.record_marking,
    releasable_to: view.record_releasable_to,
    received_from_peer: view.record_received_from_peer,
    contains_personal_data: view.record_contains_personal_data,
    legal_basis: view.record_legal_basis,
  });
  return canRead(reader, movement) && inAlarmAudience(audienceScope(reader), audienceFactsOf(view));
}

/** The alarm as stored, if the reader may see it; within `executor` (a transaction) when given. */
export async function readVisibleAlarm(
  executor: Executor,
  id: string,
  reader: Reader,
): Promise<AlarmView | undefined> {
  const view = await findVisibleAlarm(executor, readScope(reader), audienceScope(reader), id);
  return view && isAlarmVisible(reader, view) ? view : undefined;
}

/** The presented alarm, or undefined when the reader may not see it (or it does not exist). */
export async function alarmForReader(
  deps: AlarmReadDeps,
  id: string,
  reader: Reader,
): Promise<PresentedAlarm | undefined> {
  const view = await readVisibleAlarm(deps.db, id, reader);
  return view ? presentAlarm(view) : undefined;
}

/**
 * Visible alarms, newest first; `open` true for unresolved only, false for
 * resolved only. SQL applies the whole rule; code checks each row again
 * (fail closed), and the page is filled past rows it refuses
 * (core/pagination.ts fillFilteredPage).
 */
export async function listAlarmsFor(
  deps: AlarmReadDeps,
  reader: Reader,
  filter: { open?: boolean | undefined },
  page: { limit: number; afterId?: string | undefined },
): Promise<{ items: PresentedAlarm[]; nextAfterId: string | undefined }> {
  const scope = readScope(reader);
  const audience = audienceScope(reader);
  const filled = await fillFilteredPage({
    limit: page.limit,
    after: page.afterId,
    read: (afterId, limit) =>
      listVisibleAlarms(deps.db, scope, audience, filter, { limit, afterId }),
    keep: (views) =>
      Promise.resolve(
        views.map((view) => (isAlarmVisible(reader, view) ? presentAlarm(view) : undefined)),
      ),
    idOf: (view) => view.id,
  });
  return { items: filled.items, nextAfterId: filled.next };
}
