/**
 * Several processes on one database share the pulling of a peer through its
 * lease: one pulls at a time, a lease that runs out or is given up can be
 * taken by another, and a process woken by a notice while another pulls
 * pulls once the other is done (the notice may name a record the other's
 * pull had passed); a process restarted after a crash takes its ended
 * predecessor's lease over at once. The workers here stand for processes: each has
 * its own lease holder, and the database is the only thing they share.
 */
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/storage.js';
import { systemClock } from '../../core/clock.js';
import { createAuditLog } from '../audit/audit.service.js';
import { ensureNodeIdentity, signingKeyOf } from './node-identity.js';
import { insertPeer, listPeers, type PeerWithOrganisations } from './peers.repository.js';
import { claimPullLease, findPeerSync, releasePullLease } from './sync.repository.js';
import type { PullResult, SyncDeps } from './sync.service.js';
import { leaseHolderGone, startSyncWorker } from './sync.worker.js';

const PEER = 'identity--6f1f6a6c-2b1e-4f4b-9d59-0d7c2f3b1a01';
const NOTHING: PullResult = { pages: 1, objects: 0, stored: 0, refused: 0 };
const at = (second: number) => new Date(Date.UTC(2026, 10, 29, 8, 0, second)).toISOString();

describeEachEngine('the pull lease', (database) => {
  let deps: SyncDeps;
  let peer: PeerWithOrganisations;
  beforeAll(async () => {
    const db = database().storage.db;
    await insertPeer(
      db,
      {
        id: PEER,
        name: 'Beijing node',
        base_url: 'http://127.0.0.1:9',
        public_key: 'unused',
        key_id: 'unused',
        collection_id: 'unused',
        created_at: at(0),
        updated_at: at(0),
        removed_at: null,
      },
      [],
    );
    const [listed] = await listPeers(db);
    if (!listed) throw new Error('the peer was not stored');
    peer = listed;
    deps = {
      db,
      clock: systemClock,
      audit: createAuditLog(db, systemClock),
      capabilities: database().storage.capabilities,
      key: signingKeyOf(await ensureNodeIdentity(db, systemClock, 'Islamabad node')),
      pageSize: 100,
    };
  });

  it('is held by one holder at a time until it runs out or is given up', async () => {
    const db = database().storage.db;
    const lease = (holder: string, now: number, until: number) => ({
      holder,
      now: at(now),
      until: at(until),
    });
    expect(await claimPullLease(db, PEER, lease('first', 1, 60))).toBe(true);
    expect(await claimPullLease(db, PEER, lease('second', 2, 61))).toBe(false);
    expect(await claimPullLease(db, PEER, lease('first', 20, 80))).toBe(true); // renewed
    expect(await claimPullLease(db, PEER, lease('second', 61, 121))).toBe(false);
    expect(await claimPullLease(db, PEER, lease('second', 81, 141))).toBe(true); // ran out
    await releasePullLease(db, PEER, 'first'); // no longer the holder: changes nothing
    expect((await findPeerSync(db, PEER))?.lease_holder).toBe('second');
    await releasePullLease(db, PEER, 'second');
    expect(await claimPullLease(db, PEER, lease('first', 82, 142))).toBe(true);
    await releasePullLease(db, PEER, 'first');
    expect((await findPeerSync(db, PEER))?.lease_holder).toBeNull();
    // A peer whose pull state row is missing: the claim makes it, held.
    await db.deleteFrom('peer_sync').where('peer_id', '=', PEER).execute();
    expect(await claimPullLease(db, PEER, lease('first', 83, 143))).toBe(true);
    expect(await claimPullLease(db, PEER, lease('second', 84, 144))).toBe(false);
    await releasePullLease(db, PEER, 'first');
  });

  it('has one of two workers pull at a time, and a woken one pull after the other', async () => {
    let inFlight = 0;
    let mostAtOnce = 0;
    const pulls: string[] = [];
    let releaseFirst: () => void = () => undefined;
    const firstHeld = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    const pullAs = (name: string) => async () => {
      inFlight += 1;
      mostAtOnce = Math.max(mostAtOnce, inFlight);
      pulls.push(name);
      if (pulls.length === 1) await firstHeld; // the first pull lasts until released below
      inFlight -= 1;
      return NOTHING;
    };
    const options = { pullIntervalMs: 3_600_000 };
    const one = startSyncWorker(deps, { ...options, pull: pullAs('one') });
    await expect.poll(() => pulls.length).toBe(1); // the first tick pulls at once
    const two = startSyncWorker(deps, { ...options, pull: pullAs('two') });
    two.wake(peer.id); // a notice arrives at the other process while the first pulls
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(pulls).toEqual(['one']);
    releaseFirst();
    await expect.poll(() => pulls, { timeout: 5_000 }).toEqual(['one', 'two']);
    await one.stop();
    await two.stop();
    expect(mostAtOnce).toBe(1);
    expect((await findPeerSync(database().storage.db, PEER))?.lease_holder).toBeNull();
  });

  it('is taken over at once from a process of this host that has ended, never from a running one', async () => {
    const db = database().storage.db;
    const ended = spawnSync(process.execPath, ['-e', '0']).pid;
    expect(leaseHolderGone(`${hostname()}/${ended}/earlier`)).toBe(true);
    expect(leaseHolderGone(`${hostname()}/${process.pid}/running`)).toBe(false);
    expect(leaseHolderGone(`another-host/${ended}/elsewhere`)).toBe(false);
    // The process that held the lease was killed mid-pull: its lease would hold for an hour.
    const held = { now: at(0), until: new Date(Date.now() + 3_600_000).toISOString() };
    expect(await claimPullLease(db, PEER, { ...held, holder: `${hostname()}/${ended}/x` })).toBe(
      true,
    );
    const pulls: string[] = [];
    const restarted = startSyncWorker(deps, {
      pullIntervalMs: 3_600_000,
      pull: () => {
        pulls.push('restarted');
        return Promise.resolve(NOTHING);
      },
    });
    await expect.poll(() => pulls, { timeout: 5_000 }).toEqual(['restarted']);
    await restarted.stop();
    expect((await findPeerSync(db, PEER))?.lease_holder).toBeNull();
  });
});
