/**
 * The per-peer egress view as a TAXII collection: this node's identity and
 * vocabulary, its own organisations, and every record the sharing policy
 * lets leave for the peer, each as signed STIX objects, in the order this
 * node stored them (date_added). Every record passes `egress` (policy) here,
 * whatever the SQL candidate filter already excluded; a redacted copy leaves
 * in place of one with personal data and no legal basis; nothing else does.
 *
 * Paging is by position (date_added, id), so a `next` token stays valid
 * across restarts and new writes only ever append after it.
 */
import { egress, type Peer } from '../../core/policy/index.js';
import type { Executor } from '../../storage/executor.js';
import { listLocalOrganisationsAfter } from '../identity/organisations.repository.js';
import type { OrganisationRow } from '../identity/organisations.repository.js';
import { toShareable, type RecordRow } from '../records/records.repository.js';
import { listEgressCandidates, type EgressCandidate } from './egress.repository.js';
import type { NodeIdentityRow, PeerWithOrganisations } from './peers.repository.js';
import { signObject, type SigningKey } from './provenance.js';
import { FEDERATED_RECORD_TYPES, mapperFor, staticObjects } from './stix-catalogue.js';
import { organisationToStix } from './stix/registry.js';
import type { StixObject } from './stix/stix.types.js';
import type { ObjectQuery, ObjectsPage, ServedObject } from './taxii/taxii.contract.js';

export interface EgressContext {
  db: Executor;
  identity: NodeIdentityRow;
  key: SigningKey;
}

export function policyPeer(peer: PeerWithOrganisations): Peer {
  return { peerId: peer.id, orgIds: peer.orgIds, groupIds: [] };
}

export type RecordEgress =
  | { kind: 'full' | 'redacted'; objects: StixObject[]; removed: readonly string[] }
  | { kind: 'none'; reason: string };

/** What of one record leaves for the peer: the policy decides, the mapper only translates. */
export function recordEgress(peer: Peer, row: RecordRow): RecordEgress {
  const mapper = mapperFor(row.type);
  if (!mapper) return { kind: 'none', reason: 'type_not_federated' };
  const candidate = { ...toShareable(row), row };
  const decision = egress(peer, candidate, (record) => {
    const redacted = mapper.redact?.(record.row);
    // Without a redactor the record keeps its personal data; the policy then refuses it.
    return redacted ? { ...toShareable(redacted), row: redacted } : record;
  });
  if (decision.kind === 'none') return decision;
  return {
    kind: decision.kind,
    objects: mapper.toStix(decision.record.row),
    removed: decision.kind === 'redacted' ? decision.removed : [],
  };
}

interface Position {
  at: string;
  id: string;
}

export function encodePosition(position: Position): string {
  return Buffer.from(JSON.stringify([position.at, position.id]), 'utf8').toString('base64url');
}

/** The position a `next` token names, or undefined when it is not one of ours. */
export function decodePosition(token: string): Position | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2) {
      const [at, id] = value as unknown[];
      if (typeof at === 'string' && typeof id === 'string') return { at, id };
    }
  } catch {
    return undefined;
  }
  return undefined;
}

const isAfter = (a: Position, b: Position | undefined) =>
  b === undefined || a.at > b.at || (a.at === b.at && a.id > b.id);

type Item =
  | { kind: 'static'; position: Position; object: StixObject }
  | { kind: 'organisation'; position: Position; row: OrganisationRow }
  | { kind: 'record'; position: Position; row: EgressCandidate };

const STIX_ID = /^([a-z][a-z0-9-]*)--(.+)$/;

/** Record ids a `match[id]` list can name (a STIX id of a record's primary object, under its STIX type). */
function recordIdsFor(stixIds: readonly string[]): string[] {
  const ids: string[] = [];
  for (const stixId of stixIds) {
    const match = STIX_ID.exec(stixId);
    if (!match) continue;
    for (const type of FEDERATED_RECORD_TYPES) {
      if (mapperFor(type)?.stixType === match[1]) ids.push(`${type}--${match[2]}`);
    }
  }
  return ids;
}

/** The next `fetch` items after `after`, in position order. */
async function itemsAfter(
  context: EgressContext,
  peer: PeerWithOrganisations,
  query: ObjectQuery,
  after: Position | undefined,
  fetch: number,
): Promise<Item[]> {
  const addedAfter = query.addedAfter;
  const notBefore = (position: Position) =>
    isAfter(position, after) && (addedAfter === undefined || position.at > addedAfter);
  const statics: Item[] = staticObjects(context.identity)
    .map((object): Item => ({
      kind: 'static',
      position: { at: context.identity.created_at, id: object.id },
      object,
    }))
    .filter((item) => notBefore(item.position));
  const organisations: Item[] = (
    await listLocalOrganisationsAfter(context.db, after && { at: after.at, id: after.id }, fetch)
  )
    .map((row): Item => ({
      kind: 'organisation',
      position: { at: row.updated_at, id: row.id },
      row,
    }))
    .filter((item) => notBefore(item.position));
  const records: Item[] = (
    await listEgressCandidates(context.db, policyPeer(peer), {
      addedAfter,
      after,
      recordIds: query.ids && recordIdsFor(query.ids),
      limit: fetch,
    })
  ).map((row) => ({ kind: 'record', position: { at: row.stored_at, id: row.id }, row }));
  return [...statics, ...organisations, ...records]
    .sort((a, b) => (isAfter(a.position, b.position) ? 1 : -1))
    .slice(0, fetch);
}

function matchesQuery(object: StixObject, query: ObjectQuery): boolean {
  if (query.ids && !query.ids.includes(object.id)) return false;
  if (query.types && !query.types.includes(object.type)) return false;
  if (query.specVersions && !query.specVersions.includes(object.spec_version ?? '2.1'))
    return false;
  const version = object.modified ?? object.created ?? '';
  switch (query.version.kind) {
    case 'last':
    case 'all':
      return true;
    case 'first': // only the current version is served; it is the first when it was never changed
      return object.created === undefined || object.created === object.modified;
    case 'at':
      return query.version.versions.includes(version);
  }
}

/** The objects one item sends: signed, except the node's vocabulary (shared, well-known objects). */
function objectsOf(
  context: EgressContext,
  peer: Peer,
  item: Item,
): { objects: StixObject[]; redacted: boolean } {
  switch (item.kind) {
    case 'static':
      return { objects: [item.object], redacted: false };
    case 'organisation':
      return { objects: [signObject(organisationToStix(item.row), context.key)], redacted: false };
    case 'record': {
      const decided = recordEgress(peer, item.row);
      if (decided.kind === 'none') return { objects: [], redacted: false };
      return {
        objects: decided.objects.map((object) => signObject(object, context.key)),
        redacted: decided.kind === 'redacted',
      };
    }
  }
}

export interface EgressPage extends ObjectsPage {
  /** The records that left on this page, for the release audit. */
  released: { id: string; modified: string; redacted: boolean }[];
}

/**
 * Items are read in chunks sized by the objects still wanted and the objects
 * per item seen so far (three before any: an incident sends three). Reading
 * a page's worth of records would read up to three times what the page can
 * hold, every row parsed and mapped for nothing.
 */
function chunkSize(wanted: number, served: number, consumed: number): number {
  const perItem = consumed > 0 && served > 0 ? served / consumed : 3;
  return Math.max(10, Math.ceil(wanted / perItem));
}

/** One page of the peer's collection. */
export async function egressPage(
  context: EgressContext,
  peer: PeerWithOrganisations,
  query: ObjectQuery,
): Promise<EgressPage | undefined> {
  const start = query.next === undefined ? undefined : decodePosition(query.next);
  if (query.next !== undefined && start === undefined) return undefined;
  const policy = policyPeer(peer);
  const served: ServedObject[] = [];
  const released: EgressPage['released'] = [];
  let last = start;
  let more = false;
  let consumed = 0;
  reading: for (;;) {
    const chunk = chunkSize(query.limit - served.length, served.length, consumed);
    // One item more than the chunk tells whether anything follows it.
    const items = await itemsAfter(context, peer, query, last, chunk + 1);
    for (const [index, item] of items.slice(0, chunk).entries()) {
      const sent = objectsOf(context, policy, item);
      const objects = sent.objects.filter((object) => matchesQuery(object, query));
      // A record's objects never split across pages: stop before one that would overflow this page.
      if (served.length > 0 && served.length + objects.length > query.limit) {
        more = true;
        break reading;
      }
      for (const object of objects) {
        served.push({
          id: object.id,
          type: object.type,
          version: object.modified ?? object.created ?? item.position.at,
          specVersion: object.spec_version ?? '2.1',
          dateAdded: item.position.at,
          json: JSON.stringify(object),
        });
      }
      if (item.kind === 'record' && objects.length > 0) {
        released.push({
          id: item.row.id,
          modified: item.row.modified,
          redacted: sent.redacted,
        });
      }
      last = item.position;
      consumed += 1;
      // A full page, or `limit` items examined (as many as a page may hold): a filter matching few
      // objects must not make one request map and sign the whole collection.
      if (served.length >= query.limit || consumed >= query.limit) {
        more = index < items.length - 1;
        break reading;
      }
    }
    if (items.length <= chunk) break;
  }
  return {
    objects: served,
    more,
    ...(more && last ? { next: encodePosition(last) } : {}),
    released,
  };
}
