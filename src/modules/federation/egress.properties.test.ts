/**
 * The egress guarantee, as a property over random records, markings,
 * release lists and personal-data flags, between two real nodes (two
 * databases): whatever node A stores, the objects its egress view sends to
 * peer B never carry a TLP:RED record, never an AMBER record released to
 * none of B's organisations, never personal data without a recorded legal
 * basis, never a record A received from a peer or one B's organisations
 * wrote; and everything B stores from them verifies and obeys the same.
 * Conversely, every record that may leave does leave.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../core/clock.js';
import { egress, TLP_MARKINGS, type Peer } from '../../core/policy/index.js';
import { createAuditLog } from '../audit/audit.service.js';
import { incidentBody } from '../incidents/incidents.service.js';
import { insertOrganisation } from '../identity/organisations.repository.js';
import { storeRecordVersion, toShareable } from '../records/records.repository.js';
import { buildIncidentInput } from '../../../test/support/factories.js';
import {
  createTestDatabase,
  describeEachEngine,
  type TestDatabase,
} from '../../../test/support/storage.js';
import { egressPage, type EgressContext } from './egress.source.js';
import { ingestFromPeer } from './ingest.service.js';
import { ensureNodeIdentity, signingKeyOf } from './node-identity.js';
import { insertPeer, findPeer, type PeerWithOrganisations } from './peers.repository.js';
import { keyIdOf, rawPublicKey } from './provenance.js';
import { TANDEM_EXTENSIONS, type StixObject } from './stix/stix.types.js';

const org = () => `identity--${randomUUID()}`;
const A_ORGS = [org(), org()];
const B_ORGS = [org(), org()];
const C_ORGS = [org()];
const USERS = [`user--${randomUUID()}`];
const GRANTEES = [...A_ORGS, ...B_ORGS, ...C_ORGS, ...USERS];

interface Draft {
  marking: string;
  createdBy: string;
  releasableTo: string[];
  receivedFromPeer: boolean;
  containsPersonalData: boolean;
  legalBasis: string | null;
}

const draftArbitrary: fc.Arbitrary<Draft> = fc.record({
  marking: fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom<string>(...TLP_MARKINGS) },
    { weight: 1, arbitrary: fc.constantFrom('TLP:WHITE', 'tlp:amber', '') },
  ),
  createdBy: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...A_ORGS) },
    { weight: 1, arbitrary: fc.constantFrom(...B_ORGS, ...C_ORGS) },
  ),
  releasableTo: fc.subarray(GRANTEES),
  receivedFromPeer: fc.boolean(),
  containsPersonalData: fc.boolean(),
  legalBasis: fc.constantFrom(null, '', 'Art. 7 of the 2024 agreement'),
});

async function organisations(db: TestDatabase, ids: readonly string[], local: boolean) {
  for (const id of ids) {
    await insertOrganisation(db.storage.db, {
      id,
      name: `${id}`,
      name_folded: id,
      country: local ? 'PK' : 'CN',
      kind: 'police',
      local: local ? 1 : 0,
      created_at: '2026-11-28T08:00:00.000Z',
      updated_at: '2026-11-28T08:00:00.000Z',
    });
  }
}

describeEachEngine('egress between two nodes', (database) => {
  let a: TestDatabase;
  let b: TestDatabase;
  let context: EgressContext;
  let peerB: PeerWithOrganisations;
  let peerAatB: PeerWithOrganisations;
  const clock = new ManualClock('2026-11-28T09:00:00.000Z');

  beforeAll(async () => {
    a = database();
    b = await createTestDatabase(a.engine);
    await organisations(a, A_ORGS, true);
    await organisations(b, B_ORGS, true);
    const identity = await ensureNodeIdentity(a.storage.db, clock, 'Node A');
    context = { db: a.storage.db, identity, key: signingKeyOf(identity) };
    const bKey = rawPublicKey(generateKeyPairSync('ed25519').publicKey);
    const now = '2026-11-28T09:00:00.000Z';
    const peerRow = (id: string, key: string) => ({
      id,
      name: id,
      base_url: 'http://127.0.0.1:1',
      public_key: key,
      key_id: keyIdOf(key),
      collection_id: randomUUID(),
      created_at: now,
      updated_at: now,
      removed_at: null,
    });
    await insertPeer(a.storage.db, peerRow(`identity--${randomUUID()}`, bKey), B_ORGS);
    await insertPeer(
      a.storage.db,
      peerRow(`identity--${randomUUID()}`, rawPublicKey(generateKeyPairSync('ed25519').publicKey)),
      C_ORGS,
    );
    peerB = (await findPeer(
      a.storage.db,
      (
        await a.storage.db
          .selectFrom('peer_organisations')
          .select('peer_id')
          .where('org_id', '=', B_ORGS[0] as string)
          .executeTakeFirstOrThrow()
      ).peer_id,
    )) as PeerWithOrganisations;
    await insertPeer(b.storage.db, peerRow(identity.id, identity.public_key), A_ORGS);
    peerAatB = (await findPeer(b.storage.db, identity.id)) as PeerWithOrganisations;
  }, 60_000);

  afterAll(async () => {
    await b?.dispose();
  });

  async function everythingSentTo(peer: PeerWithOrganisations): Promise<StixObject[]> {
    const objects: StixObject[] = [];
    let next: string | undefined;
    do {
      const page = await egressPage(context, peer, {
        limit: 50,
        version: { kind: 'last' },
        ...(next ? { next } : {}),
      });
      if (!page) throw new Error('lost page');
      objects.push(...page.objects.map((o) => JSON.parse(o.json) as StixObject));
      next = page.more ? page.next : undefined;
    } while (next);
    return objects;
  }

  it("never sends RED, unreleased AMBER, unlawful personal data, received or the peer's own records; sends the rest", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(draftArbitrary, { minLength: 1, maxLength: 12 }),
        async (drafts) => {
          const ids: string[] = [];
          for (const draft of drafts) {
            clock.advance(1);
            const id = `incident--${randomUUID()}`;
            ids.push(id);
            const input = buildIncidentInput({ marking: 'TLP:GREEN', releasableTo: [] });
            await storeRecordVersion(
              a.storage.db,
              {
                id,
                type: 'incident',
                createdBy: draft.createdBy,
                createdByUser: null,
                marking: draft.marking,
                releasableTo: draft.releasableTo,
                created: clock.now().toISOString(),
                modified: clock.now().toISOString(),
                revoked: false,
                receivedFromPeer: draft.receivedFromPeer,
                containsPersonalData: draft.containsPersonalData,
                legalBasis: draft.legalBasis,
                body: incidentBody(input),
              },
              clock.now().toISOString(),
            );
          }
          const sent = await everythingSentTo(peerB);
          const sentRecordIds = new Set(
            sent
              .filter(
                (o) =>
                  o.extensions?.[TANDEM_EXTENSIONS.sharing] &&
                  !o.extensions[TANDEM_EXTENSIONS.sharing]?.derived_from,
              )
              .map((o) => o.id),
          );
          const policyPeer: Peer = { peerId: peerB.id, orgIds: peerB.orgIds, groupIds: [] };
          for (const id of ids) {
            const row = await a.storage.db
              .selectFrom('records')
              .selectAll()
              .where('id', '=', id)
              .executeTakeFirstOrThrow();
            const shareable = toShareable(row);
            const wasSent = sentRecordIds.has(id);
            if (wasSent) {
              expect(A_ORGS).toContain(row.created_by);
              expect(row.marking).not.toBe('TLP:RED');
              expect(row.marking_valid).toBe(1);
              expect(row.received_from_peer).toBe(0);
              expect(peerB.orgIds).not.toContain(row.created_by);
              if (row.marking === 'TLP:AMBER' || row.marking === 'TLP:AMBER+STRICT') {
                const listed = JSON.parse(row.releasable_to) as string[];
                expect(listed.some((entry) => peerB.orgIds.includes(entry))).toBe(true);
              }
              if (row.contains_personal_data === 1) expect(row.legal_basis?.trim()).toBeTruthy();
            }
            // Completeness: whatever the policy lets leave (incidents have no redactor) and one
            // of this node's own organisations originated does leave.
            const decision = egress(policyPeer, shareable, (r) => r);
            expect(wasSent).toBe(decision.kind === 'full' && A_ORGS.includes(row.created_by));
          }
          // Node B takes all of it with the same checks, and holds only what was sent.
          const outcomes = await ingestFromPeer(
            {
              db: b.storage.db,
              clock,
              audit: createAuditLog(b.storage.db, clock),
              capabilities: b.storage.capabilities,
            },
            peerAatB,
            sent,
            'pull',
          );
          expect(outcomes.filter((o) => o.result === 'refused')).toEqual([]);
          const held = await b.storage.db
            .selectFrom('records')
            .select(['id', 'marking', 'received_from_peer'])
            .where('id', 'in', ids)
            .execute();
          expect(new Set(held.map((r) => r.id))).toEqual(
            new Set([...sentRecordIds].filter((id) => ids.includes(id))),
          );
          for (const record of held) {
            expect(record.marking).not.toBe('TLP:RED');
            expect(record.received_from_peer).toBe(1);
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 300_000);
});
