/**
 * The offline queue as the field page uses it: how many check-ins of this
 * movement wait on this phone, and a replay that runs on opening the page,
 * when the browser says it is back online, and every half minute while
 * something waits. Refusals met during a replay are kept to be shown.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { sendCheckin } from '../../api/movements';
import { queuedFor, replayQueue, type QueuedCheckin, type QueueStorage } from './checkinQueue';

const RETRY_MS = 30_000;

function browserStorage(): QueueStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled by policy: nothing can wait
  }
}

const send = (movementId: string, checkin: QueuedCheckin['checkin']) =>
  sendCheckin(movementId, checkin);

export interface CheckinQueue {
  storage: QueueStorage | null;
  waiting: number;
  refused: { item: QueuedCheckin; error: unknown }[];
  /** Sent by the last replay (a count, never what they were). */
  sentLately: number;
  replaying: boolean;
  replay: () => void;
  /** Reads the count again after the page queued one. */
  refresh: () => void;
}

export function useCheckinQueue(movementId: string): CheckinQueue {
  const storage = browserStorage();
  const storageRef = useRef(storage);
  const [waiting, setWaiting] = useState(() =>
    storage ? queuedFor(storage, movementId).length : 0,
  );
  const [refused, setRefused] = useState<CheckinQueue['refused']>([]);
  const [sentLately, setSentLately] = useState(0);
  const [replaying, setReplaying] = useState(false);
  const running = useRef(false);

  const refresh = useCallback(() => {
    const store = storageRef.current;
    setWaiting(store ? queuedFor(store, movementId).length : 0);
  }, [movementId]);

  const replay = useCallback(() => {
    const store = storageRef.current;
    if (!store || running.current || queuedFor(store, movementId).length === 0) return;
    running.current = true;
    setReplaying(true);
    replayQueue(store, send, movementId)
      .then((result) => {
        setSentLately(result.sent.length);
        if (result.refused.length > 0) setRefused((current) => [...current, ...result.refused]);
      })
      .catch(() => undefined)
      .finally(() => {
        running.current = false;
        setReplaying(false);
        refresh();
      });
  }, [movementId, refresh]);

  useEffect(() => {
    replay();
    window.addEventListener('online', replay);
    return () => window.removeEventListener('online', replay);
  }, [replay]);

  useEffect(() => {
    if (waiting === 0) return;
    const timer = window.setInterval(replay, RETRY_MS);
    return () => window.clearInterval(timer);
  }, [waiting, replay]);

  return { storage, waiting, refused, sentLately, replaying, replay, refresh };
}
