/**
 * In-app notifications to the reader's organisation (the server's
 * src/modules/notifications): the list, the unread count for the bell, and
 * read marks. The server shows only notifications whose subject the reader
 * may read now.
 */
import { apiRequest } from './client';

export interface ActionItemNotice {
  type: 'action-item';
  id: string;
  title: string;
  dueDate: string;
  status: string;
  ownerOrgId: string;
  /** Still overdue now; false once done, dropped or given a later date. */
  overdue: boolean;
}

export interface Notification {
  id: string;
  /** What happened, e.g. 'action_item.overdue'. */
  kind: string;
  createdAt: string;
  read: boolean;
  subject: ActionItemNotice;
}

export interface NotificationPage {
  items: Notification[];
  nextCursor: string | null;
  unreadCount: number;
}

export function listNotifications(
  query: { unread?: boolean; limit?: number; cursor?: string | null },
  signal?: AbortSignal,
): Promise<NotificationPage> {
  return apiRequest('GET', '/api/notifications', {
    query: {
      unread: query.unread ? 'true' : undefined,
      limit: query.limit,
      cursor: query.cursor,
    },
    signal,
  });
}

/** Counted by the server up to 100: more than 99 shows as "99+". */
export async function unreadNotificationCount(signal?: AbortSignal): Promise<number> {
  const answer = await apiRequest<{ unreadCount: number }>(
    'GET',
    '/api/notifications/unread-count',
    { signal },
  );
  return answer.unreadCount;
}

export async function markNotificationRead(id: string): Promise<void> {
  await apiRequest('POST', `/api/notifications/${encodeURIComponent(id)}/read`);
}

export async function markAllNotificationsRead(): Promise<void> {
  await apiRequest('POST', '/api/notifications/read');
}
