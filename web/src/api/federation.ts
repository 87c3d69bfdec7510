/**
 * Federation for the web shell: this node's identity, its peers (add, remove,
 * pull now), what a peer receives, and what would leave for each peer of one
 * record. Only typed calls to the server here; the server decides who may ask
 * and what leaves, and this file never works a sharing decision out itself.
 */
import { apiRequest } from './client';
import type { Page } from './types';

export interface NodeIdentity {
  nodeId: string;
  name: string;
  publicKey: string;
  keyId: string;
  createdAt: string;
}

export interface PeerSync {
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  failures: number;
  nextAttemptAt: string | null;
  objectsReceived: number;
}

export interface Peer {
  id: string;
  name: string;
  baseUrl: string;
  publicKey: string;
  keyId: string;
  orgIds: string[];
  createdAt: string;
  updatedAt: string;
  sync: PeerSync;
}

export interface PeerInput {
  nodeId: string;
  name: string;
  baseUrl: string;
  publicKey: string;
  orgIds: string[];
}

export type SentDecision = 'full' | 'redacted';
export type EgressDecision = SentDecision | 'none';

export interface RecordHead {
  id: string;
  type: string;
  title: string;
  marking: string;
  modified: string;
  revoked: boolean;
}

export interface PeerPreviewItem extends RecordHead {
  decision: SentDecision;
  removedFields: string[];
  objectCount: number;
}

/** One page of what a peer receives; `unreadable` counts this page's records the viewer may not read. */
export interface PeerPreviewPage extends Page<PeerPreviewItem> {
  peer: { id: string; name: string };
  unreadable: number;
}

/** A STIX object as the server would send it; shown, never interpreted. */
export type StixObject = Record<string, unknown>;

export interface PeerEgress {
  peerId: string;
  peerName: string;
  decision: EgressDecision;
  /** Why nothing leaves (decision "none"): a stable reason code. */
  reason: string | null;
  removedFields: string[];
  objects: StixObject[];
}

export interface RecordEgress {
  record: RecordHead;
  peers: PeerEgress[];
}

export function getNodeIdentity(signal?: AbortSignal): Promise<NodeIdentity> {
  return apiRequest<NodeIdentity>('GET', '/api/federation/node', { signal });
}

export async function listPeers(signal?: AbortSignal): Promise<Peer[]> {
  return (await apiRequest<{ items: Peer[] }>('GET', '/api/peers', { signal })).items;
}

export function addPeer(input: PeerInput): Promise<Peer> {
  return apiRequest<Peer>('POST', '/api/peers', { body: input });
}

export function removePeer(id: string): Promise<void> {
  return apiRequest<void>('DELETE', `/api/peers/${encodeURIComponent(id)}`);
}

export async function pullPeer(id: string): Promise<void> {
  await apiRequest<unknown>('POST', `/api/peers/${encodeURIComponent(id)}/pull`);
}

export async function previewPeer(
  id: string,
  query: { limit: number; cursor: string | null },
  signal?: AbortSignal,
): Promise<PeerPreviewPage> {
  const answer = await apiRequest<{
    peer: { id: string; name: string };
    items: PeerPreviewItem[];
    unreadable: number;
    next: string | null;
  }>('GET', `/api/peers/${encodeURIComponent(id)}/preview`, {
    query: { limit: query.limit, cursor: query.cursor },
    signal,
  });
  return {
    peer: answer.peer,
    items: answer.items,
    unreadable: answer.unreadable,
    nextCursor: answer.next,
  };
}

export function recordEgress(recordId: string, signal?: AbortSignal): Promise<RecordEgress> {
  return apiRequest<RecordEgress>('GET', `/api/records/${encodeURIComponent(recordId)}/egress`, {
    signal,
  });
}
