/**
 * Policy everywhere, for coordination records: for users of four
 * organisations and records of every marking, each read path (the lists of
 * groups, meetings and decisions, the action tracker and the programme board
 * in SQL and over HTTP, detail and history of each type) returns exactly what the policy allows —
 * on both engines. A readable child of an unreadable parent names the parent
 * by id and nothing more.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readScope } from '../../core/policy/index.js';
import {
  createPolicyUsers,
  EVERYONE,
  SHARING_CASES,
  type SharingCase,
  type Who,
} from '../../../test/support/policy-cases.js';
import { describeEachEngine } from '../../../test/support/storage.js';
import { startTestApp, TEST_ORIGIN, type TestApp } from '../../../test/support/app.js';
import {
  buildActionItemInput,
  buildDecisionInput,
  buildMeetingInput,
  buildWorkingGroupInput,
} from '../../../test/support/factories.js';
import { buildProgrammeInput } from '../../../test/support/programme-factories.js';
import { findUser } from '../identity/users.repository.js';
import { toCurrentUser } from '../identity/identity.presenter.js';
import { listActionItems } from './action-items.repository.js';
import { listProgrammes } from './programmes.repository.js';

const CASES: readonly SharingCase[] = SHARING_CASES;

const TYPES = [
  { path: '/api/working-groups', key: 'workingGroup' },
  { path: '/api/meetings', key: 'meeting' },
  { path: '/api/decisions', key: 'decision' },
  { path: '/api/action-items', key: 'actionItem' },
  { path: '/api/programmes', key: 'programme' },
] as const;
type Chain = Record<(typeof TYPES)[number]['key'], string>;

describeEachEngine('coordination records under the sharing policy', (database) => {
  let t: TestApp;
  const cookies = new Map<Who, string>();
  const userIds = new Map<Who, string>();
  const orgIds = new Map<string, string>();
  const chains = new Map<string, Chain>();

  const post = async (who: Who, url: string, payload: object) => {
    const response = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: cookies.get(who) ?? '', origin: TEST_ORIGIN },
      payload,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const get = (who: Who, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: cookies.get(who) ?? '' } });

  beforeAll(async () => {
    t = await startTestApp(database());
    const users = await createPolicyUsers(t.context, t.app);
    for (const [who, cookie] of users.cookies) cookies.set(who, cookie);
    for (const [who, id] of users.userIds) userIds.set(who, id);
    for (const [key, id] of users.orgIds) orgIds.set(key, id);
    const members = [...orgIds.values()];
    for (const c of CASES) {
      const sharing = {
        marking: c.marking,
        releasableTo: c.releasedTo.map((g) => orgIds.get(g) ?? userIds.get(g as Who) ?? 'missing'),
      };
      const group = await post(
        c.author,
        '/api/working-groups',
        buildWorkingGroupInput(members, { name: c.name, ...sharing }),
      );
      const meeting = await post(
        c.author,
        '/api/meetings',
        buildMeetingInput(group.workingGroup.id, members, sharing),
      );
      const decision = await post(
        c.author,
        '/api/decisions',
        buildDecisionInput(meeting.meeting.id, sharing),
      );
      const item = await post(
        c.author,
        '/api/action-items',
        // Due before the test clock's today: every item is overdue.
        buildActionItemInput(decision.decision.id, orgIds.get('orgC') ?? '', {
          dueDate: '2026-11-01',
          ...sharing,
        }),
      );
      const programme = await post(
        c.author,
        '/api/programmes',
        buildProgrammeInput(decision.decision.id, orgIds.get('orgC') ?? '', sharing),
      );
      chains.set(c.name, {
        workingGroup: group.workingGroup.id,
        meeting: meeting.meeting.id,
        decision: decision.decision.id,
        actionItem: item.actionItem.id,
        programme: programme.programme.id,
      });
    }
  });
  afterAll(async () => t.close());

  it.each(EVERYONE)('shows %s exactly the readable records on every path', async (who) => {
    const readable = CASES.filter((c) => c.readers.includes(who));
    for (const { path, key } of TYPES) {
      const expected = readable.map((c) => chains.get(c.name)?.[key]).sort();
      const list = await get(who, `${path}?limit=500`);
      expect(list.statusCode).toBe(200);
      const listed = (list.json().items as { id: string }[]).map((i) => i.id).sort();
      expect(listed, `${who} ${path}`).toEqual(expected);
    }

    const expectedItems = readable.map((c) => chains.get(c.name)?.actionItem).sort();
    const tracker = await get(
      who,
      `/api/action-items?overdue=true&ownerOrgId=${orgIds.get('orgC')}`,
    );
    expect((tracker.json().items as { id: string }[]).map((i) => i.id).sort()).toEqual(
      expectedItems,
    );

    // The SQL filter alone, without the row check behind it, already keeps to the policy.
    const row = await findUser(t.context.storage.db, userIds.get(who) ?? '');
    if (!row) throw new Error('user missing');
    const bySql = await listActionItems(
      t.context.storage.db,
      readScope(toCurrentUser(row)),
      {},
      { limit: 500 },
    );
    expect(bySql.map((r) => r.id).sort()).toEqual(expectedItems);
    const programmesBySql = await listProgrammes(
      t.context.storage.db,
      readScope(toCurrentUser(row)),
      {},
      { limit: 500 },
    );
    expect(programmesBySql.map((r) => r.id).sort()).toEqual(
      readable.map((c) => chains.get(c.name)?.programme).sort(),
    );

    for (const c of CASES) {
      const canSee = c.readers.includes(who);
      for (const { path, key } of TYPES) {
        const id = chains.get(c.name)?.[key] ?? '';
        const detail = await get(who, `${path}/${id}`);
        expect(detail.statusCode, `${who} ${key} ${c.name}`).toBe(canSee ? 200 : 404);
        const history = await get(who, `${path}/${id}/history`);
        expect(history.statusCode, `${who} ${key} history ${c.name}`).toBe(canSee ? 200 : 404);
        if (!canSee) continue;
        expect(detail.json()[key].id).toBe(id);
        expect(history.json().versions).toHaveLength(1);
        // Only the originating organisation learns who else the record went to.
        const originates = c.author === who || (c.author === 'analystA' && who === 'viewerA');
        expect(detail.json()[key].releasableTo === undefined).toBe(!originates);
      }
    }
  });

  it('shows a readable decision of an unreadable meeting with the meeting named by id only', async () => {
    const members = [orgIds.get('orgA') ?? '', orgIds.get('orgB') ?? ''];
    const group = await post('analystA', '/api/working-groups', buildWorkingGroupInput(members));
    const meeting = await post(
      'analystA',
      '/api/meetings',
      buildMeetingInput(group.workingGroup.id, members, { marking: 'TLP:AMBER', place: 'Secret' }),
    );
    const decision = await post(
      'analystA',
      '/api/decisions',
      buildDecisionInput(meeting.meeting.id),
    );
    const seen = await get('analystB', `/api/decisions/${decision.decision.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().decision.meetingId).toBe(meeting.meeting.id);
    expect(JSON.stringify(seen.json())).not.toContain('Secret');
    expect((await get('analystB', `/api/meetings/${meeting.meeting.id}`)).statusCode).toBe(404);
    // Listing the decisions of that meeting shows the readable decision, and nothing of the meeting.
    const listed = (await get('analystB', `/api/decisions?meetingId=${meeting.meeting.id}`)).json();
    expect(listed.items.map((d: { id: string }) => d.id)).toEqual([decision.decision.id]);
    expect(JSON.stringify(listed)).not.toContain('Secret');
    // The group is readable, its only meeting is not: the group's meeting list is empty.
    expect(
      (await get('analystB', `/api/meetings?workingGroupId=${group.workingGroup.id}`)).json().items,
    ).toEqual([]);
  });
});
