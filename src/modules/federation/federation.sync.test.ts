/**
 * Two real nodes on loopback, peered: what node A releases reaches node B
 * through a push notice and a signed TAXII pull, is held there as received,
 * readable only as the policy says, raises B's alerts like a local record,
 * and is audited on both sides; what A does not release never arrives.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { toCurrentUser } from '../identity/identity.presenter.js';
import { findUserByUsername } from '../identity/users.repository.js';
import { createIncident, readIncident } from '../incidents/incidents.service.js';
import { createSite } from '../sites/sites.service.js';
import { buildIncidentInput } from '../../../test/support/factories.js';
import { buildUser } from '../../../test/support/app.js';
import { describeEachEngine } from '../../../test/support/storage.js';
import { peerNodes, startTestNode, type TestNode } from '../../../test/support/federation-nodes.js';
import { buildSiteInput } from '../sites/test-support/scene.js';
import type { CurrentUser } from '../identity/identity.types.js';
import type { Role } from '../../core/policy/types.js';
import {
  peerClient,
  PeerRequestError,
  TAXII_API_ROOT_PATH,
  type PeerClient,
} from './peer-client.js';
import { findPeer } from './peers.repository.js';
import { pullFromPeer, type SyncDeps } from './sync.service.js';

async function userOf(node: TestNode, roles: Role[], orgId?: string): Promise<CurrentUser> {
  const built = await buildUser(node.context, { roles, orgId: orgId ?? node.orgIds[0] });
  const row = await findUserByUsername(node.context.storage.db, built.username);
  if (!row) throw new Error('user not stored');
  return toCurrentUser(row);
}

const recordDeps = (node: TestNode) => ({
  db: node.context.storage.db,
  clock: node.context.clock,
  audit: node.context.audit,
  capabilities: node.context.storage.capabilities,
});

describeEachEngine('federation between two nodes', (database) => {
  let a: TestNode;
  let b: TestNode;

  beforeAll(async () => {
    a = await startTestNode(database().engine, 'Islamabad', { database: database() });
    b = await startTestNode(database().engine, 'Beijing', {
      orgNames: ['Beijing police', 'Beijing embassy'],
    });
    await peerNodes(a, b);
  }, 60_000);

  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  it('delivers what A releases to B at once, and nothing else', async () => {
    const analystA = await userOf(a, ['analyst']);
    const [bPolice, bEmbassy] = b.orgIds as [string, string];
    const viewerB = await userOf(b, ['viewer'], bPolice);
    const dutyB = await userOf(b, ['duty_officer'], bPolice);
    const embassyB = await userOf(b, ['viewer'], bEmbassy);
    // A site on B near Besham, operated and guarded by B's police: a received incident there alerts them.
    const site = await createSite(
      recordDeps(b),
      buildSiteInput(
        { operator: bPolice, guard: bPolice, released: [] },
        { location: { kind: 'point', lat: 34.92, lon: 72.87 }, name: 'Besham camp' },
      ),
      dutyB,
    );
    expect(site.ok).toBe(true);

    const green = await createIncident(
      recordDeps(a),
      buildIncidentInput({ eventDate: new Date().toISOString().slice(0, 10) }),
      analystA,
    );
    const amberToPolice = await createIncident(
      recordDeps(a),
      buildIncidentInput({
        marking: 'TLP:AMBER',
        releasableTo: [bPolice],
        narrative: 'Released to the police only.',
      }),
      analystA,
    );
    const amberElsewhere = await createIncident(
      recordDeps(a),
      buildIncidentInput({
        marking: 'TLP:AMBER',
        releasableTo: [`identity--${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`],
      }),
      analystA,
    );
    const red = await createIncident(
      recordDeps(a),
      buildIncidentInput({ marking: 'TLP:RED', releasableTo: [analystA.userId] }),
      analystA,
    );
    if (!green.ok || !amberToPolice.ok || !amberElsewhere.ok || !red.ok)
      throw new Error('not created');

    const heldOnB = async () =>
      (
        await b.context.storage.db
          .selectFrom('records')
          .select('id')
          .where('id', 'in', [green.value, amberToPolice.value, amberElsewhere.value, red.value])
          .execute()
      )
        .map((row) => row.id)
        .sort();
    await expect
      .poll(heldOnB, { timeout: 10_000 })
      .toEqual([green.value, amberToPolice.value].sort());

    // Received, and read on B under the policy.
    expect(await readIncident(recordDeps(b), green.value, viewerB)).toBeDefined();
    expect(await readIncident(recordDeps(b), amberToPolice.value, viewerB)).toBeDefined();
    expect(await readIncident(recordDeps(b), amberToPolice.value, embassyB)).toBeUndefined();
    const stored = await b.context.storage.db
      .selectFrom('records')
      .select(['received_from_peer', 'created_by', 'created_by_user'])
      .where('id', '=', green.value)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      received_from_peer: 1,
      created_by: analystA.orgId,
      created_by_user: null,
    });

    // The received incident raised B's alert for its site.
    if (!site.ok) return;
    await expect
      .poll(async () =>
        (
          await b.context.storage.db
            .selectFrom('alerts')
            .select('trigger_id')
            .where('subject_id', '=', site.value)
            .execute()
        ).map((row) => row.trigger_id),
      )
      .toContain(green.value);

    // Both sides audited the crossing.
    const actions = async (node: TestNode) =>
      (await node.context.storage.db.selectFrom('audit_log').select('action').execute()).map(
        (r) => r.action,
      );
    expect(await actions(a)).toContain('release.egress');
    expect(await actions(b)).toContain('federation.received');
  }, 60_000);

  it('remembers the collection a peer serves, and asks again once the peer refuses it', async () => {
    const { key } = await b.context.nodeIdentity();
    const { identity: aIdentity } = await a.context.nodeIdentity();
    const peerA = await findPeer(b.context.storage.db, aIdentity.id);
    if (!peerA) throw new Error('B does not know A');
    const asked: string[] = [];
    const signed = peerClient(peerA, key, b.context.clock);
    const counting: PeerClient = {
      get: (pathAndQuery) => {
        asked.push(pathAndQuery.split('?')[0] ?? pathAndQuery);
        return signed.get(pathAndQuery);
      },
      post: (pathAndQuery, body, type) => signed.post(pathAndQuery, body, type),
    };
    const deps: SyncDeps = {
      ...recordDeps(b),
      key,
      pageSize: 1_000,
      collectionIds: new Map(),
    };
    const collections = `${TAXII_API_ROOT_PATH}collections/`;
    await pullFromPeer(deps, peerA, counting);
    const first = asked.splice(0);
    expect(first[0]).toBe(collections);
    await pullFromPeer(deps, peerA, counting);
    expect(asked.splice(0).filter((path) => path === collections)).toEqual([]);

    deps.collectionIds?.set(peerA.id, 'not-a-collection');
    await expect(pullFromPeer(deps, peerA, counting)).rejects.toThrow(PeerRequestError);
    expect(deps.collectionIds?.has(peerA.id)).toBe(false);
    asked.splice(0);
    await pullFromPeer(deps, peerA, counting);
    expect(asked[0]).toBe(collections);
  }, 60_000);
});
