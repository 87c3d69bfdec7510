/**
 * Paging of a peer's egress view: pages read in chunks (egress.source.ts)
 * still hold at most `limit` objects, never split a record's objects across
 * pages, and together hold exactly what one large page holds, in order.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import { incidentBody } from '../incidents/incidents.service.js';
import { insertOrganisation } from '../identity/organisations.repository.js';
import { storeRecordVersion } from '../records/records.repository.js';
import { buildIncidentInput } from '../../../test/support/factories.js';
import { describeEachEngine, type TestDatabase } from '../../../test/support/storage.js';
import { inTransaction } from '../../storage/executor.js';
import { egressPage, type EgressContext } from './egress.source.js';
import { ensureNodeIdentity, signingKeyOf } from './node-identity.js';
import { insertPeer, findPeer, type PeerWithOrganisations } from './peers.repository.js';
import { keyIdOf } from './provenance.js';
import { TANDEM_EXTENSIONS } from './stix/stix.types.js';

const LOCAL_ORG = `identity--${randomUUID()}`;
const PEER_ORG = `identity--${randomUUID()}`;
const INCIDENTS = 40;
const RECORD_OBJECT_TYPES = ['incident', 'location', 'relationship'];

describeEachEngine('egress paging', (database) => {
  let db: TestDatabase;
  let context: EgressContext;
  let peer: PeerWithOrganisations;
  const clock = new ManualClock('2026-11-28T09:00:00.000Z');

  beforeAll(async () => {
    db = database();
    await insertOrganisation(db.storage.db, {
      id: LOCAL_ORG,
      name: 'Local',
      name_folded: 'local',
      country: 'PK',
      kind: 'police',
      local: 1,
      created_at: '2026-11-28T08:00:00.000Z',
      updated_at: '2026-11-28T08:00:00.000Z',
    });
    const identity = await ensureNodeIdentity(db.storage.db, clock, 'Node A');
    context = { db: db.storage.db, identity, key: signingKeyOf(identity) };
    const peerKey = identity.public_key; // any valid key: this test never verifies
    const peerId = `identity--${randomUUID()}`;
    const now = '2026-11-28T09:00:00.000Z';
    await insertPeer(
      db.storage.db,
      {
        id: peerId,
        name: 'Peer',
        base_url: 'http://127.0.0.1:1',
        public_key: peerKey,
        key_id: keyIdOf(peerKey),
        collection_id: randomUUID(),
        created_at: now,
        updated_at: now,
        removed_at: null,
      },
      [PEER_ORG],
    );
    peer = (await findPeer(db.storage.db, peerId)) as PeerWithOrganisations;
    // Several incidents share each stored_at, as a bulk batch does: positions order by id too.
    for (let i = 0; i < INCIDENTS; i += 1) {
      const input = buildIncidentInput({ marking: 'TLP:GREEN', releasableTo: [] });
      const storedAt = new Date(Date.parse(now) + Math.floor(i / 4) * 1_000).toISOString();
      await inTransaction(db.storage.db, (trx) =>
        storeRecordVersion(
          trx,
          {
            id: newId('incident'),
            type: 'incident',
            createdBy: LOCAL_ORG,
            createdByUser: null,
            marking: 'TLP:GREEN',
            releasableTo: [],
            created: storedAt,
            modified: storedAt,
            revoked: false,
            receivedFromPeer: false,
            containsPersonalData: false,
            legalBasis: null,
            body: incidentBody(input),
          },
          storedAt,
        ),
      );
    }
  }, 60_000);

  afterAll(async () => {
    await db?.storage.close();
  });

  async function allPages(limit: number, types?: string[]) {
    const pages: { ids: string[]; more: boolean }[] = [];
    let next: string | undefined;
    do {
      const page = await egressPage(context, peer, {
        limit,
        version: { kind: 'last' },
        ...(types ? { types } : {}),
        ...(next ? { next } : {}),
      });
      if (!page) throw new Error('lost page');
      pages.push({ ids: page.objects.map((o) => o.id), more: page.more });
      next = page.next;
      // Every record's object is signed (the node's vocabulary is not).
      for (const served of page.objects.filter((o) => RECORD_OBJECT_TYPES.includes(o.type))) {
        const object = JSON.parse(served.json) as { extensions?: Record<string, unknown> };
        expect(object.extensions?.[TANDEM_EXTENSIONS.provenance]).toBeDefined();
      }
    } while (next);
    return pages;
  }

  it.each([1, 2, 3, 7, 20])('pages of %i objects hold what one large page holds', async (limit) => {
    const [whole] = await allPages(10_000);
    const pages = await allPages(limit);
    expect(whole?.more).toBe(false);
    expect(pages.flatMap((page) => page.ids)).toEqual(whole?.ids);
    expect(pages.at(-1)?.more).toBe(false);
    for (const page of pages.slice(0, -1)) {
      expect(page.more).toBe(true);
      // A record's three objects travel together: a page holds at most `limit`, unless one record alone exceeds it.
      expect(page.ids.length <= Math.max(limit, 3)).toBe(true);
      expect(page.ids.length).toBeGreaterThan(0);
    }
    const incidentsOnPages = pages.map(
      (page) => page.ids.filter((id) => id.startsWith('incident--')).length,
    );
    expect(incidentsOnPages.reduce((a, b) => a + b, 0)).toBe(INCIDENTS);
  });

  it('examines at most `limit` items for a page, so a narrow filter pages instead of scanning', async () => {
    const [whole] = await allPages(10_000);
    const locations = whole?.ids.filter((id) => id.startsWith('location--'));
    const pages = await allPages(4, ['location']);
    expect(pages.flatMap((page) => page.ids)).toEqual(locations);
    const none = await allPages(5, ['x-matches-nothing']);
    expect(none.every((page) => page.ids.length === 0)).toBe(true);
    expect(none.length).toBeGreaterThan(INCIDENTS / 5);
    expect(none[0]?.more).toBe(true);
  });
});
