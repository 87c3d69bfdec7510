/**
 * Cursor pagination for a list: keeps the cursors of the pages visited so
 * that "previous" works, starts again at the first page when the filters
 * change, and ignores answers that arrive after the user moved on.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Page } from '../api/types';

export type Loader<T> = (cursor: string | null, signal: AbortSignal) => Promise<Page<T>>;

export interface CursorPages<T> {
  items: T[];
  status: 'loading' | 'ready' | 'error';
  error: unknown;
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  next: () => void;
  previous: () => void;
  reload: () => void;
  /** Replaces one loaded item in place (after an edit) without reloading. */
  replaceItem: (match: (item: T) => boolean, replacement: T) => void;
}

export function useCursorPages<T>(load: Loader<T>, filterKey: string): CursorPages<T> {
  const loadRef = useRef(load);
  useLayoutEffect(() => {
    loadRef.current = load;
  });
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [seenKey, setSeenKey] = useState(filterKey);
  const [reloads, setReloads] = useState(0);
  const [result, setResult] = useState<{
    status: CursorPages<T>['status'];
    page: Page<T>;
    error: unknown;
  }>({
    status: 'loading',
    page: { items: [], nextCursor: null },
    error: undefined,
  });

  // New filters: back to the first page (adjusting state during render, as React recommends).
  if (seenKey !== filterKey) {
    setSeenKey(filterKey);
    setCursors([null]);
  }
  const cursor = cursors[cursors.length - 1] ?? null;

  useEffect(() => {
    const controller = new AbortController();
    setResult((previous) => ({ ...previous, status: 'loading' }));
    loadRef.current(cursor, controller.signal).then(
      (page) => {
        if (!controller.signal.aborted) setResult({ status: 'ready', page, error: undefined });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setResult({ status: 'error', page: { items: [], nextCursor: null }, error });
        }
      },
    );
    return () => controller.abort();
  }, [cursor, seenKey, reloads]);

  const nextCursor = result.page.nextCursor;
  const next = useCallback(() => {
    if (nextCursor !== null) setCursors((stack) => [...stack, nextCursor]);
  }, [nextCursor]);
  const previous = useCallback(
    () => setCursors((stack) => (stack.length > 1 ? stack.slice(0, -1) : stack)),
    [],
  );
  const reload = useCallback(() => setReloads((count) => count + 1), []);
  const replaceItem = useCallback((match: (item: T) => boolean, replacement: T) => {
    setResult((current) => ({
      ...current,
      page: {
        ...current.page,
        items: current.page.items.map((item) => (match(item) ? replacement : item)),
      },
    }));
  }, []);

  return {
    items: result.page.items,
    status: result.status,
    error: result.error,
    page: cursors.length,
    hasPrevious: cursors.length > 1,
    hasNext: nextCursor !== null && result.status === 'ready',
    next,
    previous,
    reload,
    replaceItem,
  };
}
