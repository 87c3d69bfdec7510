/**
 * What the TAXII 2.1 layer serves, independent of where objects come from:
 * a collection source answers object queries with pages of objects already
 * serialised (so objects stored as they came are served back unchanged, and
 * signed objects are not re-serialised). The per-peer egress view
 * (federation/egress.source.ts) and administrator-defined collections
 * (taxii/stored-collection.source.ts) implement it.
 */
import type { CurrentUser, RequestOrigin } from '../../identity/identity.types.js';
import type { Executor } from '../../../storage/executor.js';
import type { PeerWithOrganisations } from '../peers.repository.js';

/** Who is calling the TAXII API: a user with an API token (HTTP Basic), or a peer node (signed request). */
export type TaxiiPrincipal =
  | { kind: 'user'; user: CurrentUser; tokenId: string }
  | { kind: 'peer'; peer: PeerWithOrganisations };

export interface CollectionInfo {
  /** A UUID (TAXII collection ids are not STIX ids). */
  id: string;
  title: string;
  description?: string;
  canRead: boolean;
  canWrite: boolean;
}

/** `match[version]`: 'last' (the default), 'first', 'all', or explicit `modified` timestamps. */
export type VersionMatch =
  { kind: 'last' } | { kind: 'first' } | { kind: 'all' } | { kind: 'at'; versions: string[] };

export interface ObjectQuery {
  /**
   * Only objects added strictly after this time (TAXII `added_after`), always
   * as `Date.toISOString()` gives it (UTC, milliseconds), so that sources may
   * compare it with their own times as text.
   */
  addedAfter?: string;
  /** Page size the client asked for; a source may return fewer. */
  limit: number;
  /** Opaque token from the previous page's `next`. */
  next?: string;
  ids?: string[];
  types?: string[];
  version: VersionMatch;
  /** `match[spec_version]`; when absent, the latest spec version of each object. */
  specVersions?: string[];
}

export interface ServedObject {
  id: string;
  type: string;
  /** `modified` (or `created`, or the date added for objects without versions). */
  version: string;
  specVersion: string;
  dateAdded: string;
  /** The object as JSON text, exactly as it is to be sent. */
  json: string;
}

export interface ObjectsPage {
  objects: ServedObject[];
  /** True when more objects match after this page; `next` then continues it. */
  more: boolean;
  next?: string;
}

export interface CollectionSource {
  info: CollectionInfo;
  /** Throws InvalidNextToken for a `next` it did not make (the TAXII layer answers 400). */
  objects(query: ObjectQuery): Promise<ObjectsPage>;
}

/** A `next` token the source cannot continue from: a client error, not a server fault. */
export class InvalidNextToken extends Error {
  constructor() {
    super('the next token is not valid');
    this.name = 'InvalidNextToken';
  }
}

/** One object's outcome in a TAXII status resource (`version` is its `modified`, or `created`, or ''). */
export interface StatusDetail {
  id: string;
  version: string;
  message?: string;
}

export interface StatusDetails {
  successes: StatusDetail[];
  failures: StatusDetail[];
  pendings: StatusDetail[];
}

/**
 * What the TAXII layer needs from federation for peer principals: the one
 * collection a peer sees (its egress view; can_read and can_write true, writing
 * being how it pushes its own objects) and the objects it POSTs there. The
 * TAXII layer has authenticated the peer, checked the media types, the size
 * and the envelope; `objects` are the envelope's objects as parsed JSON,
 * unchecked. The TAXII layer stores the status resource from the answer,
 * through `storeStatus`, which runs in the transaction that stores the
 * objects: objects are never stored without their status.
 */
export interface PeerCollections {
  forPeer(peer: PeerWithOrganisations): CollectionSource;
  receive<T>(
    peer: PeerWithOrganisations,
    objects: unknown[],
    origin: RequestOrigin,
    storeStatus: (trx: Executor, details: StatusDetails) => Promise<T>,
  ): Promise<T>;
}
