/** The only SQL of the pull state per peer (table peer_sync). */
import type { Executor } from '../../storage/executor.js';
import type { PeerSyncTable } from './federation.tables.js';

export type PeerSyncRow = PeerSyncTable;

export async function findPeerSync(
  executor: Executor,
  peerId: string,
): Promise<PeerSyncRow | undefined> {
  return executor
    .selectFrom('peer_sync')
    .selectAll()
    .where('peer_id', '=', peerId)
    .executeTakeFirst();
}

export async function listPeerSync(executor: Executor): Promise<PeerSyncRow[]> {
  return executor.selectFrom('peer_sync').selectAll().execute();
}

/** Moves the cursor with the page it follows: called in the page's transaction. */
export async function advanceCursor(
  executor: Executor,
  peerId: string,
  cursor: string,
  received: number,
): Promise<void> {
  await executor
    .insertInto('peer_sync')
    .values({ peer_id: peerId, cursor, failures: 0, objects_received: received })
    .onConflict((oc) =>
      oc.column('peer_id').doUpdateSet((eb) => ({
        cursor,
        objects_received: eb('peer_sync.objects_received', '+', received),
      })),
    )
    .execute();
}

export async function recordPullOutcome(
  executor: Executor,
  peerId: string,
  outcome:
    | { ok: true; at: string }
    | { ok: false; at: string; error: string; failures: number; nextAttemptAt: string },
): Promise<void> {
  const changes = outcome.ok
    ? {
        last_attempt_at: outcome.at,
        last_success_at: outcome.at,
        last_error: null,
        failures: 0,
        next_attempt_at: null,
      }
    : {
        last_attempt_at: outcome.at,
        last_error: outcome.error,
        failures: outcome.failures,
        next_attempt_at: outcome.nextAttemptAt,
      };
  await executor
    .insertInto('peer_sync')
    .values({ peer_id: peerId, objects_received: 0, ...changes })
    .onConflict((oc) => oc.column('peer_id').doUpdateSet(changes))
    .execute();
}

/**
 * Takes the peer's pull lease for `holder` until `until`, or renews it: only
 * when no other holder's lease is still running at `now` (or that holder is
 * the one named to take over from). True when taken.
 * One conditional UPDATE, so two processes cannot both take it (PostgreSQL
 * re-checks the condition on a row another transaction has just changed);
 * only when it changes nothing is the peer's row inserted, taken, in case it
 * was missing.
 */
export async function claimPullLease(
  executor: Executor,
  peerId: string,
  lease: {
    holder: string;
    now: string;
    until: string;
    /** A holder known to be gone (sync.worker.ts leaseHolderGone): its lease is taken over. */
    takeOverFrom?: string;
  },
): Promise<boolean> {
  const taken = await executor
    .updateTable('peer_sync')
    .set({ lease_holder: lease.holder, lease_until: lease.until })
    .where('peer_id', '=', peerId)
    .where((eb) =>
      eb.or([
        eb('lease_holder', 'is', null),
        eb('lease_holder', '=', lease.holder),
        eb('lease_until', '<', lease.now),
        ...(lease.takeOverFrom === undefined ? [] : [eb('lease_holder', '=', lease.takeOverFrom)]),
      ]),
    )
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) > 0) return true;
  const inserted = await executor
    .insertInto('peer_sync')
    .values({
      peer_id: peerId,
      failures: 0,
      objects_received: 0,
      lease_holder: lease.holder,
      lease_until: lease.until,
    })
    .onConflict((oc) => oc.column('peer_id').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Gives the lease up, if `holder` still holds it. */
export async function releasePullLease(
  executor: Executor,
  peerId: string,
  holder: string,
): Promise<void> {
  await executor
    .updateTable('peer_sync')
    .set({ lease_holder: null, lease_until: null })
    .where('peer_id', '=', peerId)
    .where('lease_holder', '=', holder)
    .execute();
}
