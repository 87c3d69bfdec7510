/**
 * The only SQL for notifications: storing them once per occasion, an
 * organisation's notifications with the reader's read marks, and marking read.
 */
import type { Executor } from '../../storage/executor.js';
import type { NotificationsTable } from './notifications.tables.js';

export type NotificationRow = NotificationsTable;
export type NotificationWithRead = NotificationRow & { read_at: string | null };

/** Stores the rows that are new; a row whose occasion is already notified is skipped. Returns how many were new. */
export async function insertNotificationsOnce(
  executor: Executor,
  rows: readonly NotificationRow[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await executor
    .insertInto('notifications')
    .values([...rows])
    .onConflict((oc) =>
      oc.columns(['kind', 'subject_id', 'occasion', 'recipient_org_id']).doNothing(),
    )
    .returning('id')
    .execute();
  return inserted.length;
}

/** Newest first (ids are time-ordered); `before` is the id of the last row of the previous page. */
export async function listNotificationsOf(
  executor: Executor,
  recipient: { orgId: string; userId: string },
  options: { unreadOnly: boolean; limit: number; before?: string | undefined },
): Promise<NotificationWithRead[]> {
  return executor
    .selectFrom('notifications')
    .leftJoin('notification_reads', (join) =>
      join
        .onRef('notification_reads.notification_id', '=', 'notifications.id')
        .on('notification_reads.user_id', '=', recipient.userId),
    )
    .selectAll('notifications')
    .select('notification_reads.read_at')
    .where('notifications.recipient_org_id', '=', recipient.orgId)
    .$if(options.unreadOnly, (qb) => qb.where('notification_reads.read_at', 'is', null))
    .$if(options.before !== undefined, (qb) =>
      qb.where('notifications.id', '<', options.before ?? ''),
    )
    .orderBy('notifications.id', 'desc')
    .limit(options.limit)
    .execute();
}

export async function findNotificationOf(
  executor: Executor,
  id: string,
  orgId: string,
): Promise<NotificationRow | undefined> {
  return executor
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', id)
    .where('recipient_org_id', '=', orgId)
    .executeTakeFirst();
}

export async function markNotificationsRead(
  executor: Executor,
  ids: readonly string[],
  userId: string,
  at: string,
): Promise<void> {
  if (ids.length === 0) return;
  await executor
    .insertInto('notification_reads')
    .values(ids.map((id) => ({ notification_id: id, user_id: userId, read_at: at })))
    .onConflict((oc) => oc.columns(['notification_id', 'user_id']).doNothing())
    .execute();
}
