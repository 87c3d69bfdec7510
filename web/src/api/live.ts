/**
 * Live events from the server (GET /api/live, server-sent events): one
 * EventSource per tab, shared by every component that listens, opened with
 * the first listener and closed with the last. Events name a channel
 * ('alert', 'alarm', 'movement') and carry {change, id, item}; `item` is the
 * subject as the server presents it to this reader, read again through the
 * sharing policy for each event. The browser reconnects by itself after a
 * dropped connection; when the server refused the stream (the connection is
 * closed for good) this module tries again with a growing delay. Listeners
 * are told when the stream comes back, so they can reload what they may have
 * missed meanwhile.
 */
import { useEffect, useLayoutEffect, useRef, useSyncExternalStore } from 'react';

export const LIVE_CHANNELS = ['alert', 'alarm', 'movement'] as const;
export type LiveChannel = (typeof LIVE_CHANNELS)[number];

export interface LiveMessage {
  channel: LiveChannel;
  change: string;
  id: string;
  /** The subject as this reader may see it; undefined when the server sent none. */
  item: unknown;
}

export type LiveStatus = 'connecting' | 'open' | 'down';

interface Subscription {
  channels: ReadonlySet<LiveChannel>;
  onMessage: (message: LiveMessage) => void;
  onReconnect: () => void;
}

const LIVE_PATH = '/api/live';
const FIRST_RETRY_MS = 2_000;
const LONGEST_RETRY_MS = 60_000;

const subscriptions = new Set<Subscription>();
const statusListeners = new Set<() => void>();
let source: EventSource | null = null;
let status: LiveStatus = 'down';
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let retryDelay = FIRST_RETRY_MS;
/** Set when the stream dropped after it had been open: the next open is a reconnection. */
let missedSome = false;

/** Reads one event's data; anything that is not a well-formed message is ignored. */
export function parseLiveMessage(channel: LiveChannel, data: unknown): LiveMessage | null {
  if (typeof data !== 'string') return null;
  let payload: unknown;
  try {
    payload = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof payload !== 'object' || payload === null) return null;
  const { change, id, item } = payload as Record<string, unknown>;
  if (typeof change !== 'string' || typeof id !== 'string') return null;
  return { channel, change, id, item: item ?? undefined };
}

function setStatus(next: LiveStatus): void {
  if (status === next) return;
  status = next;
  for (const listener of statusListeners) listener();
}

function dispatch(channel: LiveChannel, event: MessageEvent): void {
  const message = parseLiveMessage(channel, event.data);
  if (!message) return;
  for (const subscription of [...subscriptions]) {
    if (subscription.channels.has(channel)) subscription.onMessage(message);
  }
}

function connect(): void {
  if (source || typeof EventSource === 'undefined') return;
  setStatus('connecting');
  const stream = new EventSource(LIVE_PATH, { withCredentials: true });
  source = stream;
  for (const channel of LIVE_CHANNELS) {
    stream.addEventListener(channel, (event) => dispatch(channel, event));
  }
  stream.onopen = () => {
    retryDelay = FIRST_RETRY_MS;
    setStatus('open');
    if (missedSome) {
      missedSome = false;
      for (const subscription of [...subscriptions]) subscription.onReconnect();
    }
  };
  stream.onerror = () => {
    if (status === 'open') missedSome = true;
    // CONNECTING: the browser retries by itself. CLOSED: it gave up (an answer that was not a stream).
    if (stream.readyState !== EventSource.CLOSED) {
      setStatus('connecting');
      return;
    }
    stream.close();
    source = null;
    setStatus('down');
    missedSome = true;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      if (subscriptions.size > 0) connect();
    }, retryDelay);
    retryDelay = Math.min(retryDelay * 2, LONGEST_RETRY_MS);
  };
}

function disconnect(): void {
  if (retryTimer !== undefined) clearTimeout(retryTimer);
  retryTimer = undefined;
  source?.close();
  source = null;
  missedSome = false;
  retryDelay = FIRST_RETRY_MS;
  setStatus('down');
}

/** Listens on some channels; returns the function that stops listening. */
export function subscribeLive(subscription: Subscription): () => void {
  subscriptions.add(subscription);
  connect();
  return () => {
    subscriptions.delete(subscription);
    if (subscriptions.size === 0) disconnect();
  };
}

/**
 * Calls `handler` for every live event on `channels` while the component is
 * mounted, and `onReconnect` when the stream comes back after a break.
 */
export function useLiveEvents(
  channels: readonly LiveChannel[],
  handler: (message: LiveMessage) => void,
  onReconnect?: () => void,
): void {
  const handlerRef = useRef(handler);
  const reconnectRef = useRef(onReconnect);
  useLayoutEffect(() => {
    handlerRef.current = handler;
    reconnectRef.current = onReconnect;
  });
  const key = [...channels].sort().join(',');
  useEffect(() => {
    const wanted = new Set(key.split(',').filter(isLiveChannel));
    return subscribeLive({
      channels: wanted,
      onMessage: (message) => handlerRef.current(message),
      onReconnect: () => reconnectRef.current?.(),
    });
  }, [key]);
}

function isLiveChannel(value: string): value is LiveChannel {
  return (LIVE_CHANNELS as readonly string[]).includes(value);
}

function subscribeStatus(listener: () => void): () => void {
  statusListeners.add(listener);
  return () => statusListeners.delete(listener);
}

/** Whether live updates are arriving now, for a small indicator. */
export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(subscribeStatus, () => status);
}
