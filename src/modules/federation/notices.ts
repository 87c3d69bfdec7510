/**
 * Push notices: when this node stores a version of a record it wrote, it
 * tells each peer, with a small signed request that carries nothing, to
 * pull now; a peer's notice wakes this node's pull of that peer. The notice
 * says only "something may be new": what the peer then receives is still
 * decided by its egress view. Notices are debounced, and a lost one costs
 * only latency (the regular pull still runs).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import type { Executor } from '../../storage/executor.js';
import { originOf } from '../../app/http/request-context.js';
import type { AuditLog } from '../audit/audit.service.js';
import { onLocalRecordChangesCommitted } from '../records/record-changes.repository.js';
import { peerClient } from './peer-client.js';
import { authenticatePeerRequest } from './peer-requests.js';
import { listPeers } from './peers.repository.js';
import type { SigningKey } from './provenance.js';

export const NOTICE_PATH = '/api/federation/notices';
const DEBOUNCE_MS = 25;

export interface NoticeSender {
  stop(): void;
}

export function startNoticeSender(deps: {
  db: Executor;
  clock: Clock;
  key: SigningKey;
}): NoticeSender {
  let timer: NodeJS.Timeout | undefined;
  const send = async () => {
    timer = undefined;
    const peers = await listPeers(deps.db);
    await Promise.allSettled(
      peers.map((peer) =>
        peerClient(peer, deps.key, deps.clock).post(NOTICE_PATH, '{}', 'application/json'),
      ),
    );
  };
  const unsubscribe = onLocalRecordChangesCommitted(() => {
    timer ??= setTimeout(() => void send().catch(() => undefined), DEBOUNCE_MS);
  });
  return {
    stop() {
      unsubscribe();
      if (timer) clearTimeout(timer);
    },
  };
}

export interface NoticeRouteDeps {
  db: Executor;
  clock: Clock;
  audit: AuditLog;
  /** Wakes this process's pull of the peer. */
  wake(peerId: string): void;
}

/** POST /api/federation/notices, signed by a peer: its own plugin, so its raw-body parser stays here. */
export const noticeRoutes: FastifyPluginAsync<{ deps: NoticeRouteDeps }> = async (
  app,
  { deps },
) => {
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: 4096 },
    (_request, body, done) => {
      done(null, body);
    },
  );
  app.post(
    NOTICE_PATH,
    {
      config: { public: true },
      schema: {
        tags: ['federation'],
        summary: 'A peer says it has something new (signed; peers only)',
        hide: true,
      },
    },
    async (request, reply) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const peer = await authenticatePeerRequest(
        deps.db,
        deps.clock,
        request.headers.authorization,
        {
          method: request.method,
          pathAndQuery: request.url,
          body: raw,
        },
      );
      if (!peer.ok) {
        await deps.audit.record({
          action: 'federation.refused',
          outcome: 'denied',
          ...originOf(request),
          details: { channel: 'notice', reason: peer.error },
        });
        throw new AppError(
          peer.error === 'replayed' ? 'PEER_REQUEST_REPLAYED' : 'PEER_SIGNATURE_INVALID',
        );
      }
      deps.wake(peer.value.id);
      return reply.code(202).send({ accepted: true });
    },
  );
};
