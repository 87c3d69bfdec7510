/**
 * The unread count behind the bell: asked when the shell appears, every
 * minute while the tab is visible and whenever the window regains focus.
 * It lives only inside the signed-in layout, so signing out (or a session
 * that ended, which the client reports) unmounts it and the polling stops.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { unreadNotificationCount } from '../../api/notifications';

export const POLL_MS = 60_000;

export interface UnreadCount {
  /** Null until the server has answered once. */
  count: number | null;
  /** Asks the server again now (after marking something read). */
  refresh: () => void;
  /** Sets the figure at once, before the server confirms it. */
  set: (count: number) => void;
}

export function useUnreadCount(): UnreadCount {
  const [count, setCount] = useState<number | null>(null);
  const pollRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    let controller: AbortController | null = null;
    const poll = () => {
      controller?.abort();
      const mine = new AbortController();
      controller = mine;
      unreadNotificationCount(mine.signal).then(
        (value) => {
          if (!mine.signal.aborted) setCount(value);
        },
        // A failed poll keeps the last figure; the next one tries again. A 401 signs out instead.
        () => undefined,
      );
    };
    const pollIfVisible = () => {
      if (document.visibilityState !== 'hidden') poll();
    };
    pollRef.current = poll;
    poll();
    const timer = window.setInterval(pollIfVisible, POLL_MS);
    window.addEventListener('focus', poll);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', poll);
      controller?.abort();
      pollRef.current = () => undefined;
    };
  }, []);

  const refresh = useCallback(() => pollRef.current(), []);
  return { count, refresh, set: setCount };
}
