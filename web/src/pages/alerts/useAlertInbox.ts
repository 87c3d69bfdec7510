/**
 * A page of the alert inbox, kept current: cursor pages (newest first),
 * live 'alert' events applied in place (a new alert joins the first page,
 * an acknowledged one leaves the open view), everything loaded again when
 * the live stream comes back after a break, and acknowledgement. New alerts
 * are handed to `onRaised` for the polite announcement.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { acknowledgeAlert, listAlerts, type Alert } from '../../api/alerts';
import { useLiveEvents } from '../../api/live';
import { applyAlertChange, asAlert, type AlertView } from './alertList';

export interface AlertInbox {
  status: 'loading' | 'ready' | 'error';
  error: unknown;
  items: Alert[];
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  next: () => void;
  previous: () => void;
  reload: () => void;
  acknowledge: (id: string) => Promise<void>;
}

export function useAlertInbox(
  view: AlertView,
  pageSize: number,
  onRaised?: (alert: Alert) => void,
): AlertInbox {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [seenView, setSeenView] = useState(view);
  const [reloads, setReloads] = useState(0);
  const [items, setItems] = useState<Alert[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [state, setState] = useState<{ status: AlertInbox['status']; error: unknown }>({
    status: 'loading',
    error: undefined,
  });
  const raisedRef = useRef(onRaised);
  useLayoutEffect(() => {
    raisedRef.current = onRaised;
  });

  // Another view: back to its first page (adjusting state during render, as React recommends).
  if (seenView !== view) {
    setSeenView(view);
    setCursors([null]);
  }
  const cursor = cursors[cursors.length - 1] ?? null;
  const firstPage = cursors.length === 1;

  useEffect(() => {
    const controller = new AbortController();
    setState((current) => ({ ...current, status: 'loading' }));
    listAlerts(
      { open: seenView === 'open' ? true : undefined, limit: pageSize, cursor },
      controller.signal,
    ).then(
      (page) => {
        setItems(page.items);
        setNextCursor(page.nextCursor);
        setState({ status: 'ready', error: undefined });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setItems([]);
        setNextCursor(null);
        setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [cursor, seenView, pageSize, reloads]);

  const reload = useCallback(() => setReloads((count) => count + 1), []);

  useLiveEvents(
    ['alert'],
    (message) => {
      const alert = asAlert(message.item);
      if (!alert) return;
      setItems((list) => applyAlertChange(list, alert, seenView, firstPage));
      if (message.change === 'raised') raisedRef.current?.(alert);
    },
    reload,
  );

  const acknowledge = useCallback(
    async (id: string) => {
      const alert = await acknowledgeAlert(id);
      setItems((list) => applyAlertChange(list, alert, seenView, false));
    },
    [seenView],
  );

  return {
    ...state,
    items,
    page: cursors.length,
    hasPrevious: cursors.length > 1,
    hasNext: nextCursor !== null && state.status === 'ready',
    next: () => {
      if (nextCursor !== null) setCursors((stack) => [...stack, nextCursor]);
    },
    previous: () => setCursors((stack) => (stack.length > 1 ? stack.slice(0, -1) : stack)),
    reload,
    acknowledge,
  };
}
