/**
 * What every receiver shares: one per record type; a newer version replaces
 * the older and history keeps both; a revoked version marks the record
 * revoked (and takes a site's fence away); a body that does not fit, a record
 * of this node, another originator, an older version and a version after
 * revocation are refused with nothing stored; the same version twice
 * changes nothing.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildIncidentInput } from '../../../../test/support/factories.js';
import { describeEachEngine } from '../../../../test/support/storage.js';
import { newId } from '../../../core/ids.js';
import {
  createIncident,
  readIncident,
  readIncidentHistory,
  revokeIncident,
  updateIncident,
} from '../../incidents/incidents.service.js';
import { findRecord, type RecordVersionInput } from '../../records/records.repository.js';
import { RECEIVED_RECORD_TYPES, receiverFor } from './receivers.js';
import { peerScene, valueOf, type PeerScene } from './test-support/peer-scene.js';

const later = (version: RecordVersionInput, ms: number): RecordVersionInput => ({
  ...version,
  modified: new Date(new Date(version.modified).getTime() + ms).toISOString(),
});

it('has a receiver for every record type Tandem writes, and none for others', () => {
  expect([...RECEIVED_RECORD_TYPES].sort()).toEqual([
    'action-item',
    'corroboration',
    'decision',
    'incident',
    'meeting',
    'movement',
    'programme',
    'site',
    'threat-actor',
    'threat-report',
    'working-group',
  ]);
  expect(receiverFor('x-unknown-type')).toBeUndefined();
  expect(receiverFor('constructor')).toBeUndefined();
});

describeEachEngine('receiving record versions', (database) => {
  let s: PeerScene;
  beforeAll(async () => {
    s = await peerScene(database());
  });
  afterAll(async () => {
    await s.close();
  });

  const stored = async (id: string) => ({
    record: await findRecord(s.hereDeps.db, id, 'incident'),
    row: await s.hereDeps.db
      .selectFrom('incidents')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst(),
    queued: await s.hereDeps.db
      .selectFrom('record_changes')
      .select('id')
      .where('record_id', '=', id)
      .execute(),
  });

  it('replaces a received incident with its newer version, keeps both in history, then marks it revoked', async () => {
    const input = buildIncidentInput({ ...s.amber, narrative: 'Shots fired at a checkpoint.' });
    const id = valueOf(await createIncident(s.peerDeps, input, s.author));
    await s.deliver(id);
    s.peer.clock.advance(60_000);
    valueOf(
      await updateIncident(
        s.peerDeps,
        id,
        {
          ...input,
          narrative: 'Rockets fired at a checkpoint.',
          fatalities: { total: 2, byNationality: [] },
        },
        s.author,
      ),
    );
    await s.deliver(id);

    expect(await readIncident(s.hereDeps, id, s.reader)).toMatchObject({ fatalities: 2 });
    expect(await s.searchIncidents(s.reader, 'Rockets')).toEqual([id]);
    expect(await s.searchIncidents(s.reader, 'Shots')).toEqual([]);
    const history = await readIncidentHistory(s.hereDeps, id, s.reader);
    expect(history?.map((version) => JSON.parse(version.body).narrative)).toEqual([
      'Rockets fired at a checkpoint.',
      'Shots fired at a checkpoint.',
    ]);

    s.peer.clock.advance(60_000);
    valueOf(await revokeIncident(s.peerDeps, id, s.author));
    await s.deliver(id);
    const revoked = await readIncident(s.hereDeps, id, s.reader);
    expect(revoked?.revoked).toBe(1);
    expect(revoked?.record.revoked).toBe(1);
    expect(await s.searchIncidents(s.reader, 'Rockets')).toEqual([]); // lists leave revoked incidents out
    expect(await readIncidentHistory(s.hereDeps, id, s.reader)).toHaveLength(3);
  });

  it('refuses a body that does not fit the incident schema, and stores nothing', async () => {
    const id = valueOf(await createIncident(s.peerDeps, buildIncidentInput(s.amber), s.author));
    const version = await s.sent(id);
    const received = await s.receive({
      ...version,
      body: { ...version.body, subEventType: 'Peaceful protest' },
    });
    expect(received).toEqual({
      ok: false,
      error: 'body_invalid: subEventType: is not a sub-event type of this event type',
    });
    expect(await stored(id)).toEqual({ record: undefined, row: undefined, queued: [] });
  });

  it('changes nothing when the same version comes twice', async () => {
    const id = valueOf(await createIncident(s.peerDeps, buildIncidentInput(s.amber), s.author));
    const version = await s.deliver(id);
    expect(await s.receive(version)).toEqual({ ok: true, value: undefined });
    expect(await readIncidentHistory(s.hereDeps, id, s.reader)).toHaveLength(1);
  });

  it('refuses an older version after a newer one, and any version after revocation', async () => {
    const id = valueOf(await createIncident(s.peerDeps, buildIncidentInput(s.amber), s.author));
    const first = await s.deliver(id);
    const second = later(first, 60_000);
    expect((await s.receive(second)).ok).toBe(true);
    expect(await s.receive(first)).toEqual({
      ok: false,
      error: 'stale: a newer version is stored',
    });
    expect((await s.receive({ ...later(first, 120_000), revoked: true })).ok).toBe(true);
    expect(await s.receive(later(first, 180_000))).toEqual({
      ok: false,
      error: 'stale: the record is revoked, which is final',
    });
    expect((await findRecord(s.hereDeps.db, id, 'incident'))?.modified).toBe(
      later(first, 120_000).modified,
    );
  });

  it('refuses a version that would replace a record of this node or another originator’s', async () => {
    const localAuthor = await s.member(['analyst'], s.reader.orgId);
    const local = valueOf(await createIncident(s.hereDeps, buildIncidentInput(), localAuthor));
    const peerId = valueOf(await createIncident(s.peerDeps, buildIncidentInput(s.amber), s.author));
    const version = later(await s.deliver(peerId), 60_000);

    expect(await s.receive({ ...version, id: local })).toEqual({
      ok: false,
      error: 'conflict: a record of this node has this id',
    });
    expect((await findRecord(s.hereDeps.db, local, 'incident'))?.received_from_peer).toBe(0);
    expect(await s.receive({ ...version, createdBy: s.outsider.orgId })).toEqual({
      ok: false,
      error: 'conflict: another organisation originated this record',
    });
  });

  it('refuses a version whose id is not of its type', async () => {
    const id = valueOf(await createIncident(s.peerDeps, buildIncidentInput(s.amber), s.author));
    const version = await s.sent(id);
    const site = newId('site');
    const received = await s.receive({ ...version, id: site });
    expect(received).toEqual({
      ok: false,
      error: `type_mismatch: ${site} is not of type incident`,
    });
    expect(await findRecord(s.hereDeps.db, site, 'incident')).toBeUndefined();
  });
});
