/**
 * Federation's background work in a process: the pull loop over every peer
 * (woken by notices), push notices to peers when this node stores a record
 * it wrote, and the clean-up of replay nonces.
 */
import { startNoticeSender } from './notices.js';
import { forgetExpiredNonces } from './peer-requests.js';
import type { PullWakeups } from './pull-wakeups.js';
import type { SigningKey } from './provenance.js';
import type { IngestDeps } from './ingest.service.js';
import { startSyncWorker, type SyncWorker } from './sync.worker.js';

export interface FederationWorkerDeps extends IngestDeps {
  key: SigningKey;
  wakeups: PullWakeups;
  pullIntervalMs: number;
  pageSize: number;
}

export interface FederationLog {
  error(details: object, message: string): void;
  info(details: object, message: string): void;
}

const NONCE_SWEEP_MS = 10 * 60_000;

export function startFederationWorkers(
  deps: FederationWorkerDeps,
  log: FederationLog,
): { worker: SyncWorker; stop(): Promise<void> } {
  const worker = startSyncWorker(deps, {
    pullIntervalMs: deps.pullIntervalMs,
    onError: (peer, error) =>
      log.error({ peer: peer.id, err: error }, `pulling from peer ${peer.name} failed`),
    onPulled: (peer, result) => {
      if (result.stored > 0 || result.refused > 0) {
        log.info({ peer: peer.id, ...result }, `pulled from peer ${peer.name}`);
      }
    },
  });
  const unsubscribe = deps.wakeups.onWake((peerId) => worker.wake(peerId));
  const notices = startNoticeSender(deps);
  const sweep = setInterval(
    () => void forgetExpiredNonces(deps.db, deps.clock).catch(() => undefined),
    NONCE_SWEEP_MS,
  );
  sweep.unref();
  return {
    worker,
    async stop() {
      clearInterval(sweep);
      notices.stop();
      unsubscribe();
      await worker.stop();
    },
  };
}
