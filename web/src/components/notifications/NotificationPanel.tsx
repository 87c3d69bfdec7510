/**
 * The notifications panel: newest first, unread ones marked in words as
 * well as with a dot, each leading to its subject and marked read when
 * opened; "Mark all read"; older ones page by page. Focus moves to the
 * panel's heading when it opens so that keyboard users start there.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  type Notification,
} from '../../api/notifications';
import { Link } from '../../app/router';
import { currentLocale } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { formatDateTime, formatEventDate } from '../../lib/format';
import { EmptyState, Notice, Spinner } from '../Notice';
import { messageKind, subjectPath } from './notificationText';

const PAGE_SIZE = 20;

type Listing =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; items: Notification[]; nextCursor: string | null; loadingMore: boolean };

export function NotificationPanel({
  id,
  onUnreadCount,
  onChanged,
  onLeave,
}: {
  id: string;
  /** The unread figure the list came with. */
  onUnreadCount: (count: number) => void;
  /** Something was marked read: the bell asks the server for the figure again. */
  onChanged: () => void;
  /** A notification was opened: the panel closes. */
  onLeave: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [listing, setListing] = useState<Listing>({ status: 'loading' });
  const [markError, setMarkError] = useState<unknown>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const onUnreadCountRef = useRef(onUnreadCount);
  useEffect(() => {
    onUnreadCountRef.current = onUnreadCount;
  });

  useEffect(() => {
    headingRef.current?.focus();
    const controller = new AbortController();
    listNotifications({ limit: PAGE_SIZE }, controller.signal).then(
      (page) => {
        setListing({ status: 'ready', ...page, loadingMore: false });
        onUnreadCountRef.current(page.unreadCount);
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setListing({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, []);

  const items = listing.status === 'ready' ? listing.items : [];

  function markReadHere(ids: ReadonlySet<string> | 'all'): void {
    setListing((current) =>
      current.status === 'ready'
        ? {
            ...current,
            items: current.items.map((item) =>
              ids === 'all' || ids.has(item.id) ? { ...item, read: true } : item,
            ),
          }
        : current,
    );
  }

  function open(item: Notification): void {
    onLeave();
    if (item.read) return;
    markReadHere(new Set([item.id]));
    // Opening the subject matters more than the mark: a failed mark leaves it unread, no more.
    markNotificationRead(item.id).then(onChanged, onChanged);
  }

  async function markAll(): Promise<void> {
    setMarkError(null);
    try {
      await markAllNotificationsRead();
      markReadHere('all');
      onUnreadCount(0);
    } catch (error) {
      setMarkError(error);
    }
    onChanged();
  }

  async function showOlder(cursor: string): Promise<void> {
    setListing((current) =>
      current.status === 'ready' ? { ...current, loadingMore: true } : current,
    );
    try {
      const page = await listNotifications({ limit: PAGE_SIZE, cursor });
      setListing((current) =>
        current.status === 'ready'
          ? {
              status: 'ready',
              items: [...current.items, ...page.items],
              nextCursor: page.nextCursor,
              loadingMore: false,
            }
          : current,
      );
    } catch (error) {
      setListing({ status: 'error', error });
    }
  }

  const message = (item: Notification) =>
    t(`notifications.message.${messageKind(item)}`, {
      title: item.subject.title,
      date: formatEventDate(item.subject.dueDate, 1, locale),
    });

  return (
    <div
      className="notification-panel"
      id={id}
      role="dialog"
      aria-labelledby={`${id}-title`}
      data-testid="notification-panel"
    >
      <div className="notification-panel-header">
        <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
          {t('notifications.title')}
        </h2>
        <button
          type="button"
          className="button-link"
          // Unread ones may lie beyond the first page, so any listed notification allows it.
          disabled={items.length === 0}
          onClick={() => void markAll()}
        >
          {t('notifications.markAllRead')}
        </button>
      </div>
      {markError ? <Notice tone="error">{describeError(markError, t)}</Notice> : null}
      {listing.status === 'loading' ? <Spinner label={t('common.loading')} /> : null}
      {listing.status === 'error' ? (
        <Notice tone="error">{describeError(listing.error, t)}</Notice>
      ) : null}
      {listing.status === 'ready' && items.length === 0 ? (
        <EmptyState title={t('notifications.empty')}>{t('notifications.emptyHint')}</EmptyState>
      ) : null}
      {items.length > 0 ? (
        <ul className="notification-list" data-testid="notification-list">
          {items.map((item) => (
            <li key={item.id} className={item.read ? 'notification' : 'notification is-unread'}>
              <Link to={subjectPath(item)} className="notification-link" onClick={() => open(item)}>
                <span className="notification-dot" aria-hidden="true" />
                <span className="notification-body">
                  <span className="notification-text">{message(item)}</span>
                  <span className="notification-meta">
                    <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, locale)}</time>
                    {item.read ? null : <span> · {t('notifications.unread')}</span>}
                  </span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {listing.status === 'ready' && listing.nextCursor ? (
        <button
          type="button"
          className="button button-secondary button-small notification-older"
          disabled={listing.loadingMore}
          onClick={() => listing.nextCursor && void showOlder(listing.nextCursor)}
        >
          {t('notifications.showOlder')}
        </button>
      ) : null}
      <div className="notification-panel-footer">
        <Link to="/coordination/actions?overdue=true" className="row-link" onClick={onLeave}>
          {t('notifications.tracker')}
        </Link>
      </div>
    </div>
  );
}
