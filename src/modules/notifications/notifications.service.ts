/**
 * What a user is told: the notifications of their organisation whose subject
 * they may read now, newest first, with their own read marks. A subject the
 * reader may not read hides its notification entirely (fail closed): the
 * notification row itself holds no content, only the subject's id.
 */
import { isoNow, type Clock } from '../../core/clock.js';
import { fail, ok, type Result } from '../../core/result.js';
import type { Executor } from '../../storage/executor.js';
import type { AuditLog } from '../audit/audit.service.js';
import { isOverdue, todayOf } from '../coordination/action-items.service.js';
import { readCoordinationRecords } from '../coordination/coordination.records.js';
import type { CurrentUser } from '../identity/identity.types.js';
import type { RecordRow } from '../records/records.repository.js';
import { parseBody } from '../intel/intel.records.js';
import {
  findNotificationOf,
  listNotificationsOf,
  markNotificationsRead,
  type NotificationWithRead,
} from './notifications.repository.js';

export interface NotificationDeps {
  db: Executor;
  clock: Clock;
  audit: AuditLog;
}

/** The part of the subject a notification shows, read under the policy. */
export interface ActionItemSubject {
  type: 'action-item';
  id: string;
  title: string;
  dueDate: string;
  status: string;
  ownerOrgId: string;
  /** Still overdue now; false once done, dropped or given a later date. */
  overdue: boolean;
}

export interface VisibleNotification {
  row: NotificationWithRead;
  subject: ActionItemSubject;
}

const textOf = (value: unknown) => (typeof value === 'string' ? value : '');

function actionItemSubject(record: RecordRow, today: string): ActionItemSubject {
  const body = parseBody(record.body);
  const dueDate = textOf(body.dueDate);
  const status = textOf(body.status);
  return {
    type: 'action-item',
    id: record.id,
    title: textOf(body.title),
    dueDate,
    status,
    ownerOrgId: textOf(body.ownerOrgId),
    overdue: isOverdue({ dueDate, status }, today),
  };
}

/**
 * The notifications whose subject this reader may read now, with what the
 * subject shows; the subjects are read in one query through the policy. A
 * subject of a kind this node cannot show, unreadable, or revoked (no longer
 * expected of anyone) hides its notification.
 */
async function visibleOf(
  deps: NotificationDeps,
  rows: readonly NotificationWithRead[],
  reader: CurrentUser,
): Promise<VisibleNotification[]> {
  const itemIds = rows
    .filter((row) => row.subject_type === 'action-item')
    .map((row) => row.subject_id);
  const items = await readCoordinationRecords(deps, 'action-item', itemIds, reader);
  const today = todayOf(deps.clock);
  const visible: VisibleNotification[] = [];
  for (const row of rows) {
    const record = row.subject_type === 'action-item' ? items.get(row.subject_id) : undefined;
    if (record && record.revoked !== 1) {
      visible.push({ row, subject: actionItemSubject(record, today) });
    }
  }
  return visible;
}

export async function listNotificationsFor(
  deps: NotificationDeps,
  reader: CurrentUser,
  query: { unreadOnly: boolean; limit: number; before?: string | undefined },
): Promise<{ items: VisibleNotification[]; nextBefore: string | undefined }> {
  const rows = await listNotificationsOf(
    deps.db,
    { orgId: reader.orgId, userId: reader.userId },
    { unreadOnly: query.unreadOnly, limit: query.limit + 1, before: query.before },
  );
  const page = rows.slice(0, query.limit);
  return {
    items: await visibleOf(deps, page, reader),
    nextBefore: rows.length > query.limit ? page.at(-1)?.id : undefined,
  };
}

/** Up to UNREAD_COUNT_CAP: a badge says "99+" beyond that, and the count stays cheap. */
export const UNREAD_COUNT_CAP = 99;

export async function countUnreadFor(deps: NotificationDeps, reader: CurrentUser): Promise<number> {
  const rows = await listNotificationsOf(
    deps.db,
    { orgId: reader.orgId, userId: reader.userId },
    { unreadOnly: true, limit: UNREAD_COUNT_CAP + 1 },
  );
  return (await visibleOf(deps, rows, reader)).length;
}

export async function markReadFor(
  deps: NotificationDeps,
  reader: CurrentUser,
  id: string,
): Promise<Result<void, 'not_found'>> {
  const row = await findNotificationOf(deps.db, id, reader.orgId);
  // Another organisation's notification, or one whose subject this reader may not read: not found.
  if (!row || (await visibleOf(deps, [{ ...row, read_at: null }], reader)).length === 0) {
    return fail('not_found');
  }
  await markNotificationsRead(deps.db, [id], reader.userId, isoNow(deps.clock));
  return ok(undefined);
}

/** Marks every unread notification of the reader's organisation read for this reader. */
export async function markAllReadFor(deps: NotificationDeps, reader: CurrentUser): Promise<void> {
  const at = isoNow(deps.clock);
  for (;;) {
    const rows = await listNotificationsOf(
      deps.db,
      { orgId: reader.orgId, userId: reader.userId },
      { unreadOnly: true, limit: 500 },
    );
    // Marking one the reader cannot see read reveals nothing to them, and keeps this loop finite.
    await markNotificationsRead(
      deps.db,
      rows.map((row) => row.id),
      reader.userId,
      at,
    );
    if (rows.length < 500) return;
  }
}
