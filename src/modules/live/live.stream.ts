/**
 * One open server-sent-events stream: takes bus events, asks the channel's
 * resolver what (if anything) this reader may see of the subject now, and
 * writes `event: <channel>` frames. Events are handled one at a time in
 * arrival order; the queue is bounded, and a reader that cannot keep up is
 * disconnected (its browser reconnects and reloads) rather than allowed to
 * grow the server's memory. A heartbeat comment keeps proxies from closing
 * an idle connection.
 *
 * Owns: framing, ordering, back-pressure, heartbeat. Must never: write
 * anything a resolver did not return for this reader.
 */
import { PassThrough } from 'node:stream';
import type { CurrentUser } from '../identity/identity.types.js';
import type { LiveBus, LiveChannel, LiveEvent } from './live.bus.js';

/** What one channel's subject looks like to one reader now, or undefined when they may not see it. */
export type LiveResolver = (id: string, reader: CurrentUser) => Promise<object | undefined>;
export type LiveResolvers = Partial<Record<LiveChannel, LiveResolver>>;

export interface LiveStreamOptions {
  heartbeatMs: number;
  /** Events waiting to be resolved and written; past this the stream closes. */
  maxQueue: number;
}

export interface LiveStreamDeps {
  bus: LiveBus;
  resolvers: LiveResolvers;
  /** The reader as of now; undefined ends the stream (deactivated, signed out). */
  reader(): Promise<CurrentUser | undefined>;
  log: { warn(details: object, message: string): void };
}

export type CloseReason = 'client' | 'server' | 'overflow' | 'reader-gone';

export interface LiveStream {
  /** The body to send: SSE frames, ending when the stream closes. */
  readonly body: PassThrough;
  close(reason: CloseReason): void;
  /** Resolves once the stream has closed, with why. */
  readonly closed: Promise<CloseReason>;
}

export function sseFrame(channel: LiveChannel, data: object): string {
  // JSON.stringify never emits a raw newline, so one data line carries the whole event.
  return `event: ${channel}\ndata: ${JSON.stringify(data)}\n\n`;
}

export function openLiveStream(deps: LiveStreamDeps, options: LiveStreamOptions): LiveStream {
  const body = new PassThrough();
  const queue: LiveEvent[] = [];
  let pumping = false;
  let closedWith: CloseReason | undefined;
  let settle: (reason: CloseReason) => void = () => undefined;
  const closed = new Promise<CloseReason>((resolve) => (settle = resolve));

  function close(reason: CloseReason): void {
    if (closedWith !== undefined) return;
    closedWith = reason;
    unsubscribe();
    clearInterval(heartbeat);
    queue.length = 0;
    if (!body.writableEnded) body.end();
    settle(reason);
  }

  /** Writes, waiting for the socket to drain when its buffer is full. */
  async function write(text: string): Promise<void> {
    if (closedWith !== undefined) return;
    if (body.write(text)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        body.off('drain', done);
        body.off('close', done);
        resolve();
      };
      body.once('drain', done);
      body.once('close', done);
    });
  }

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      for (let event = queue.shift(); event; event = queue.shift()) {
        if (closedWith !== undefined) return;
        const resolver = deps.resolvers[event.channel];
        if (!resolver) continue;
        const reader = await deps.reader();
        if (!reader) return close('reader-gone');
        let item: object | undefined;
        try {
          item = await resolver(event.id, reader);
        } catch (error) {
          // One subject that fails to load must not end the reader's stream.
          deps.log.warn(
            { err: error, channel: event.channel, id: event.id },
            'live resolver failed',
          );
          continue;
        }
        if (item !== undefined && closedWith === undefined)
          await write(sseFrame(event.channel, { change: event.change, id: event.id, item }));
      }
    } finally {
      pumping = false;
    }
  }

  const unsubscribe = deps.bus.subscribe((event) => {
    if (closedWith !== undefined || !deps.resolvers[event.channel]) return;
    if (queue.length >= options.maxQueue) return close('overflow');
    queue.push(event);
    void pump();
  });
  const heartbeat = setInterval(() => void write(': heartbeat\n\n'), options.heartbeatMs);
  // The client went away (or Fastify destroyed the body after the socket closed).
  body.once('close', () => close('client'));
  // Opens the stream at once (the client knows it is subscribed before any event) and
  // asks browsers to reconnect after 3 s when the connection drops.
  body.write('retry: 3000\n: connected\n\n');

  return { body, close, closed };
}
