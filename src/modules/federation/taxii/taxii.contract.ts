/**
 * What the TAXII 2.1 layer serves, independent of where objects come from:
 * a collection source answers object queries with pages of objects already
 * serialised (so objects stored as they came are served back unchanged, and
 * signed objects are not re-serialised). The per-peer egress view
 * (federation/egress.source.ts) and administrator-defined collections
 * (taxii/stored-collection.source.ts) implement it.
 */
import type { CurrentUser } from '../../identity/identity.types.js';
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
  /** Only objects added strictly after this time (TAXII `added_after`). */
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
  objects(query: ObjectQuery): Promise<ObjectsPage>;
}
