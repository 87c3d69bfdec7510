/**
 * Receiving objects from a peer, whether pulled, pushed to this node's TAXII
 * collection or imported from a bundle: the one path, with the same checks.
 * For each object: a well-formed STIX envelope entry; a valid signature by
 * the sending peer's key; a `created_by_ref` (or, for an organisation, its
 * own id) among the organisations the peer hosts; no TLP:RED; then an
 * idempotent upsert by (id, modified) — an older or equal version is a
 * success that stores nothing, a local record or another originator's is
 * never overwritten. Nothing the sender claims about itself (flags, the
 * received-from-peer mark, authors) is taken: received versions are marked
 * received here. Every stored and every refused object is audited.
 */
import { z } from 'zod';
import { isoNow } from '../../core/clock.js';
import { isId } from '../../core/ids.js';
import type { BulkInsert } from '../../storage/bulk-insert.js';
import type { StorageCapabilities } from '../../storage/capabilities.js';
import { inTransaction, type Executor } from '../../storage/executor.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import type { Clock } from '../../core/clock.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { RequestOrigin } from '../identity/identity.types.js';
import { upsertRemoteOrganisation } from '../identity/organisations.repository.js';
import type { RecordVersionInput } from '../records/records.repository.js';
import type { PeerWithOrganisations } from './peers.repository.js';
import { publicKeyBytes } from './ed25519.js';
import { provenanceOf, verifyObject } from './provenance.js';
import { receivePeerVersions, type Received } from './receive/receivers.js';
import { isDerivedObject, mapperForStixObject, organisationFromStix } from './stix/registry.js';
import { sharingOfUnmodelled } from './unmodelled.js';
import type { StixObject } from './stix/stix.types.js';

export interface IngestDeps {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditLog;
  capabilities: Pick<StorageCapabilities, 'insertRows'>;
}

export type IngestChannel = 'pull' | 'push' | 'import';

export type RefusalReason =
  | 'malformed'
  | 'signature_missing'
  | 'signature_invalid'
  | 'organisation_not_hosted'
  | 'tlp_red'
  | 'mapping_failed'
  | 'body_invalid'
  | 'conflicts_with_local_record'
  | 'originator_changed';

export interface ObjectOutcome {
  id: string | undefined;
  version: string | undefined;
  /** Stored, already held (a repeat or an older version), vocabulary, or refused. */
  result: 'stored' | 'held' | 'vocabulary' | 'refused';
  reason?: RefusalReason | undefined;
  detail?: string | undefined;
}

const envelopeEntry = z
  .object({
    type: z.string().regex(/^[a-z][a-z0-9-]{1,248}[a-z0-9]$/),
    id: z.string().max(300),
    spec_version: z.literal('2.1'),
  })
  .passthrough();

/** Objects that describe the sender's vocabulary: accepted, never stored as records. */
const VOCABULARY_TYPES = new Set(['marking-definition', 'extension-definition']);

type Checked =
  | { kind: 'refused'; outcome: ObjectOutcome }
  | { kind: 'vocabulary' | 'derived'; object: StixObject }
  | { kind: 'organisation' | 'record'; object: StixObject };

function versionOf(object: { modified?: unknown; created?: unknown }): string | undefined {
  return typeof object.modified === 'string'
    ? object.modified
    : typeof object.created === 'string'
      ? object.created
      : undefined;
}

function refused(object: object, reason: RefusalReason, detail?: string): Checked {
  const fields = object as { id?: unknown; modified?: unknown; created?: unknown };
  return {
    kind: 'refused',
    outcome: {
      id: typeof fields.id === 'string' ? fields.id : undefined,
      version: versionOf(fields),
      result: 'refused',
      reason,
      detail,
    },
  };
}

/** Everything that can be decided about one object without the database. */
function check(
  peer: PeerWithOrganisations,
  publicKey: Buffer | undefined,
  value: unknown,
): Checked {
  const parsed = envelopeEntry.safeParse(value);
  if (!parsed.success || !isId(parsed.data.id, parsed.data.type)) {
    return refused(typeof value === 'object' && value !== null ? value : {}, 'malformed');
  }
  const object = parsed.data as StixObject;
  if (VOCABULARY_TYPES.has(object.type) || object.id === peer.id) {
    return { kind: 'vocabulary', object };
  }
  // Derived objects (a record's locations and links, for generic STIX consumers) are rebuilt from
  // the primary object and never stored: verifying their signatures would cost two thirds of a pull.
  if (isDerivedObject(object)) return { kind: 'derived', object };
  const claim = provenanceOf(object);
  if (!claim) return refused(object, 'signature_missing');
  if (claim.keyId !== peer.key_id || claim.node !== peer.id) {
    return refused(object, 'signature_invalid', 'signed by another node');
  }
  if (publicKey === undefined || !verifyObject(object, publicKey)) {
    return refused(object, 'signature_invalid');
  }
  if (object.type === 'identity' && !object.created_by_ref) {
    return peer.orgIds.includes(object.id)
      ? { kind: 'organisation', object }
      : refused(object, 'organisation_not_hosted');
  }
  if (typeof object.created_by_ref !== 'string' || !peer.orgIds.includes(object.created_by_ref)) {
    return refused(object, 'organisation_not_hosted');
  }
  return { kind: 'record', object };
}

/** The version a received object becomes: its mapping, or the object itself when Tandem does not model it. */
function versionFrom(
  object: StixObject,
):
  { ok: true; version: RecordVersionInput } | { ok: false; reason: RefusalReason; detail: string } {
  const mapper = mapperForStixObject(object);
  if (!mapper) {
    const sharing = sharingOfUnmodelled(object);
    if (!sharing.ok) return { ok: false, reason: 'mapping_failed', detail: sharing.error };
    return { ok: true, version: sharing.value };
  }
  const mapped = mapper.fromStix(object);
  if (!mapped.ok) return { ok: false, reason: 'mapping_failed', detail: mapped.error };
  return { ok: true, version: mapped.value };
}

async function storeOrganisation(
  trx: Executor,
  object: StixObject,
  storedAt: string,
): Promise<ObjectOutcome> {
  const outcome = { id: object.id, version: versionOf(object) };
  const organisation = organisationFromStix(object);
  if (!organisation.ok) {
    return { ...outcome, result: 'refused', reason: 'mapping_failed', detail: organisation.error };
  }
  const upserted = await upsertRemoteOrganisation(trx, organisation.value, storedAt);
  return { ...outcome, result: upserted === 'stored' ? 'stored' : 'held' };
}

/** What became of a received version, in the terms of the ingest's outcomes. */
function outcomeOf(object: StixObject, received: Received): ObjectOutcome {
  const outcome = { id: object.id, version: versionOf(object) };
  switch (received.kind) {
    case 'stored':
      return { ...outcome, result: 'stored' };
    case 'held':
      return { ...outcome, result: 'held' };
    case 'refused':
      return {
        ...outcome,
        result: 'refused',
        reason: REFUSALS[received.reason],
        ...(received.reason === 'invalid' ? { detail: received.detail } : {}),
      };
  }
}

const REFUSALS = {
  local_record: 'conflicts_with_local_record',
  originator_changed: 'originator_changed',
  invalid: 'body_invalid',
} as const satisfies Record<Extract<Received, { kind: 'refused' }>['reason'], RefusalReason>;

/**
 * The page's records: each mapped to the version it becomes, then all stored
 * together (receive/, which keeps each as received and written by nobody here).
 */
async function storeRecords(
  trx: Executor,
  objects: readonly { index: number; object: StixObject }[],
  storedAt: string,
  insertRows: BulkInsert,
  outcomes: ObjectOutcome[],
): Promise<void> {
  const versions: RecordVersionInput[] = [];
  const sources: { index: number; object: StixObject }[] = [];
  for (const item of objects) {
    const mapped = versionFrom(item.object);
    const refusal = (reason: RefusalReason, detail?: string) => ({
      id: item.object.id,
      version: versionOf(item.object),
      result: 'refused' as const,
      reason,
      detail,
    });
    if (!mapped.ok) outcomes[item.index] = refusal(mapped.reason, mapped.detail);
    else if (mapped.version.marking === 'TLP:RED') outcomes[item.index] = refusal('tlp_red');
    else {
      versions.push(mapped.version); // receive/ marks it received and authored by nobody here
      sources.push(item);
    }
  }
  const received = await receivePeerVersions(trx, versions, storedAt, insertRows);
  received.forEach((outcome, i) => {
    const source = sources[i] as { index: number; object: StixObject }; // one source per version
    outcomes[source.index] = outcomeOf(source.object, outcome);
  });
}

/**
 * Applies a page of objects from `peer` in one transaction and audits it:
 * one entry naming every stored version, one per refused object.
 */
export async function ingestFromPeer(
  deps: IngestDeps,
  peer: PeerWithOrganisations,
  objects: readonly unknown[],
  channel: IngestChannel,
  origin?: RequestOrigin,
  inSameTransaction?: (trx: Executor) => Promise<void>,
): Promise<ObjectOutcome[]> {
  const publicKey = publicKeyBytes(peer.public_key);
  const checked = objects.map((value) => check(peer, publicKey, value));
  const storedAt = isoNow(deps.clock);
  return inTransaction(deps.db, async (trx) => {
    const outcomes: ObjectOutcome[] = [];
    const records: { index: number; object: StixObject }[] = [];
    // Organisations first: the page's records may name them as originators.
    for (const [index, item] of checked.entries()) {
      switch (item.kind) {
        case 'refused':
          outcomes[index] = item.outcome;
          break;
        case 'vocabulary':
        case 'derived':
          outcomes[index] = {
            id: item.object.id,
            version: versionOf(item.object),
            result: 'vocabulary',
          };
          break;
        case 'organisation':
          outcomes[index] = await storeOrganisation(trx, item.object, storedAt);
          break;
        case 'record':
          records.push({ index, object: item.object });
          break;
      }
    }
    await storeRecords(trx, records, storedAt, deps.capabilities.insertRows, outcomes);
    await auditOutcomes(deps, trx, peer, channel, outcomes, origin);
    if (inSameTransaction) await inSameTransaction(trx);
    return outcomes;
  });
}

async function auditOutcomes(
  deps: IngestDeps,
  trx: Executor,
  peer: PeerWithOrganisations,
  channel: IngestChannel,
  outcomes: readonly ObjectOutcome[],
  origin: RequestOrigin | undefined,
): Promise<void> {
  const stored = outcomes.filter((outcome) => outcome.result === 'stored');
  if (stored.length > 0) {
    await deps.audit.record(
      {
        action: 'federation.received',
        outcome: 'success',
        target: { type: 'peer', id: peer.id },
        address: origin?.address,
        requestId: origin?.requestId,
        details: { channel, objects: stored.map((o) => [o.id, o.version]) },
      },
      trx,
    );
  }
  for (const outcome of outcomes) {
    if (outcome.result !== 'refused') continue;
    await deps.audit.record(
      {
        action: 'federation.refused',
        outcome: 'denied',
        target: { type: 'peer', id: peer.id },
        address: origin?.address,
        requestId: origin?.requestId,
        details: {
          channel,
          object: outcome.id ?? null,
          version: outcome.version ?? null,
          reason: outcome.reason,
          ...(outcome.detail ? { detail: outcome.detail.slice(0, 300) } : {}),
        },
      },
      trx,
    );
  }
}
