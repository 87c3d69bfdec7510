/**
 * What the TAXII layer serves a peer: its egress view as its one collection
 * (every page of released records audited as a release across the border),
 * and what the peer POSTs there taken through the one ingest path.
 */
import { inTransaction } from '../../storage/executor.js';
import type { AuditLog } from '../audit/audit.service.js';
import { egressPage, type EgressContext } from './egress.source.js';
import { ingestFromPeer, type IngestDeps, type ObjectOutcome } from './ingest.service.js';
import type { PeerWithOrganisations } from './peers.repository.js';
import {
  InvalidNextToken,
  type CollectionSource,
  type PeerCollections,
  type StatusDetails,
} from './taxii/taxii.contract.js';

export type PeerCollectionDeps = IngestDeps & {
  audit: AuditLog;
  /** This node's identity and key (made on first use, hence asked for lazily). */
  node(): Promise<Pick<EgressContext, 'identity' | 'key'>>;
};

export function egressCollection(
  deps: PeerCollectionDeps,
  peer: PeerWithOrganisations,
): CollectionSource {
  return {
    info: {
      id: peer.collection_id,
      title: `Released to ${peer.name}`,
      description:
        'What this node releases to your node under the sharing policy, signed by this node. POST your own objects here.',
      canRead: true,
      canWrite: true,
    },
    async objects(query) {
      const page = await egressPage({ db: deps.db, ...(await deps.node()) }, peer, query);
      if (!page) throw new InvalidNextToken();
      if (page.released.length > 0) {
        await deps.audit.record({
          action: 'release.egress',
          outcome: 'success',
          target: { type: 'peer', id: peer.id },
          details: {
            channel: 'taxii',
            records: page.released.map((r) => [r.id, r.modified, r.redacted]),
          },
        });
      }
      return page;
    },
  };
}

/** What a TAXII status says of each object: refused ones fail, the rest (stored, known, vocabulary) succeed. */
function statusDetailsOf(outcomes: readonly ObjectOutcome[]): StatusDetails {
  const details: StatusDetails = { successes: [], failures: [], pendings: [] };
  for (const outcome of outcomes) {
    const entry = { id: outcome.id ?? '', version: outcome.version ?? '' };
    if (outcome.result === 'refused') {
      details.failures.push({ ...entry, message: outcome.reason ?? 'refused' });
    } else {
      details.successes.push(entry);
    }
  }
  return details;
}

export function peerCollections(deps: PeerCollectionDeps): PeerCollections {
  return {
    forPeer: (peer) => egressCollection(deps, peer),
    receive(peer, objects, origin, storeStatus) {
      // The ingest joins this transaction (inTransaction reuses an open one), so
      // the status is committed with the objects or not at all.
      return inTransaction(deps.db, async (trx) => {
        const outcomes = await ingestFromPeer({ ...deps, db: trx }, peer, objects, 'push', origin);
        return storeStatus(trx, statusDetailsOf(outcomes));
      });
    },
  };
}
