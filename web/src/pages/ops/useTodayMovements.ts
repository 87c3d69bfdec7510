/**
 * Today's movements for the operations room, kept current: the day's list
 * (a few pages at most), the route and last position of the movements on
 * the map (one detail read each, for the active ones, bounded), live
 * 'movement' events applied in place (the event's item is the movement's
 * summary as this reader sees it; its route and position are read again),
 * and a full reload when the live stream comes back after a break.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLiveEvents } from '../../api/live';
import type { Page } from '../../api/types';
import { todayIso } from '../map/timeRange';
import { ACTIVE_STATES, replaceById } from './movementBoard';
import type { OpsRoute } from './opsMapData';
import { asOpsMovement, listDayMovements, movementRoute, type OpsMovement } from './opsApi';

const PAGE_SIZE = 200;
const MAX_PAGES = 5;
/** Routes drawn at most; the board still lists every movement. */
export const MAX_ROUTES = 60;

export interface TodayMovements {
  status: 'loading' | 'ready' | 'error';
  error: unknown;
  movements: OpsMovement[];
  routes: OpsRoute[];
  /** More active movements than the map draws. */
  routesTruncated: boolean;
  reload: () => void;
}

/** Whether a movement that was not listed yet belongs to the day (planned across it). */
function coversDay(movement: OpsMovement, day: string): boolean {
  const first = todayIso(new Date(movement.plannedDeparture));
  const last = todayIso(new Date(movement.plannedArrival));
  return first <= day && day <= last;
}

export function useTodayMovements(day: string): TodayMovements {
  const [state, setState] = useState<{ status: TodayMovements['status']; error: unknown }>({
    status: 'loading',
    error: undefined,
  });
  const [movements, setMovements] = useState<OpsMovement[]>([]);
  const [routes, setRoutes] = useState<OpsRoute[]>([]);
  const [truncated, setTruncated] = useState(false);
  const [reloads, setReloads] = useState(0);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    async function load(): Promise<void> {
      const all: OpsMovement[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const answer: Page<OpsMovement> = await listDayMovements(
          day,
          { limit: PAGE_SIZE, cursor },
          signal,
        );
        all.push(...answer.items);
        if (answer.nextCursor === null) break;
        cursor = answer.nextCursor;
      }
      if (signal.aborted) return;
      setMovements(all);
      setState({ status: 'ready', error: undefined });
      const active = all.filter((movement) => ACTIVE_STATES.has(movement.state));
      setTruncated(active.length > MAX_ROUTES);
      const read = await Promise.all(
        active.slice(0, MAX_ROUTES).map((movement) => movementRoute(movement.id, signal)),
      );
      if (!signal.aborted) setRoutes(read.flatMap((route) => (route ? [route] : [])));
    }
    load().catch((error: unknown) => {
      if (!signal.aborted) setState({ status: 'error', error });
    });
    return () => controller.abort();
  }, [day, reloads]);

  const reload = useCallback(() => setReloads((count) => count + 1), []);

  useLiveEvents(
    ['movement'],
    (message) => {
      const summary = asOpsMovement(message.item);
      if (!summary) return;
      // The summary lacks some list fields (lastCheckinAt): keep them from the listed one.
      setMovements((list) => {
        const known = list.find((entry) => entry.id === summary.id);
        if (known) return replaceById(list, { ...known, ...summary });
        return coversDay(summary, day) ? [...list, summary] : list;
      });
      const drawn = ACTIVE_STATES.has(summary.state);
      void (drawn ? movementRoute(summary.id) : Promise.resolve(null)).then((route) => {
        if (!mounted.current) return;
        setRoutes((list) =>
          route ? replaceById(list, route) : list.filter((entry) => entry.id !== summary.id),
        );
      });
    },
    reload,
  );

  return { ...state, movements, routes, routesTruncated: truncated, reload };
}
