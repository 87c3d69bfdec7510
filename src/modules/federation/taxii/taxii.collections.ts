/**
 * Which collections a TAXII principal sees and what it may do there: a user
 * sees the administrator-defined collections the sharing policy lets it read
 * (`canRead` on the collection's sharing fields) and writes where `canEdit`
 * allows; a peer sees exactly its own egress collection. A collection the
 * principal may not see is indistinguishable from one that does not exist.
 * Status resources are read back only by their owner.
 */
import { isoNow } from '../../../core/clock.js';
import { canEdit, canRead, type ShareableRecord } from '../../../core/policy/index.js';
import type { RequestOrigin } from '../../identity/identity.types.js';
import {
  findActiveCollection,
  listActiveCollections,
  type CollectionRow,
} from './collections.repository.js';
import { addToStoredCollection } from './stored-collection.ingest.js';
import { storedCollectionSource } from './stored-collection.source.js';
import { findStatus, insertStatus, type StatusRow } from './statuses.repository.js';
import type { CollectionInfo, CollectionSource, TaxiiPrincipal } from './taxii.contract.js';
import type { TaxiiDeps } from './taxii.deps.js';
import type { EnvelopeObject } from './taxii.envelope.js';
import { newStatusRow } from './taxii.status.js';

export interface TaxiiCollection {
  source: CollectionSource;
  /** Takes a POSTed envelope's objects (the caller checked `source.info.canWrite`); returns the stored status. */
  add(objects: readonly EnvelopeObject[], origin: RequestOrigin): Promise<StatusRow>;
}

/** The collection's sharing fields as the policy reads them (an unreadable list fails closed). */
export function collectionAsShareable(row: CollectionRow): ShareableRecord {
  let releasableTo: unknown;
  try {
    releasableTo = JSON.parse(row.releasable_to);
  } catch {
    releasableTo = undefined;
  }
  return {
    id: row.id,
    created_by: row.created_by,
    marking: row.marking,
    releasable_to: releasableTo,
  };
}

/** Who owns the status resources a principal creates. */
export function ownerOf(principal: TaxiiPrincipal): string {
  return principal.kind === 'user' ? principal.user.userId : principal.peer.id;
}

export async function visibleCollections(
  deps: TaxiiDeps,
  principal: TaxiiPrincipal,
): Promise<CollectionInfo[]> {
  switch (principal.kind) {
    case 'peer':
      return [deps.peerCollections.forPeer(principal.peer).info];
    case 'user': {
      const rows = await listActiveCollections(deps.db);
      return rows
        .filter((row) => canRead(principal.user, collectionAsShareable(row)))
        .map(
          (row) =>
            storedCollectionSource(deps.db, row, {
              canWrite: canEdit(principal.user, collectionAsShareable(row)),
            }).info,
        );
    }
  }
}

/** The collection if the principal may see it; undefined otherwise (answered 404 either way). */
export async function collectionFor(
  deps: TaxiiDeps,
  principal: TaxiiPrincipal,
  id: string,
): Promise<TaxiiCollection | undefined> {
  switch (principal.kind) {
    case 'peer': {
      const { peer } = principal;
      if (id !== peer.collection_id) return undefined;
      return {
        source: deps.peerCollections.forPeer(peer),
        add(objects, origin) {
          const requestTimestamp = isoNow(deps.clock);
          return deps.peerCollections.receive(
            peer,
            objects.map((object) => object.value),
            origin,
            async (trx, details) => {
              const status = newStatusRow(peer.id, requestTimestamp, details);
              await insertStatus(trx, status);
              return status;
            },
          );
        },
      };
    }
    case 'user': {
      const { user } = principal;
      const row = await findActiveCollection(deps.db, id);
      if (!row) return undefined;
      const shareable = collectionAsShareable(row);
      if (!canRead(user, shareable)) return undefined;
      return {
        source: storedCollectionSource(deps.db, row, { canWrite: canEdit(user, shareable) }),
        add: (objects, origin) => addToStoredCollection(deps, row, objects, user, origin),
      };
    }
  }
}

/** A status resource, only for the principal that created it. */
export async function statusFor(
  deps: TaxiiDeps,
  principal: TaxiiPrincipal,
  id: string,
): Promise<StatusRow | undefined> {
  const row = await findStatus(deps.db, id);
  return row && row.owner === ownerOf(principal) ? row : undefined;
}
