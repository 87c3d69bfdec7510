/**
 * "What will peer X receive": for one record, the decision for every peer
 * and the STIX objects each would get; for a whole peer, the records its
 * collection holds, page by page. Decided by the same code as the real
 * egress view (recordEgress, listEgressCandidates), so the preview cannot
 * drift from what leaves. A preview shows only records the viewer may read;
 * the rest are counted, never named. Nothing is signed or released here.
 */
import { canEdit, canRead } from '../../core/policy/index.js';
import { fail, ok, type Result } from '../../core/result.js';
import type { Executor } from '../../storage/executor.js';
import { isNodeAdmin } from '../identity/identity.authorization.js';
import type { CurrentUser } from '../identity/identity.types.js';
import { toShareable, type RecordRow } from '../records/records.repository.js';
import { findRecordWithStoredAt, listEgressCandidates } from './egress.repository.js';
import { decodePosition, encodePosition, policyPeer, recordEgress } from './egress.source.js';
import { findPeer, listPeers, type PeerWithOrganisations } from './peers.repository.js';
import type { StixObject } from './stix/stix.types.js';

export type PreviewError = 'forbidden' | 'not_found' | 'bad_cursor';

export interface PeerDecision {
  peer: { id: string; name: string };
  decision: 'full' | 'redacted' | 'none';
  reason?: string;
  removed: readonly string[];
  objects: StixObject[];
}

/** For one record: what each peer would receive of it. The record's editors and node administrators may ask. */
export async function previewRecordEgress(
  db: Executor,
  recordId: string,
  viewer: CurrentUser,
): Promise<Result<{ record: RecordRow; peers: PeerDecision[] }, PreviewError>> {
  const record = await findRecordWithStoredAt(db, recordId);
  if (!record || !canRead(viewer, toShareable(record))) return fail('not_found');
  if (!canEdit(viewer, toShareable(record)) && !isNodeAdmin(viewer)) return fail('forbidden');
  const peers = await listPeers(db);
  return ok({
    record,
    peers: peers.map((peer) => {
      const decided = recordEgress(policyPeer(peer), record);
      const base = { peer: { id: peer.id, name: peer.name } };
      return decided.kind === 'none'
        ? { ...base, decision: 'none', reason: decided.reason, removed: [], objects: [] }
        : { ...base, decision: decided.kind, removed: decided.removed, objects: decided.objects };
    }),
  });
}

export interface PeerPreviewItem {
  record: RecordRow;
  decision: 'full' | 'redacted';
  removed: readonly string[];
  objectCount: number;
}

export interface PeerPreviewPage {
  peer: PeerWithOrganisations;
  items: PeerPreviewItem[];
  /** Records on this page that leave for the peer but the viewer may not read. */
  unreadable: number;
  next: string | null;
}

/** For a whole peer (node administrators): the records its collection holds, oldest first. */
export async function previewPeerEgress(
  db: Executor,
  peerId: string,
  viewer: CurrentUser,
  query: { limit: number; cursor?: string | undefined },
): Promise<Result<PeerPreviewPage, PreviewError>> {
  if (!isNodeAdmin(viewer)) return fail('forbidden');
  const peer = await findPeer(db, peerId);
  if (!peer) return fail('not_found');
  const after = query.cursor === undefined ? undefined : decodePosition(query.cursor);
  if (query.cursor !== undefined && after === undefined) return fail('bad_cursor');
  const rows = await listEgressCandidates(db, policyPeer(peer), {
    after,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const items: PeerPreviewItem[] = [];
  let unreadable = 0;
  for (const row of page) {
    const decided = recordEgress(policyPeer(peer), row);
    if (decided.kind === 'none') continue;
    if (!canRead(viewer, toShareable(row))) {
      unreadable += 1;
      continue;
    }
    items.push({
      record: row,
      decision: decided.kind,
      removed: decided.removed,
      objectCount: decided.objects.length,
    });
  }
  const last = page.at(-1);
  return ok({
    peer,
    items,
    unreadable,
    next:
      rows.length > query.limit && last
        ? encodePosition({ at: last.stored_at, id: last.id })
        : null,
  });
}
