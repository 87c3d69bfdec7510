/**
 * What a page shows about one record: loading, the record, or why it could
 * not be had. Loads again when the id changes or on `reload()` (after an
 * action changed the record); an answer for a request the page has moved on
 * from is dropped.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

export type Loaded<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: unknown };

export function useLoaded<T>(
  id: string,
  load: (id: string, signal: AbortSignal) => Promise<T>,
): { loaded: Loaded<T>; reload: () => void } {
  const loadRef = useRef(load);
  useLayoutEffect(() => {
    loadRef.current = load;
  });
  const [loaded, setLoaded] = useState<Loaded<T>>({ status: 'loading' });
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    loadRef.current(id, controller.signal).then(
      (value) => setLoaded({ status: 'ready', value }),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [id, reloads]);

  const reload = useCallback(() => setReloads((count) => count + 1), []);
  return { loaded, reload };
}

export interface WithHistory<T, Version> {
  record: T;
  /** Null when the history could not be had; the record still shows. */
  versions: Version[] | null;
  historyError: unknown;
}

/** Loads a record and its versions together; only a failure of the record fails the page. */
export function withHistory<T, Version>(
  getRecord: (id: string, signal: AbortSignal) => Promise<T>,
  getHistory: (id: string, signal: AbortSignal) => Promise<Version[]>,
): (id: string, signal: AbortSignal) => Promise<WithHistory<T, Version>> {
  return async (id, signal) => {
    const [record, history] = await Promise.all([
      getRecord(id, signal),
      getHistory(id, signal).then(
        (versions) => ({ versions, error: undefined as unknown }),
        (error: unknown) => ({ versions: null, error }),
      ),
    ]);
    return { record, versions: history.versions, historyError: history.error };
  };
}
