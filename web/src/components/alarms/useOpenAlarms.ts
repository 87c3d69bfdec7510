/**
 * The unresolved alarms the reader may see, kept current: loaded once, then
 * changed by live 'alarm' events (each carries the alarm as this reader sees
 * it now, or nothing when it is no longer theirs to see), and loaded again
 * when the live stream comes back after a break. `onArrival` hears every
 * alarm a live event brings, for the banner's sound and announcement.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { acknowledgeAlarm, listAlarms, type Alarm } from '../../api/alarms';
import { useLiveEvents } from '../../api/live';
import { applyAlarmChange, asAlarm, sortAlarms } from './alarmList';

/** More open alarms than this at once is a crisis the operations room pages through elsewhere. */
const OPEN_ALARMS_LIMIT = 100;

export interface OpenAlarms {
  status: 'loading' | 'ready' | 'error';
  error: unknown;
  /** Unresolved alarms: open ones first, then by level, highest first. */
  alarms: Alarm[];
  reload: () => void;
  /** Acknowledges (the alarm stays, acknowledged, until resolved); throws the server's refusal. */
  acknowledge: (id: string) => Promise<void>;
}

export function useOpenAlarms(onArrival?: (alarm: Alarm) => void): OpenAlarms {
  const [state, setState] = useState<{ status: OpenAlarms['status']; error: unknown }>({
    status: 'loading',
    error: undefined,
  });
  const [alarms, setAlarms] = useState<Alarm[]>([]);
  const [reloads, setReloads] = useState(0);
  const arrivalRef = useRef(onArrival);
  useLayoutEffect(() => {
    arrivalRef.current = onArrival;
  });

  useEffect(() => {
    const controller = new AbortController();
    listAlarms({ open: true, limit: OPEN_ALARMS_LIMIT }, controller.signal).then(
      (page) => {
        setAlarms(sortAlarms(page.items));
        setState({ status: 'ready', error: undefined });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [reloads]);

  const reload = useCallback(() => setReloads((count) => count + 1), []);

  useLiveEvents(
    ['alarm'],
    (message) => {
      const alarm = asAlarm(message.item);
      setAlarms((list) => sortAlarms(applyAlarmChange(list, message.id, alarm)));
      if (alarm) arrivalRef.current?.(alarm);
    },
    reload,
  );

  const acknowledge = useCallback(async (id: string) => {
    const alarm = await acknowledgeAlarm(id);
    setAlarms((list) => sortAlarms(applyAlarmChange(list, id, alarm)));
  }, []);

  return { ...state, alarms, reload, acknowledge };
}
