/**
 * The bell in the header: how many notifications the reader has not read
 * (a badge, and the button's name for screen readers), and a panel listing
 * them. The panel closes on Escape (focus returns to the bell) and on a
 * click outside it, as the user menu does.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../icons';
import { NotificationPanel } from './NotificationPanel';
import { BADGE_MAX, badgeText } from './notificationText';
import { useUnreadCount } from './useUnreadCount';
import './notifications.css';

export function NotificationBell() {
  const { t } = useTranslation();
  const unread = useUnreadCount();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent): void {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    }
    function onKeyDown(event: KeyboardEvent): void {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    }
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  const count = unread.count;
  let label: string;
  if (count === null) label = t('notifications.button');
  else if (count === 0) label = t('notifications.noneUnread');
  else if (count > BADGE_MAX) label = t('notifications.unreadMany');
  else label = t('notifications.unread', { count });
  const badge = badgeText(count ?? 0);

  return (
    <div className="notification-bell" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="notification-bell-button"
        aria-label={label}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        data-testid="notification-bell"
        onClick={() => setOpen((value) => !value)}
      >
        <Icon name="bell" />
        {badge ? (
          <span className="notification-badge" aria-hidden="true" data-testid="notification-badge">
            {badge}
          </span>
        ) : null}
      </button>
      {open ? (
        <NotificationPanel
          id={panelId}
          onUnreadCount={unread.set}
          onChanged={unread.refresh}
          onLeave={() => setOpen(false)}
        />
      ) : null}
    </div>
  );
}
