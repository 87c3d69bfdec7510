/**
 * A working group, its meeting, a decision, an action item with a progress
 * note and a programme, written on a peer through their own services,
 * received here and read through this node's coordination reads and lists:
 * by the release list only, with the children's links to their group copied
 * as the module copies them.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  buildActionItemInput,
  buildDecisionInput,
  buildMeetingInput,
  buildWorkingGroupInput,
} from '../../../../test/support/factories.js';
import { buildProgrammeInput } from '../../../../test/support/programme-factories.js';
import { describeEachEngine } from '../../../../test/support/storage.js';
import { newId } from '../../../core/ids.js';
import {
  appendProgressNote,
  createActionItem,
  listActionItemsFor,
} from '../../coordination/action-items.service.js';
import { readCoordinationRecord } from '../../coordination/coordination.records.js';
import { COORDINATION_TYPES } from '../../coordination/coordination.schema.js';
import { createDecision, createMeeting } from '../../coordination/meetings.service.js';
import { createProgramme, listProgrammesFor } from '../../coordination/programmes.service.js';
import {
  createWorkingGroup,
  listWorkingGroupsFor,
} from '../../coordination/working-groups.service.js';
import { findRecord } from '../../records/records.repository.js';
import { peerScene, valueOf, type PeerScene } from './test-support/peer-scene.js';

describeEachEngine('receiving coordination records', (database) => {
  let s: PeerScene;
  let ids: Record<(typeof COORDINATION_TYPES)[number], string>;

  beforeAll(async () => {
    s = await peerScene(database());
    const members = [s.author.orgId, s.reader.orgId];
    const group = valueOf(
      await createWorkingGroup(
        s.peerDeps,
        buildWorkingGroupInput(members, { ...s.amber, name: 'Karakoram corridor security group' }),
        s.author,
      ),
    );
    const meeting = valueOf(
      await createMeeting(s.peerDeps, buildMeetingInput(group, members, s.amber), s.author),
    );
    const decision = valueOf(
      await createDecision(s.peerDeps, buildDecisionInput(meeting, s.amber), s.author),
    );
    const item = valueOf(
      await createActionItem(
        s.peerDeps,
        buildActionItemInput(decision, s.reader.orgId, s.amber),
        s.author,
      ),
    );
    valueOf(await appendProgressNote(s.peerDeps, item, 'Draft circulated.', s.author));
    const programme = valueOf(
      await createProgramme(
        s.peerDeps,
        buildProgrammeInput(decision, s.author.orgId, s.amber),
        s.author,
      ),
    );
    ids = {
      'working-group': group,
      meeting,
      decision,
      'action-item': item,
      programme,
    };
    for (const type of COORDINATION_TYPES) await s.deliver(ids[type]);
  });
  afterAll(async () => {
    await s.close();
  });

  it('stores every coordination record as received, readable by its release list and by no one else', async () => {
    for (const type of COORDINATION_TYPES) {
      expect((await findRecord(s.hereDeps.db, ids[type], type))?.received_from_peer).toBe(1);
      expect((await readCoordinationRecord(s.hereDeps, type, ids[type], s.reader))?.id).toBe(
        ids[type],
      );
      expect(await readCoordinationRecord(s.hereDeps, type, ids[type], s.outsider)).toBeUndefined();
    }
  });

  it('lists a received group by a word of its name, for its release list only', async () => {
    const search = (reader: typeof s.reader) =>
      listWorkingGroupsFor(s.hereDeps, reader, { q: 'Karakoram' }, { limit: 10 });
    expect((await search(s.reader)).rows.map((row) => row.id)).toEqual([ids['working-group']]);
    expect((await search(s.outsider)).rows).toEqual([]);
  });

  it('files received action items and programmes under their group, with the item’s notes', async () => {
    const items = await listActionItemsFor(
      s.hereDeps,
      s.reader,
      { workingGroupId: ids['working-group'] },
      { limit: 10 },
    );
    expect(items.rows.map((row) => [row.id, row.meeting_id])).toEqual([
      [ids['action-item'], ids.meeting],
    ]);
    const item = await readCoordinationRecord(
      s.hereDeps,
      'action-item',
      ids['action-item'],
      s.reader,
    );
    expect(JSON.parse(item?.body ?? '{}')).toMatchObject({
      progressNotes: [{ text: 'Draft circulated.' }],
    });
    const board = await listProgrammesFor(
      s.hereDeps,
      s.reader,
      { workingGroupId: ids['working-group'] },
      { limit: 10 },
    );
    expect(board.rows.map((row) => [row.id, row.decision_id])).toEqual([
      [ids.programme, ids.decision],
    ]);
  });

  it('stores a decision whose meeting this node does not hold, readable but filed under no group', async () => {
    const decision = valueOf(
      await createDecision(
        s.peerDeps,
        buildDecisionInput(ids.meeting, { ...s.amber, text: 'Share patrol schedules.' }),
        s.author,
      ),
    );
    const version = await s.sent(decision);
    const received = await s.receive({
      ...version,
      body: {
        ...version.body,
        // A meeting that was never released to this node.
        meetingId: newId('meeting'),
      },
    });
    expect(received.ok).toBe(true);
    expect(await readCoordinationRecord(s.hereDeps, 'decision', decision, s.reader)).toBeDefined();
    const row = await s.hereDeps.db
      .selectFrom('decisions')
      .selectAll()
      .where('id', '=', decision)
      .executeTakeFirst();
    expect(row?.working_group_id).toBe('');
  });
});
