/**
 * The pull loop of a process: every peer is pulled when it falls due (every
 * pull interval, sooner when the peer sends a push notice), one pull per
 * peer at a time, with exponential back-off after failures (kept in
 * peer_sync, so a restart keeps waiting). Peers added or removed while
 * running are picked up on the next tick.
 *
 * Several processes on one database share the pulling through a lease per
 * peer in peer_sync: the process that takes it pulls, renewing it while the
 * pull lasts, and gives it up after; the others pass the peer by. A process
 * woken by a notice while another holds the lease keeps trying until it gets
 * it: the notice may name a record that the other's pull had already passed.
 * (Ingest is idempotent, so a lease lost mid-pull costs transfers, never
 * duplicates.)
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { isoNow } from '../../core/clock.js';
import { listPeers, type PeerWithOrganisations } from './peers.repository.js';
import {
  claimPullLease,
  findPeerSync,
  recordPullOutcome,
  releasePullLease,
} from './sync.repository.js';
import { pullFromPeer, type PullResult, type SyncDeps } from './sync.service.js';

export interface SyncWorkerOptions {
  pullIntervalMs: number;
  onError?: (peer: PeerWithOrganisations, error: unknown) => void;
  onPulled?: (peer: PeerWithOrganisations, result: PullResult) => void;
  /** The pull itself; pullFromPeer unless a test stands in for the peer. */
  pull?: (deps: SyncDeps, peer: PeerWithOrganisations) => Promise<PullResult>;
}

export interface SyncWorker {
  /** Pull this peer as soon as possible (a push notice arrived). */
  wake(peerId: string): void;
  /** Resolves when no pull is running and none is due at once (tests). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const MAX_BACKOFF_MS = 5 * 60_000;
/**
 * How often the loop looks for due peers (one query of the peer list). Notices and "pull now"
 * wake it at once, so this only bounds how late a timed pull or a back-off ends.
 */
const TICK_MS = 1_000;

/**
 * How long a lease holds unrenewed (it is renewed every third of that): a
 * process on another host that dies mid-pull keeps the others off this long.
 * One on this host is seen to be gone at once (leaseHolderGone).
 */
const LEASE_MS = 30_000;
/** How soon a woken peer whose lease another process holds is tried again. */
const LEASE_BUSY_RETRY_MS = 500;

/**
 * Whether the process that holds a lease is known to have ended: one of this
 * host (holders are `host/pid/random`) whose pid no longer runs. A holder of
 * another host is waited out.
 */
export function leaseHolderGone(holder: string): boolean {
  const [host, pid] = holder.split('/');
  const number = Number(pid);
  if (host !== hostname() || !Number.isInteger(number) || number <= 0) return false;
  try {
    process.kill(number, 0); // signal 0: only asks whether the process exists
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

export function backoffMs(failures: number): number {
  return Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** Math.max(0, failures - 1));
}

export function startSyncWorker(given: SyncDeps, options: SyncWorkerOptions): SyncWorker {
  const deps: SyncDeps = { ...given, collectionIds: given.collectionIds ?? new Map() };
  const dueAt = new Map<string, number>();
  const running = new Map<string, Promise<void>>();
  const woken = new Set<string>();
  /** Woken peers whose lease another process held: tried again soon until taken. */
  const awaitingLease = new Set<string>();
  const holder = `${hostname()}/${process.pid}/${randomUUID()}`;
  const leaseFor = () => {
    const now = deps.clock.now();
    return {
      holder,
      now: now.toISOString(),
      until: new Date(now.getTime() + LEASE_MS).toISOString(),
    };
  };
  const pullPeer = options.pull ?? pullFromPeer;
  let stopped = false;
  let ticking: Promise<void> | undefined;

  const pull = async (peer: PeerWithOrganisations, urgent: boolean): Promise<void> => {
    let leased = false;
    let renewal: NodeJS.Timeout | undefined;
    try {
      leased = await claimPullLease(deps.db, peer.id, leaseFor());
      if (!leased) {
        // A process restarted after a crash finds its predecessor's lease: taken over at once.
        const previous = (await findPeerSync(deps.db, peer.id))?.lease_holder;
        if (previous && leaseHolderGone(previous)) {
          leased = await claimPullLease(deps.db, peer.id, {
            ...leaseFor(),
            takeOverFrom: previous,
          });
        }
      }
      if (!leased) {
        if (urgent) {
          awaitingLease.add(peer.id);
          dueAt.set(peer.id, Date.now() + LEASE_BUSY_RETRY_MS);
          setTimeout(scheduleTick, LEASE_BUSY_RETRY_MS).unref();
        } else {
          dueAt.set(peer.id, Date.now() + options.pullIntervalMs);
        }
        return;
      }
      awaitingLease.delete(peer.id);
      renewal = setInterval(() => {
        claimPullLease(deps.db, peer.id, leaseFor()).catch(() => undefined);
      }, LEASE_MS / 3);
      renewal.unref();
      const result = await pullPeer(deps, peer);
      dueAt.set(peer.id, Date.now() + options.pullIntervalMs);
      options.onPulled?.(peer, result);
    } catch (error) {
      const failures = ((await findPeerSync(deps.db, peer.id))?.failures ?? 0) + 1;
      const wait = backoffMs(failures);
      dueAt.set(peer.id, Date.now() + wait);
      await recordPullOutcome(deps.db, peer.id, {
        ok: false,
        at: isoNow(deps.clock),
        error: error instanceof Error ? error.message.slice(0, 500) : 'unknown error',
        failures,
        nextAttemptAt: new Date(deps.clock.now().getTime() + wait).toISOString(),
      });
      options.onError?.(peer, error);
    } finally {
      clearInterval(renewal);
      if (leased) await releasePullLease(deps.db, peer.id, holder).catch(() => undefined);
    }
  };

  const tick = async (): Promise<void> => {
    if (stopped) return;
    const peers = await listPeers(deps.db);
    const now = Date.now();
    for (const peer of peers) {
      if (running.has(peer.id)) continue;
      if (!dueAt.has(peer.id)) {
        // First sight of the peer in this process: respect a back-off a previous run recorded.
        const state = await findPeerSync(deps.db, peer.id);
        const next = state?.next_attempt_at ? Date.parse(state.next_attempt_at) : now;
        dueAt.set(peer.id, Number.isFinite(next) ? Math.min(next, now + MAX_BACKOFF_MS) : now);
      }
      const wokenNow = woken.delete(peer.id);
      const due = wokenNow || (dueAt.get(peer.id) ?? now) <= now;
      if (!due) continue;
      const job = pull(peer, wokenNow || awaitingLease.has(peer.id)).finally(() => {
        running.delete(peer.id);
        // A notice that arrived during the pull asks for one more.
        if (woken.has(peer.id)) scheduleTick();
      });
      running.set(peer.id, job);
    }
    for (const id of woken) if (!peers.some((peer) => peer.id === id)) woken.delete(id);
    for (const id of awaitingLease)
      if (!peers.some((peer) => peer.id === id)) awaitingLease.delete(id);
  };

  const runTick = () => {
    ticking ??= tick()
      .catch(() => undefined) // the database may be closing; the next tick tries again
      .finally(() => {
        ticking = undefined;
      });
    return ticking;
  };
  const scheduleTick = () => {
    if (!stopped) queueMicrotask(() => void runTick());
  };
  const timer = setInterval(() => void runTick(), Math.min(TICK_MS, options.pullIntervalMs));
  timer.unref();
  scheduleTick();

  return {
    wake(peerId) {
      woken.add(peerId);
      scheduleTick();
    },
    async idle() {
      for (;;) {
        await (ticking ?? Promise.resolve());
        const jobs = [...running.values()];
        if (jobs.length === 0 && woken.size === 0) return;
        await Promise.all(jobs);
        await runTick();
      }
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await (ticking ?? Promise.resolve());
      await Promise.all(running.values());
    },
  };
}
