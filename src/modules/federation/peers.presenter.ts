/** Peers and this node's identity as the API shows them (never a private key). */
import type { NodeIdentityRow, PeerWithOrganisations } from './peers.repository.js';
import type { PeerSyncRow } from './sync.repository.js';

export function presentPeer(peer: PeerWithOrganisations, sync?: PeerSyncRow) {
  return {
    id: peer.id,
    name: peer.name,
    baseUrl: peer.base_url,
    publicKey: peer.public_key,
    keyId: peer.key_id,
    orgIds: peer.orgIds,
    createdAt: peer.created_at,
    updatedAt: peer.updated_at,
    sync: {
      lastAttemptAt: sync?.last_attempt_at ?? null,
      lastSuccessAt: sync?.last_success_at ?? null,
      lastError: sync?.last_error ?? null,
      failures: sync?.failures ?? 0,
      nextAttemptAt: sync?.next_attempt_at ?? null,
      objectsReceived: sync?.objects_received ?? 0,
    },
  };
}

export function presentNodeIdentity(identity: NodeIdentityRow) {
  return {
    nodeId: identity.id,
    name: identity.name,
    publicKey: identity.public_key,
    keyId: identity.key_id,
    createdAt: identity.created_at,
  };
}
