/**
 * A live bus that spans every process on one database: each event is
 * published to this process's listeners at once AND sent on the cross-process
 * channel (PostgreSQL NOTIFY); events from other processes are published to
 * this process's listeners only. A process knows its own notifications by
 * the process id they carry and skips them (its listeners already had them).
 *
 * The listening connection is held only while someone subscribes (open
 * streams, the webhook worker), so a CLI command or a test that only
 * publishes never keeps a connection open. A lost connection is re-opened
 * after a pause; events sent meanwhile are missed, which is why everything a
 * listener must not lose is also found by a scan of the database.
 *
 * Owns: the wire format of a live event between processes. Must never: put
 * more than ids in a notification.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { CrossProcessChannel } from '../../storage/cross-process.js';
import { createLiveBus, type LiveBus, type LiveEvent } from './live.bus.js';

const wireEventSchema = z.object({
  p: z.string().max(64),
  c: z.enum(['alert', 'alarm', 'movement']),
  i: z.string().min(1).max(200),
  x: z.string().min(1).max(64),
});

export interface BridgeLog {
  warn(details: object, message: string): void;
}

export interface BridgedLiveBus extends LiveBus {
  /** Resolves once this process is listening (immediately when nobody subscribes). */
  listening(): Promise<void>;
  isListening(): boolean;
}

const defaultLog: BridgeLog = {
  warn: (details, message) =>
    process.emitWarning(`${message} ${JSON.stringify(details)}`, { code: 'TANDEM_LIVE_BRIDGE' }),
};

export function createBridgedLiveBus(
  channel: CrossProcessChannel,
  options: { log?: BridgeLog; retryMs?: number; processId?: string } = {},
): BridgedLiveBus {
  const log = options.log ?? defaultLog;
  const processId = options.processId ?? randomUUID();
  const retryMs = options.retryMs ?? 1_000;
  const local = createLiveBus();
  let subscribers = 0;
  let connection: Promise<(() => Promise<void>) | undefined> | undefined;
  let connected = false;
  let retry: NodeJS.Timeout | undefined;

  function receive(payload: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload);
    } catch {
      return log.warn({ length: payload.length }, 'live notification is not JSON');
    }
    const wire = wireEventSchema.safeParse(parsed);
    if (!wire.success) return log.warn({}, 'live notification has an unknown shape');
    if (wire.data.p === processId) return;
    local.publish({ channel: wire.data.c, id: wire.data.i, change: wire.data.x });
  }

  function connect(): void {
    const attempt = channel.listen(receive, lost).then(
      (stop) => {
        // Unsubscribed (or lost) while connecting: this connection is not wanted any more.
        if (connection !== attempt) {
          void stop().catch(() => undefined);
          return undefined;
        }
        connected = true;
        return stop;
      },
      (error: unknown) => {
        log.warn({ err: String(error) }, 'live bridge could not listen');
        if (connection === attempt) connection = undefined;
        scheduleRetry();
        return undefined;
      },
    );
    connection = attempt;
  }

  function disconnect(): void {
    const current = connection;
    connection = undefined;
    connected = false;
    void current?.then((stop) => stop?.()).catch(() => undefined);
  }

  function lost(error: unknown): void {
    log.warn({ err: String(error) }, 'live bridge lost its connection');
    disconnect();
    scheduleRetry();
  }

  function scheduleRetry(): void {
    if (subscribers === 0 || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      if (subscribers > 0 && !connection) connect();
    }, retryMs);
    retry.unref();
  }

  return {
    publish(event: LiveEvent) {
      local.publish(event);
      const wire = { p: processId, c: event.channel, i: event.id, x: event.change };
      channel.notify(JSON.stringify(wire)).catch((error: unknown) => {
        log.warn({ err: String(error), channel: event.channel }, 'live notification not sent');
      });
    },
    subscribe(listener) {
      const unsubscribe = local.subscribe(listener);
      subscribers += 1;
      if (subscribers === 1 && !connection) connect();
      let done = false;
      return () => {
        if (done) return;
        done = true;
        unsubscribe();
        subscribers -= 1;
        if (subscribers === 0) {
          clearTimeout(retry);
          retry = undefined;
          disconnect();
        }
      };
    },
    async listening() {
      await connection;
    },
    isListening: () => connected,
  };
}
