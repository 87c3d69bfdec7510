/**
 * The incident list with "more": the first page for the current filters,
 * further pages appended on request. New filters start again; answers that
 * arrive after the filters changed are dropped.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { listIncidents, type IncidentFilters, type IncidentSummary } from '../../api/incidents';

export const PAGE_SIZE = 50;

export interface IncidentList {
  items: IncidentSummary[];
  status: 'loading' | 'loading-more' | 'ready' | 'error';
  error: unknown;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
}

interface State {
  key: string;
  items: IncidentSummary[];
  nextCursor: string | null;
  status: IncidentList['status'];
  error: unknown;
}

export function useIncidentList(filters: IncidentFilters, filterKey: string): IncidentList {
  const [state, setState] = useState<State>({
    key: filterKey,
    items: [],
    nextCursor: null,
    status: 'loading',
    error: undefined,
  });
  const [reloads, setReloads] = useState(0);
  const filtersRef = useRef(filters);
  useLayoutEffect(() => {
    filtersRef.current = filters;
  });
  const controllerRef = useRef<AbortController | null>(null);

  useEffect(() => {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    setState({ key: filterKey, items: [], nextCursor: null, status: 'loading', error: undefined });
    listIncidents(filtersRef.current, { limit: PAGE_SIZE, cursor: null }, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setState({
          key: filterKey,
          items: page.items,
          nextCursor: page.nextCursor,
          status: 'ready',
          error: undefined,
        });
      },
      (error: unknown) => {
        if (!controller.signal.aborted)
          setState((current) => ({ ...current, status: 'error', error }));
      },
    );
    return () => controller.abort();
  }, [filterKey, reloads]);

  const loadMore = useCallback(() => {
    const cursor = state.nextCursor;
    if (cursor === null || state.status !== 'ready') return;
    const controller = new AbortController();
    controllerRef.current = controller;
    setState((current) => ({ ...current, status: 'loading-more' }));
    listIncidents(filtersRef.current, { limit: PAGE_SIZE, cursor }, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setState((current) => ({
          ...current,
          items: [...current.items, ...page.items],
          nextCursor: page.nextCursor,
          status: 'ready',
        }));
      },
      (error: unknown) => {
        if (!controller.signal.aborted)
          setState((current) => ({ ...current, status: 'error', error }));
      },
    );
  }, [state.nextCursor, state.status]);

  const reload = useCallback(() => setReloads((count) => count + 1), []);
  const current = state.key === filterKey;
  return {
    items: current ? state.items : [],
    status: current ? state.status : 'loading',
    error: state.error,
    hasMore: current && state.nextCursor !== null,
    loadMore,
    reload,
  };
}
