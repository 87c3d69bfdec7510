import { describe, expect, it } from 'vitest';
import type { Notification } from '../../api/notifications';
import { badgeText, messageKind, subjectPath } from './notificationText';

function overdueNotice(overrides: Partial<Notification['subject']> = {}): Notification {
  return {
    id: 'notification--0190a8f2-0000-7000-8000-000000000001',
    kind: 'action_item.overdue',
    createdAt: '2026-11-28T06:00:00.000Z',
    read: false,
    subject: {
      type: 'action-item',
      id: 'action-item--0190a8f2-0000-7000-8000-000000000002',
      title: 'Deliver the radios',
      dueDate: '2026-11-20',
      status: 'open',
      ownerOrgId: 'identity--0190a8f2-0000-7000-8000-000000000003',
      overdue: true,
      ...overrides,
    },
  };
}

describe('the notification bell', () => {
  it('shows no badge for nothing unread, the count up to 99, then "99+"', () => {
    expect(badgeText(0)).toBeNull();
    expect(badgeText(-1)).toBeNull();
    expect(badgeText(Number.NaN)).toBeNull();
    expect(badgeText(1)).toBe('1');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
  });

  it('says an item is overdue while it is, and that it no longer is afterwards', () => {
    expect(messageKind(overdueNotice())).toBe('overdue');
    expect(messageKind(overdueNotice({ overdue: false, status: 'done' }))).toBe('noLongerOverdue');
    expect(messageKind({ ...overdueNotice(), kind: 'something.else' })).toBe('other');
  });

  it('leads to the action item page of the coordination section', () => {
    expect(subjectPath(overdueNotice())).toBe(
      '/coordination/actions/action-item--0190a8f2-0000-7000-8000-000000000002',
    );
  });
});
