/**
 * The only SQL for this node's identity and its peers: the key pair, the
 * registered peers with the organisations each hosts, and the nonces of
 * signed requests already seen.
 */
import type { Executor } from '../../storage/executor.js';
import type { NodeIdentityTable, PeersTable } from './federation.tables.js';

export type NodeIdentityRow = NodeIdentityTable;
export type PeerRow = PeersTable;
export interface PeerWithOrganisations extends PeerRow {
  orgIds: string[];
}

export async function findNodeIdentity(executor: Executor): Promise<NodeIdentityRow | undefined> {
  return executor.selectFrom('node_identity').selectAll().executeTakeFirst();
}

/** Stores the node's identity unless one exists (two processes starting at once keep the first). */
export async function insertNodeIdentity(executor: Executor, row: NodeIdentityRow): Promise<void> {
  await executor
    .insertInto('node_identity')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

async function withOrganisations(
  executor: Executor,
  rows: PeerRow[],
): Promise<PeerWithOrganisations[]> {
  if (rows.length === 0) return [];
  const links = await executor
    .selectFrom('peer_organisations')
    .select(['peer_id', 'org_id'])
    .where(
      'peer_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('org_id')
    .execute();
  return rows.map((row) => ({
    ...row,
    orgIds: links.filter((link) => link.peer_id === row.id).map((link) => link.org_id),
  }));
}

/** Active peers (not removed), by name. */
export async function listPeers(executor: Executor): Promise<PeerWithOrganisations[]> {
  const rows = await executor
    .selectFrom('peers')
    .selectAll()
    .where('removed_at', 'is', null)
    .orderBy('name')
    .execute();
  return withOrganisations(executor, rows);
}

export async function findPeer(
  executor: Executor,
  id: string,
): Promise<PeerWithOrganisations | undefined> {
  const row = await executor
    .selectFrom('peers')
    .selectAll()
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return row ? (await withOrganisations(executor, [row]))[0] : undefined;
}

export async function findPeerByKeyId(
  executor: Executor,
  keyId: string,
): Promise<PeerWithOrganisations | undefined> {
  const row = await executor
    .selectFrom('peers')
    .selectAll()
    .where('key_id', '=', keyId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return row ? (await withOrganisations(executor, [row]))[0] : undefined;
}

/** Any peer, removed or not, that already uses this id or key. */
export async function findPeerClash(
  executor: Executor,
  id: string,
  keyId: string,
): Promise<PeerRow | undefined> {
  return executor
    .selectFrom('peers')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', id), eb('key_id', '=', keyId)]))
    .executeTakeFirst();
}

export async function insertPeer(
  executor: Executor,
  row: PeerRow,
  orgIds: readonly string[],
): Promise<void> {
  await executor.insertInto('peers').values(row).execute();
  await replacePeerOrganisations(executor, row.id, orgIds);
  await executor
    .insertInto('peer_sync')
    .values({ peer_id: row.id, failures: 0, objects_received: 0 })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function replacePeerOrganisations(
  executor: Executor,
  peerId: string,
  orgIds: readonly string[],
): Promise<void> {
  await executor.deleteFrom('peer_organisations').where('peer_id', '=', peerId).execute();
  const unique = [...new Set(orgIds)];
  if (unique.length > 0) {
    await executor
      .insertInto('peer_organisations')
      .values(unique.map((orgId) => ({ peer_id: peerId, org_id: orgId })))
      .execute();
  }
}

export async function updatePeer(
  executor: Executor,
  id: string,
  changes: Partial<Pick<PeerRow, 'name' | 'base_url' | 'updated_at'>>,
): Promise<void> {
  await executor.updateTable('peers').set(changes).where('id', '=', id).execute();
}

/** Removal keeps the row (audit and received records still name it) and drops its hosted organisations. */
export async function markPeerRemoved(executor: Executor, id: string, at: string): Promise<void> {
  await executor
    .updateTable('peers')
    .set({ removed_at: at, updated_at: at })
    .where('id', '=', id)
    .execute();
  await executor.deleteFrom('peer_organisations').where('peer_id', '=', id).execute();
}

/** The peer that hosts an organisation, if any. */
export async function findHostingPeer(
  executor: Executor,
  orgId: string,
): Promise<string | undefined> {
  const row = await executor
    .selectFrom('peer_organisations')
    .innerJoin('peers', 'peers.id', 'peer_organisations.peer_id')
    .select('peers.id')
    .where('peer_organisations.org_id', '=', orgId)
    .where('peers.removed_at', 'is', null)
    .executeTakeFirst();
  return row?.id;
}

/**
 * Records a nonce of a signed request; false when the peer already used it
 * (a replay). The primary key decides, so two processes cannot both accept it.
 */
export async function rememberNonce(
  executor: Executor,
  peerId: string,
  nonce: string,
  seenAt: string,
): Promise<boolean> {
  const result = await executor
    .insertInto('peer_nonces')
    .values({ peer_id: peerId, nonce, seen_at: seenAt })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** Forgets nonces older than the window in which a request's time is accepted anyway. */
export async function forgetNoncesBefore(executor: Executor, before: string): Promise<void> {
  await executor.deleteFrom('peer_nonces').where('seen_at', '<', before).execute();
}
