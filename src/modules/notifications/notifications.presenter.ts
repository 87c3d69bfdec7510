/** Notifications as the API shows them. */
import type { VisibleNotification } from './notifications.service.js';

export function presentNotification({ row, subject }: VisibleNotification) {
  return {
    id: row.id,
    kind: row.kind,
    createdAt: row.created_at,
    read: row.read_at !== null,
    subject,
  };
}
