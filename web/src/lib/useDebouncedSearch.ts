/**
 * A search that runs as the user types: it waits for a pause before asking
 * the server, cancels the request it made for the previous text, and keeps
 * what it found (or why it failed) until the next answer replaces it.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';

export type SearchResults<Result> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; result: Result }
  | { status: 'error'; error: unknown };

/**
 * `query` null means there is nothing to look for: the results go back to
 * idle. A query runs again whenever its JSON changes, so callers may pass a
 * fresh object on every render. `delayMs` may depend on the query (0 asks
 * at once).
 */
export function useDebouncedSearch<Query, Result>(
  query: Query | null,
  search: (query: Query, signal: AbortSignal) => Promise<Result>,
  delayMs: number | ((query: Query) => number),
): SearchResults<Result> {
  // The latest callbacks, so that a new closure on each render does not search again.
  const latest = useRef({ search, delayMs });
  useLayoutEffect(() => {
    latest.current = { search, delayMs };
  });
  const [results, setResults] = useState<SearchResults<Result>>(() =>
    query === null ? { status: 'idle' } : { status: 'loading' },
  );
  const queryKey = JSON.stringify(query);

  useEffect(() => {
    if (query === null) {
      setResults({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    const wait = latest.current.delayMs;
    const timer = window.setTimeout(
      () => {
        setResults({ status: 'loading' });
        latest.current.search(query, controller.signal).then(
          (result) => setResults({ status: 'ready', result }),
          (error: unknown) => {
            if (!controller.signal.aborted) setResults({ status: 'error', error });
          },
        );
      },
      typeof wait === 'function' ? wait(query) : wait,
    );
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
    // `queryKey` stands for the query.
  }, [queryKey]);

  return results;
}
