/**
 * A page of peer versions stored together (receivePeerVersions): first
 * versions of independent types go in bulk and end up exactly as one by one
 * (record, release list, search, query row, alert queue); a second version
 * of a record in the same page is stored after the first; a refused version
 * leaves nothing while the rest of its page is stored; a type whose
 * preparation reads the store is written in page order between bulk parts.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildIncidentInput } from '../../../../test/support/factories.js';
import { describeEachEngine } from '../../../../test/support/storage.js';
import { isoNow } from '../../../core/clock.js';
import { inTransaction } from '../../../storage/executor.js';
import {
  createIncident,
  readIncident,
  readIncidentHistory,
} from '../../incidents/incidents.service.js';
import { findRecord, type RecordVersionInput } from '../../records/records.repository.js';
import { readSite } from '../../sites/sites.read.js';
import { createSite } from '../../sites/sites.service.js';
import { receivePeerVersions } from './receivers.js';
import { peerScene, valueOf, type PeerScene } from './test-support/peer-scene.js';

const later = (version: RecordVersionInput, ms: number): RecordVersionInput => ({
  ...version,
  modified: new Date(new Date(version.modified).getTime() + ms).toISOString(),
});

describeEachEngine('receiving a page of versions', (database) => {
  let s: PeerScene;
  beforeAll(async () => {
    s = await peerScene(database());
  });
  afterAll(async () => {
    await s.close();
  });

  const receivePage = (versions: RecordVersionInput[]) =>
    inTransaction(s.hereDeps.db, (trx) =>
      receivePeerVersions(trx, versions, isoNow(s.here.clock), s.hereDeps.capabilities.insertRows),
    );

  const incidentOnPeer = async (narrative: string) =>
    valueOf(
      await createIncident(s.peerDeps, buildIncidentInput({ ...s.amber, narrative }), s.author),
    );

  const storedParts = async (id: string) => ({
    releases: await s.hereDeps.db
      .selectFrom('record_releases')
      .select('grantee')
      .where('record_id', '=', id)
      .execute(),
    incidentRows: await s.hereDeps.db
      .selectFrom('incidents')
      .select(['id', 'marking', 'created_by', 'revoked'])
      .where('id', '=', id)
      .execute(),
    queued: await s.hereDeps.db
      .selectFrom('record_changes')
      .select(['record_type', 'modified'])
      .where('record_id', '=', id)
      .execute(),
  });

  it('stores a page of first versions exactly as one by one would', async () => {
    const inPage = [
      await incidentOnPeer('Convoy stopped at Chilas bridge (page one).'),
      await incidentOnPeer('Convoy stopped at Chilas bridge (page two).'),
    ];
    const alone = await incidentOnPeer('Convoy stopped at Chilas bridge (alone).');
    const versions = await Promise.all(inPage.map((id) => s.sent(id)));
    expect(await receivePage(versions)).toEqual([{ kind: 'stored' }, { kind: 'stored' }]);
    await s.deliver(alone);

    const reference = await storedParts(alone);
    expect(reference.releases).toEqual([{ grantee: s.reader.orgId }]);
    expect(reference.incidentRows).toHaveLength(1);
    for (const [index, id] of inPage.entries()) {
      const record = await findRecord(s.hereDeps.db, id, 'incident');
      expect(record).toMatchObject({
        received_from_peer: 1,
        created_by: s.author.orgId,
        created_by_user: null,
        marking: 'TLP:AMBER',
        marking_valid: 1,
        modified: versions[index]?.modified,
      });
      const parts = await storedParts(id);
      expect(parts.releases).toEqual(reference.releases);
      expect(parts.incidentRows).toEqual([{ ...reference.incidentRows[0], id }]);
      expect(parts.queued).toEqual([
        { record_type: 'incident', modified: versions[index]?.modified },
      ]);
      expect(await readIncident(s.hereDeps, id, s.reader)).toBeDefined();
      expect(await readIncident(s.hereDeps, id, s.outsider)).toBeUndefined();
    }
    expect((await s.searchIncidents(s.reader, 'Chilas bridge (page')).sort()).toEqual(
      [...inPage].sort(),
    );
  });

  it('stores two versions of one record in one page in order, and holds a repeat', async () => {
    const id = await incidentOnPeer('Two versions in one page.');
    const first = await s.sent(id);
    const second = later(first, 60_000);
    expect(await receivePage([first, second, second])).toEqual([
      { kind: 'stored' },
      { kind: 'stored' },
      { kind: 'held', why: 'duplicate' },
    ]);
    expect((await findRecord(s.hereDeps.db, id, 'incident'))?.modified).toBe(second.modified);
    expect(await readIncidentHistory(s.hereDeps, id, s.reader)).toHaveLength(2);
    expect(await receivePage([first])).toEqual([
      { kind: 'held', why: 'stale: a newer version is stored' },
    ]);
  });

  it('refuses a bad version and stores the rest of its page', async () => {
    const [good, bad, alsoGood] = [
      await incidentOnPeer('Good one.'),
      await incidentOnPeer('Bad one.'),
      await incidentOnPeer('Also good.'),
    ];
    const badVersion = await s.sent(bad);
    const outcomes = await receivePage([
      await s.sent(good),
      { ...badVersion, body: { ...badVersion.body, subEventType: 'Peaceful protest' } },
      await s.sent(alsoGood),
    ]);
    expect(outcomes).toEqual([
      { kind: 'stored' },
      {
        kind: 'refused',
        reason: 'invalid',
        detail: 'body_invalid: subEventType: is not a sub-event type of this event type',
      },
      { kind: 'stored' },
    ]);
    expect(await findRecord(s.hereDeps.db, bad, 'incident')).toBeUndefined();
    expect(await storedParts(bad)).toEqual({ releases: [], incidentRows: [], queued: [] });
    expect(await findRecord(s.hereDeps.db, alsoGood, 'incident')).toBeDefined();
  });

  it('writes a type that reads the store in page order, between bulk parts', async () => {
    const before = await incidentOnPeer('Before the site.');
    const site = valueOf(
      await createSite(
        s.peerDeps,
        {
          name: 'Chilas camp',
          type: 'camp',
          location: { kind: 'point', lat: 35.42, lon: 74.1 },
          bufferKm: 2,
          operatorOrgId: s.author.orgId,
          guardOrgId: s.reader.orgId,
          postureLevel: 'normal',
          notes: '',
          ...s.amber,
        },
        s.author,
      ),
    );
    const after = await incidentOnPeer('After the site.');
    const outcomes = await receivePage([
      await s.sent(before),
      await s.sent(site),
      await s.sent(after),
    ]);
    expect(outcomes).toEqual([{ kind: 'stored' }, { kind: 'stored' }, { kind: 'stored' }]);
    expect(await readSite(s.hereDeps, site, s.reader)).toMatchObject({ name: 'Chilas camp' });
    expect(await readIncident(s.hereDeps, after, s.reader)).toBeDefined();
  });
});
