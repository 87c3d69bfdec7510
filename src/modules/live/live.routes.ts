/**
 * GET /api/live: server-sent events for the signed-in user. Each bus event
 * on a channel with a resolver is resolved for this user as they are now
 * (re-read per event, so deactivation or sign-out ends delivery) and sent
 * only when the resolver returns something. At most a few streams per user
 * per process; every stream ends when the server closes, so `app.close()`
 * never waits on an open browser tab.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import type { Executor } from '../../storage/executor.js';
import { requirePrincipal } from '../../app/http/request-context.js';
import type { LiveBus } from './live.bus.js';
import { rereadPrincipalUser } from './live.reader.js';
import { openLiveStream, type LiveResolvers, type LiveStream } from './live.stream.js';

export interface LiveRoutesOptions {
  deps: { db: Executor; clock: Clock; live: LiveBus };
  resolvers: LiveResolvers;
  heartbeatMs?: number;
  maxStreamsPerUser?: number;
  maxQueue?: number;
}

export const LIVE_DEFAULTS = { heartbeatMs: 20_000, maxStreamsPerUser: 5, maxQueue: 256 };

export const liveRoutes: FastifyPluginAsyncZod<LiveRoutesOptions> = async (app, options) => {
  const { deps, resolvers } = options;
  const heartbeatMs = options.heartbeatMs ?? LIVE_DEFAULTS.heartbeatMs;
  const maxStreams = options.maxStreamsPerUser ?? LIVE_DEFAULTS.maxStreamsPerUser;
  const maxQueue = options.maxQueue ?? LIVE_DEFAULTS.maxQueue;
  const openByUser = new Map<string, Set<LiveStream>>();

  // Before the server stops accepting: end every stream so its connection goes idle and closes.
  app.addHook('preClose', async () => {
    for (const streams of openByUser.values()) for (const stream of streams) stream.close('server');
  });

  app.get(
    '/api/live',
    {
      config: { scope: 'intel:read' },
      schema: {
        tags: ['live'],
        summary:
          'Server-sent events for the caller: alert, alarm and movement changes the caller may see',
        description:
          'Each event is `event: <channel>` with data `{"change", "id", "item"}`; comments are heartbeats.',
      },
      // After the security headers: an event stream must not be buffered or cached by anyone.
      onSend: async (_request, reply, payload) => {
        reply.header('cache-control', 'no-cache, no-store');
        return payload;
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const userId = principal.user.userId;
      const mine = openByUser.get(userId) ?? new Set<LiveStream>();
      if (mine.size >= maxStreams) throw new AppError('RATE_LIMITED');
      const stream = openLiveStream(
        {
          bus: deps.live,
          resolvers,
          reader: () => rereadPrincipalUser(deps, principal),
          log: request.log,
        },
        { heartbeatMs, maxQueue },
      );
      mine.add(stream);
      openByUser.set(userId, mine);
      void stream.closed.then((reason) => {
        mine.delete(stream);
        if (mine.size === 0) openByUser.delete(userId);
        request.log.debug({ reason }, 'live stream closed');
      });
      return reply
        .header('content-type', 'text/event-stream; charset=utf-8')
        .header('x-accel-buffering', 'no')
        .send(stream.body);
    },
  );
};
