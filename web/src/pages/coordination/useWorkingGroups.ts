/**
 * The working groups the reader may read, loaded whole (a node holds few):
 * the group list searches them by name, the tracker and the programme board
 * filter by them and name a row's group.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { listAllWorkingGroups, type WorkingGroupSummary } from '../../api/coordination';

export interface WorkingGroupsState {
  status: 'loading' | 'ready' | 'error';
  items: WorkingGroupSummary[];
  error: unknown;
  nameOf: (id: string) => string | undefined;
  reload: () => void;
}

export function useWorkingGroups(): WorkingGroupsState {
  const [state, setState] = useState<Omit<WorkingGroupsState, 'nameOf' | 'reload'>>({
    status: 'loading',
    items: [],
    error: undefined,
  });
  const [reloads, setReloads] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState((current) => ({ ...current, status: 'loading' }));
    listAllWorkingGroups(controller.signal).then(
      (items) => setState({ status: 'ready', items, error: undefined }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', items: [], error });
      },
    );
    return () => controller.abort();
  }, [reloads]);
  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return useMemo(() => {
    const names = new Map(state.items.map((group) => [group.id, group.name]));
    return { ...state, nameOf: (id: string) => names.get(id), reload };
  }, [state, reload]);
}
