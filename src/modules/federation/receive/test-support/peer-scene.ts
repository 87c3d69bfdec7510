/**
 * Two nodes for the receiver tests, each an in-process app on its own test
 * database of the same engine: the peer, where an author's organisation
 * writes records through the modules' own services, and this node, with a
 * reader organisation the records are released to and an outsider that
 * nothing is released to. Each node knows the other's organisations as
 * remote ones, as federation keeps them. `sent(id)` is a record version as
 * it leaves the peer (what the STIX mapping hands over), `receive` stores it
 * here through the receivers in one transaction.
 */
import { receivedVersionOf } from '../../test-support/received-version.js';
import { isoNow } from '../../../../core/clock.js';
import { idType } from '../../../../core/ids.js';
import type { Role } from '../../../../core/policy/types.js';
import { readScope } from '../../../../core/policy/index.js';
import { inTransaction, type Executor } from '../../../../storage/executor.js';
import { toCurrentUser } from '../../../identity/identity.presenter.js';
import type { CurrentUser } from '../../../identity/identity.types.js';
import {
  findOrganisation,
  upsertRemoteOrganisation,
} from '../../../identity/organisations.repository.js';
import { findUser } from '../../../identity/users.repository.js';
import { filtersOf } from '../../../incidents/incidents.query.js';
import { listIncidents } from '../../../incidents/incidents.repository.js';
import type { MovementDeps } from '../../../movements/movements.records.js';
import { findRecord, type RecordVersionInput } from '../../../records/records.repository.js';
import { buildUser, startTestApp, type TestApp } from '../../../../../test/support/app.js';
import { createTestDatabase, type TestDatabase } from '../../../../../test/support/storage.js';
import { receiverFor } from '../receivers.js';

/** The value of a service's result, or the test fails with its error. */
export function valueOf<T>(result: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** Stores a received version through its type's receiver, in one transaction of `db`. */
export async function receiveInto(db: Executor, version: RecordVersionInput, storedAt: string) {
  const receiver = receiverFor(version.type);
  if (!receiver) throw new Error(`no receiver for ${version.type}`);
  return inTransaction(db, (trx) => receiver(trx, version, storedAt));
}

/** Everything the modules' services ask for. */
export type NodeDeps = MovementDeps;

export function nodeDeps(t: TestApp): NodeDeps {
  return {
    db: t.context.storage.db,
    clock: t.clock,
    audit: t.context.audit,
    capabilities: t.context.storage.capabilities,
    live: t.context.live,
    protection: t.context.config.protection,
  };
}

async function member(t: TestApp, roles: Role[], orgId?: string): Promise<CurrentUser> {
  const built = await buildUser(t.context, orgId ? { roles, orgId } : { roles });
  const row = await findUser(t.context.storage.db, built.userId);
  if (!row) throw new Error('test user vanished');
  return toCurrentUser(row);
}

/** Makes `orgId` of `from` known to `to` as a remote organisation. */
async function introduce(from: TestApp, to: TestApp, orgId: string): Promise<void> {
  const row = await findOrganisation(from.context.storage.db, orgId);
  if (!row) throw new Error(`no organisation ${orgId}`);
  await upsertRemoteOrganisation(to.context.storage.db, row, isoNow(to.clock));
}

export async function peerScene(database: TestDatabase) {
  const peerDatabase = await createTestDatabase(database.engine);
  const here = await startTestApp(database);
  const peer = await startTestApp(peerDatabase);
  const author = await member(peer, ['duty_officer']);
  const reader = await member(here, ['duty_officer']);
  const outsider = await member(here, ['duty_officer']);
  await introduce(peer, here, author.orgId);
  await introduce(here, peer, reader.orgId);
  await introduce(here, peer, outsider.orgId);

  /** The current version of a peer record as it leaves the peer. */
  async function sent(id: string): Promise<RecordVersionInput> {
    const row = await findRecord(peer.context.storage.db, id, idType(id) ?? '');
    if (!row) throw new Error(`the peer has no record ${id}`);
    return receivedVersionOf(row);
  }

  const receive = (version: RecordVersionInput) =>
    receiveInto(here.context.storage.db, version, isoNow(here.clock));

  /** Sends the peer record's current version and expects it to be stored here. */
  async function deliver(id: string): Promise<RecordVersionInput> {
    const version = await sent(id);
    const received = await receive(version);
    if (!received.ok) throw new Error(`refused ${id}: ${received.error}`);
    return version;
  }

  const hereDeps = nodeDeps(here);
  /** Ids of the incidents a reader here finds by `q`, as the incident list searches. */
  async function searchIncidents(reader: CurrentUser, q: string): Promise<string[]> {
    const filters = filtersOf({ q, includeRevoked: false }, hereDeps.capabilities);
    const rows = await listIncidents(hereDeps.db, readScope(reader), filters, { limit: 10 });
    return rows.map((row) => row.id);
  }

  return {
    here,
    peer,
    hereDeps,
    peerDeps: nodeDeps(peer),
    author,
    reader,
    outsider,
    /** An AMBER release to the reader's organisation. */
    amber: { marking: 'TLP:AMBER' as const, releasableTo: [reader.orgId] },
    member: (roles: Role[], orgId?: string) => member(here, roles, orgId),
    sent,
    receive,
    searchIncidents,
    deliver,
    async close() {
      await here.close();
      await peer.close();
      await peerDatabase.dispose();
    },
  };
}

export type PeerScene = Awaited<ReturnType<typeof peerScene>>;
