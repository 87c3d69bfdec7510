/**
 * Peers: registering, changing and removing the partner nodes this node
 * exchanges with, by node administrators only. Owns the rules that a peer
 * may not host this node's own organisations nor one another peer hosts,
 * and that its address follows the webhook rule (https, or http to this
 * machine). Must never let a peer's claim widen what it may send.
 */
import { randomUUID } from 'node:crypto';
import { isoNow, type Clock } from '../../core/clock.js';
import { fail, ok, type Result } from '../../core/result.js';
import { inTransaction } from '../../storage/executor.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import type { AuditLog } from '../audit/audit.service.js';
import { isNodeAdmin } from '../identity/identity.authorization.js';
import type { CurrentUser, RequestOrigin } from '../identity/identity.types.js';
import { findOrganisation } from '../identity/organisations.repository.js';
import { checkWebhookUrl } from '../webhooks/webhooks.url.js';
import {
  findHostingPeer,
  findPeer,
  findPeerClash,
  insertPeer,
  listPeers,
  markPeerRemoved,
  replacePeerOrganisations,
  updatePeer,
  type PeerWithOrganisations,
} from './peers.repository.js';
import type { PeerChanges, PeerInput } from './peers.schema.js';
import { keyIdOf, publicKeyFromRaw } from './provenance.js';

export interface PeerDeps {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditLog;
}

export type PeerError =
  | 'forbidden'
  | 'not_found'
  | 'url_refused'
  | 'key_invalid'
  | 'already_registered'
  | 'organisation_is_local'
  | 'organisation_hosted_elsewhere';

/** `actor` is absent only for the CLI, which runs as the node itself. */
function allowed(actor: CurrentUser | undefined): boolean {
  return actor === undefined || isNodeAdmin(actor);
}

const actorOf = (user: CurrentUser | undefined) =>
  user && { userId: user.userId, orgId: user.orgId };

async function organisationsProblem(
  deps: PeerDeps,
  orgIds: readonly string[],
  peerId: string,
): Promise<PeerError | undefined> {
  for (const orgId of orgIds) {
    const known = await findOrganisation(deps.db, orgId);
    if (known?.local === 1) return 'organisation_is_local';
    const host = await findHostingPeer(deps.db, orgId);
    if (host !== undefined && host !== peerId) return 'organisation_hosted_elsewhere';
  }
  return undefined;
}

export async function addPeer(
  deps: PeerDeps,
  input: PeerInput,
  actor: CurrentUser | undefined,
  origin?: RequestOrigin,
): Promise<Result<PeerWithOrganisations, PeerError>> {
  if (!allowed(actor)) return fail('forbidden');
  const url = checkWebhookUrl(input.baseUrl);
  if (!url.ok) return fail('url_refused');
  try {
    publicKeyFromRaw(input.publicKey);
  } catch {
    return fail('key_invalid');
  }
  const keyId = keyIdOf(input.publicKey);
  if (await findPeerClash(deps.db, input.nodeId, keyId)) return fail('already_registered');
  const problem = await organisationsProblem(deps, input.orgIds, input.nodeId);
  if (problem) return fail(problem);
  const now = isoNow(deps.clock);
  await inTransaction(deps.db, async (trx) => {
    await insertPeer(
      trx,
      {
        id: input.nodeId,
        name: input.name,
        base_url: url.url.replace(/\/+$/, ''),
        public_key: input.publicKey,
        key_id: keyId,
        collection_id: randomUUID(),
        created_at: now,
        updated_at: now,
        removed_at: null,
      },
      input.orgIds,
    );
    await deps.audit.record(
      {
        action: 'peer.added',
        outcome: 'success',
        actor: actorOf(actor),
        target: { type: 'peer', id: input.nodeId },
        address: origin?.address,
        requestId: origin?.requestId,
        details: { name: input.name, baseUrl: url.url, keyId, orgIds: input.orgIds },
      },
      trx,
    );
  });
  const stored = await findPeer(deps.db, input.nodeId);
  return stored ? ok(stored) : fail('not_found');
}

export async function changePeer(
  deps: PeerDeps,
  id: string,
  changes: PeerChanges,
  actor: CurrentUser | undefined,
  origin?: RequestOrigin,
): Promise<Result<PeerWithOrganisations, PeerError>> {
  if (!allowed(actor)) return fail('forbidden');
  const current = await findPeer(deps.db, id);
  if (!current) return fail('not_found');
  let baseUrl: string | undefined;
  if (changes.baseUrl !== undefined) {
    const url = checkWebhookUrl(changes.baseUrl);
    if (!url.ok) return fail('url_refused');
    baseUrl = url.url.replace(/\/+$/, '');
  }
  if (changes.orgIds) {
    const problem = await organisationsProblem(deps, changes.orgIds, id);
    if (problem) return fail(problem);
  }
  await inTransaction(deps.db, async (trx) => {
    await updatePeer(trx, id, {
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(baseUrl !== undefined ? { base_url: baseUrl } : {}),
      updated_at: isoNow(deps.clock),
    });
    if (changes.orgIds) await replacePeerOrganisations(trx, id, changes.orgIds);
    await deps.audit.record(
      {
        action: 'peer.updated',
        outcome: 'success',
        actor: actorOf(actor),
        target: { type: 'peer', id },
        address: origin?.address,
        requestId: origin?.requestId,
        details: { ...changes, before: { name: current.name, orgIds: current.orgIds } },
      },
      trx,
    );
  });
  const stored = await findPeer(deps.db, id);
  return stored ? ok(stored) : fail('not_found');
}

export async function removePeer(
  deps: PeerDeps,
  id: string,
  actor: CurrentUser | undefined,
  origin?: RequestOrigin,
): Promise<Result<void, PeerError>> {
  if (!allowed(actor)) return fail('forbidden');
  const current = await findPeer(deps.db, id);
  if (!current) return fail('not_found');
  await inTransaction(deps.db, async (trx) => {
    await markPeerRemoved(trx, id, isoNow(deps.clock));
    await deps.audit.record(
      {
        action: 'peer.removed',
        outcome: 'success',
        actor: actorOf(actor),
        target: { type: 'peer', id },
        address: origin?.address,
        requestId: origin?.requestId,
        details: { name: current.name, orgIds: current.orgIds },
      },
      trx,
    );
  });
  return ok(undefined);
}

export async function listPeersFor(
  deps: PeerDeps,
  actor: CurrentUser | undefined,
): Promise<Result<PeerWithOrganisations[], PeerError>> {
  if (!allowed(actor)) return fail('forbidden');
  return ok(await listPeers(deps.db));
}
