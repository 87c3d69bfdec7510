/**
 * Row types of the notification tables (see the notifications migration). A
 * notification names its subject by id only: what the subject says is read
 * through the sharing policy when the notification is shown.
 */
export interface NotificationsTable {
  id: string;
  /** Every user of this organisation sees the notification (if they may read its subject). */
  recipient_org_id: string;
  /** What happened, e.g. `action_item.overdue`. */
  kind: string;
  subject_type: string;
  subject_id: string;
  /** Tells repeated occasions of one kind for one subject apart (an overdue item's due date). */
  occasion: string;
  created_at: string;
}

export interface NotificationReadsTable {
  notification_id: string;
  user_id: string;
  read_at: string;
}
