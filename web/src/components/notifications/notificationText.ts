/**
 * How a notification reads and where it leads, without React: the badge's
 * figure, the message for its kind and the page of its subject.
 */
import type { Notification } from '../../api/notifications';

/** The server counts unread notifications up to 100; beyond 99 the badge says "99+". */
export const BADGE_MAX = 99;

/** The badge's text, or null when there is nothing unread (no badge). */
export function badgeText(count: number): string | null {
  if (!Number.isFinite(count) || count <= 0) return null;
  return count > BADGE_MAX ? `${BADGE_MAX}+` : String(Math.floor(count));
}

/** Which message a notification shows (keys of the notifications catalogue's `message`). */
export type MessageKind = 'overdue' | 'noLongerOverdue' | 'other';

export function messageKind(notification: Notification): MessageKind {
  if (notification.kind === 'action_item.overdue' && notification.subject.type === 'action-item')
    return notification.subject.overdue ? 'overdue' : 'noLongerOverdue';
  return 'other';
}

/** The page of a notification's subject: the action item's page in the coordination section. */
export function subjectPath(notification: Notification): string {
  return `/coordination/actions/${encodeURIComponent(notification.subject.id)}`;
}
