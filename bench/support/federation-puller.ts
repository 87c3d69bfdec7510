/**
 * Node B's side of the catch-up and no-op benchmarks, in its own process:
 * opens B's database (TANDEM_DATABASE_URL), pulls everything from its one
 * peer with the real `pullFromPeer` (signed TAXII requests, verify, ingest,
 * cursor per page), then, after SETTLE_MS has passed, times NOOP_PULLS pulls
 * with nothing new (each with the peer's lease taken and given up, as the pull
 * loop does) and as many signed GETs of the peer's TAXII discovery
 * resource. Prints one JSON line per part on stdout; never changes A.
 *
 * Run by bench/federation-catchup.bench.ts, not by hand.
 */
import { loadConfig } from '../../src/app/config.js';
import { createAppContext } from '../../src/app/context.js';
import { peerClient } from '../../src/modules/federation/peer-client.js';
import { listPeers } from '../../src/modules/federation/peers.repository.js';
import {
  pullFromPeer,
  SETTLE_MS,
  type SyncDeps,
} from '../../src/modules/federation/sync.service.js';
import { claimPullLease, releasePullLease } from '../../src/modules/federation/sync.repository.js';

const NOOP_PULLS = Number(process.env.NOOP_PULLS ?? 200);

const context = createAppContext(loadConfig({ ...process.env, TANDEM_LOG_LEVEL: 'silent' }));
try {
  const { key } = await context.nodeIdentity();
  const [peer] = await listPeers(context.storage.db);
  if (!peer) throw new Error('B has no peer');
  const deps: SyncDeps = {
    db: context.storage.db,
    clock: context.clock,
    audit: context.audit,
    capabilities: context.storage.capabilities,
    // As the serve process's pull loop keeps it (sync.worker.ts).
    collectionIds: new Map(),
    key,
    pageSize: context.config.federation.pageSize,
  };
  // The same signed client the pull makes, timed: how much of the catch-up is waiting for A.
  const signed = peerClient(peer, key, context.clock);
  let fetchMs = 0;
  const timed = {
    get: async (pathAndQuery: string) => {
      const start = performance.now();
      const response = await signed.get(pathAndQuery);
      fetchMs += performance.now() - start;
      return response;
    },
    post: (pathAndQuery: string, body: string, contentType?: string) =>
      signed.post(pathAndQuery, body, contentType),
  };
  const began = performance.now();
  const beganAt = Date.now();
  const cpuBefore = process.cpuUsage();
  const result = await pullFromPeer(deps, peer, timed);
  const ms = performance.now() - began;
  const cpu = process.cpuUsage(cpuBefore);
  // CPU time as well as wall time: on a shared machine the wall clock also counts other work.
  const cpuMs = (cpu.user + cpu.system) / 1_000;
  console.log(
    JSON.stringify({ part: 'catchup', ms, cpuMs, fetchMs, pageSize: deps.pageSize, ...result }),
  );

  if (NOOP_PULLS > 0) {
    // The pull asks again from SETTLE_MS before the previous one began (plus a second for the
    // Date header's rounding): wait until that window is past, so "nothing new" is what it is.
    const wait = beganAt + ms + SETTLE_MS + 1_500 - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    await pullFromPeer(deps, peer); // moves servedAt past the catch-up window
    const client = peerClient(peer, key, context.clock);
    const pulls: number[] = [];
    let objects = 0;
    // Each timed as the pull loop runs it (sync.worker.ts): the peer's lease taken, the pull, the
    // lease given up.
    const lease = () => {
      const now = Date.now();
      return {
        holder: 'bench',
        now: new Date(now).toISOString(),
        until: new Date(now + 60_000).toISOString(),
      };
    };
    for (let i = 0; i < NOOP_PULLS; i += 1) {
      const start = performance.now();
      if (!(await claimPullLease(deps.db, peer.id, lease()))) throw new Error('lease held');
      const noop = await pullFromPeer(deps, peer, client);
      await releasePullLease(deps.db, peer.id, 'bench');
      pulls.push(performance.now() - start);
      objects += noop.objects;
    }
    const discovery: number[] = [];
    for (let i = 0; i < NOOP_PULLS; i += 1) {
      const start = performance.now();
      const response = await client.get('/taxii2/');
      if (response.status !== 200) throw new Error(`discovery answered ${response.status}`);
      discovery.push(performance.now() - start);
    }
    console.log(JSON.stringify({ part: 'noop', pulls, objects, discovery }));
  }
} finally {
  await context.storage.close();
}
