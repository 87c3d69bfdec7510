/**
 * Writing coordination records over HTTP on both engines: the chain from
 * working group to action item, versions, who may write, progress notes,
 * field-named validation errors, and the action tracker's filters and pages.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/storage.js';
import {
  buildUser,
  signIn,
  startTestApp,
  TEST_ORIGIN,
  type TestApp,
} from '../../../test/support/app.js';
import {
  buildActionItemInput,
  buildDecisionInput,
  buildMeetingInput,
  buildWorkingGroupInput,
} from '../../../test/support/factories.js';

const UNKNOWN_ORG = 'identity--00000000-0000-4000-8000-00000000dead';

describeEachEngine('coordination records: writes and the action tracker', (database) => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof buildUser>>;
  let b: Awaited<ReturnType<typeof buildUser>>;
  let analystA: string;
  let analystB: string;
  let viewerA: string;
  let groupId: string;
  let meetingId: string;
  let decisionId: string;

  beforeAll(async () => {
    t = await startTestApp(database());
    a = await buildUser(t.context, { roles: ['analyst'] });
    b = await buildUser(t.context, { roles: ['analyst'] });
    analystA = await signIn(t.app, a.username);
    analystB = await signIn(t.app, b.username);
    viewerA = await signIn(
      t.app,
      (await buildUser(t.context, { roles: ['viewer'], orgId: a.orgId })).username,
    );
    const members = [a.orgId, b.orgId];
    groupId = (await created(analystA, '/api/working-groups', buildWorkingGroupInput(members)))
      .workingGroup.id;
    meetingId = (await created(analystA, '/api/meetings', buildMeetingInput(groupId, members)))
      .meeting.id;
    decisionId = (await created(analystA, '/api/decisions', buildDecisionInput(meetingId))).decision
      .id;
  });
  afterAll(async () => t.close());

  const send = (cookie: string, method: 'POST' | 'PUT', url: string, payload: object) =>
    t.app.inject({ method, url, headers: { cookie, origin: TEST_ORIGIN }, payload });
  const get = (cookie: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie } });
  async function created(cookie: string, url: string, payload: object) {
    const response = await send(cookie, 'POST', url, payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }
  const issuePaths = (response: { json(): { error: { issues: { path: string }[] } } }) =>
    response.json().error.issues.map((issue) => issue.path);

  it('records an action item of a decision, corrects it as a new version, and refuses the correction to a partner', async () => {
    const item = (
      await created(analystA, '/api/action-items', buildActionItemInput(decisionId, b.orgId))
    ).actionItem;
    expect(item).toMatchObject({
      type: 'action-item',
      decisionId,
      ownerOrgId: b.orgId,
      status: 'open',
      overdue: false,
      progressNotes: [],
      releasableTo: [],
    });
    t.clock.advance(1_000);
    const corrected = await send(
      analystA,
      'PUT',
      `/api/action-items/${item.id}`,
      buildActionItemInput(decisionId, b.orgId, { status: 'in_progress' }),
    );
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json().actionItem.status).toBe('in_progress');
    const history = (await get(analystA, `/api/action-items/${item.id}/history`)).json();
    expect(history.versions.map((v: { record: { status: string } }) => v.record.status)).toEqual([
      'in_progress',
      'open',
    ]);
    const byPartner = await send(
      analystB,
      'PUT',
      `/api/action-items/${item.id}`,
      buildActionItemInput(decisionId, b.orgId, { status: 'done' }),
    );
    expect(byPartner.statusCode).toBe(403);
    // The partner sees the item but not who else it was released to.
    const seenByB = (await get(analystB, `/api/action-items/${item.id}`)).json().actionItem;
    expect(seenByB.status).toBe('in_progress');
    expect(seenByB.releasableTo).toBeUndefined();
  });

  it('lets the owning organisation append progress notes, but not a viewer nor an outsider', async () => {
    const item = (
      await created(
        analystA,
        '/api/action-items',
        buildActionItemInput(decisionId, b.orgId, {
          marking: 'TLP:AMBER',
          releasableTo: [b.orgId],
        }),
      )
    ).actionItem;
    t.clock.advance(60_000);
    const note = await send(analystB, 'POST', `/api/action-items/${item.id}/notes`, {
      text: 'Draft sent to the border police.',
    });
    expect(note.statusCode, note.body).toBe(201);
    expect(note.json().actionItem.progressNotes).toEqual([
      {
        at: t.clock.now().toISOString(),
        byUser: b.userId,
        text: 'Draft sent to the border police.',
      },
    ]);
    // The note is a new version; the originator and sharing stay.
    expect(note.json().actionItem).toMatchObject({ createdBy: a.orgId, marking: 'TLP:AMBER' });
    const viewerNote = await send(viewerA, 'POST', `/api/action-items/${item.id}/notes`, {
      text: 'x',
    });
    expect(viewerNote.statusCode).toBe(403);
    const outsider = await buildUser(t.context, { roles: ['analyst'] });
    const outsiderNote = await send(
      await signIn(t.app, outsider.username),
      'POST',
      `/api/action-items/${item.id}/notes`,
      { text: 'x' },
    );
    expect(outsiderNote.statusCode).toBe(404);
    // A correction by the originator keeps the notes.
    const corrected = await send(
      analystA,
      'PUT',
      `/api/action-items/${item.id}`,
      buildActionItemInput(decisionId, b.orgId, { marking: 'TLP:AMBER', releasableTo: [b.orgId] }),
    );
    expect(corrected.json().actionItem.progressNotes).toHaveLength(1);
  });

  it('refuses a chair or secretary who is not a member, and an unknown member, naming the field', async () => {
    const chair = await send(
      analystA,
      'POST',
      '/api/working-groups',
      buildWorkingGroupInput([a.orgId], { chairOrgId: b.orgId }),
    );
    expect(chair.statusCode).toBe(400);
    expect(issuePaths(chair)).toContain('chairOrgId');
    const secretary = await send(
      analystA,
      'POST',
      '/api/working-groups',
      buildWorkingGroupInput([a.orgId], { secretaryOrgId: b.orgId }),
    );
    expect(issuePaths(secretary)).toContain('secretaryOrgId');
    const unknown = await send(
      analystA,
      'POST',
      '/api/working-groups',
      buildWorkingGroupInput([a.orgId, UNKNOWN_ORG]),
    );
    expect(unknown.statusCode).toBe(400);
    expect(issuePaths(unknown)).toEqual(['memberOrgIds']);
  });

  it('refuses minutes over 50,000 characters, a malformed date and an unknown participant', async () => {
    const long = await send(
      analystA,
      'POST',
      '/api/meetings',
      buildMeetingInput(groupId, [a.orgId], { minutes: 'x'.repeat(50_001) }),
    );
    expect(long.statusCode).toBe(400);
    expect(issuePaths(long)).toContain('minutes');
    const date = await send(analystA, 'POST', '/api/meetings', {
      ...buildMeetingInput(groupId, [a.orgId]),
      date: '20 November',
    });
    expect(issuePaths(date)).toContain('date');
    const participant = await send(
      analystA,
      'POST',
      '/api/meetings',
      buildMeetingInput(groupId, [UNKNOWN_ORG]),
    );
    expect(issuePaths(participant)).toEqual(['participantOrgIds']);
  });

  it('refuses a meeting of a group the writer cannot read, in the words used for an unknown one', async () => {
    const hidden = (
      await created(
        analystA,
        '/api/working-groups',
        buildWorkingGroupInput([a.orgId], { marking: 'TLP:AMBER' }),
      )
    ).workingGroup.id;
    const unreadable = await send(
      analystB,
      'POST',
      '/api/meetings',
      buildMeetingInput(hidden, [b.orgId]),
    );
    const unknown = await send(
      analystB,
      'POST',
      '/api/meetings',
      buildMeetingInput('working-group--00000000-0000-4000-8000-000000000000', [b.orgId]),
    );
    expect(unreadable.statusCode).toBe(400);
    expect(unreadable.json().error).toEqual({
      ...unknown.json().error,
      requestId: expect.any(String),
    });
    expect(issuePaths(unreadable)).toEqual(['workingGroupId']);
    expect((await get(analystB, `/api/working-groups/${hidden}`)).statusCode).toBe(404);
    expect(
      (
        await send(
          analystB,
          'PUT',
          `/api/working-groups/${hidden}`,
          buildWorkingGroupInput([b.orgId]),
        )
      ).statusCode,
    ).toBe(404);
  });

  it('refuses to move a decision to another meeting', async () => {
    const other = (await created(analystA, '/api/meetings', buildMeetingInput(groupId, [a.orgId])))
      .meeting.id;
    const moved = await send(
      analystA,
      'PUT',
      `/api/decisions/${decisionId}`,
      buildDecisionInput(other),
    );
    expect(moved.statusCode).toBe(400);
    expect(issuePaths(moved)).toEqual(['meetingId']);
  });

  it('tracks items across groups by due date, with overdue, owner, status and group filters and pages', async () => {
    const group2 = (
      await created(
        analystA,
        '/api/working-groups',
        buildWorkingGroupInput([a.orgId], { name: 'Training' }),
      )
    ).workingGroup.id;
    const meeting2 = (
      await created(analystA, '/api/meetings', buildMeetingInput(group2, [a.orgId]))
    ).meeting.id;
    const decision2 = (await created(analystA, '/api/decisions', buildDecisionInput(meeting2)))
      .decision.id;
    const make = async (
      decision: string,
      title: string,
      dueDate: string,
      status = 'open',
      owner = a.orgId,
    ) =>
      (
        await created(
          analystA,
          '/api/action-items',
          buildActionItemInput(decision, owner, {
            title,
            dueDate,
            status: status as 'open',
          }),
        )
      ).actionItem.id as string;
    // Today is 2026-11-28 on the test clock.
    const late = await make(decision2, 'late', '2026-11-01');
    const lateButDone = await make(decision2, 'late but done', '2026-11-02', 'done');
    const dueToday = await make(decisionId, 'due today', '2026-11-28', 'blocked');
    const later = await make(decision2, 'later', '2027-01-10', 'open', b.orgId);
    const tracker = (query: string) =>
      get(analystA, `/api/action-items?workingGroupId=${group2}&${query}`).then((r) => r.json());
    const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

    expect(ids(await tracker(''))).toEqual([late, lateButDone, later]);
    expect(ids(await tracker('overdue=true'))).toEqual([late]);
    expect((await tracker('overdue=true')).items[0].overdue).toBe(true);
    expect(ids(await tracker('overdue=false'))).toEqual([lateButDone, later]);
    expect(ids(await tracker(`ownerOrgId=${b.orgId}`))).toEqual([later]);
    expect(ids(await tracker('status=done'))).toEqual([lateButDone]);
    expect(ids(await tracker('dueBefore=2026-11-02'))).toEqual([late]);
    const all = await get(analystA, '/api/action-items?status=blocked');
    expect(ids(all.json())).toEqual([dueToday]);

    const first = await tracker('limit=2');
    expect(ids(first)).toEqual([late, lateButDone]);
    const second = await tracker(`limit=2&cursor=${first.nextCursor}`);
    expect(ids(second)).toEqual([later]);
    expect(second.nextCursor).toBeNull();
    expect((await get(analystA, '/api/action-items?cursor=nonsense')).statusCode).toBe(400);

    // Time passes: the injectable clock decides what is overdue (a fresh session, the old one has expired).
    t.clock.set('2027-02-01T00:00:00.000Z');
    const later2027 = await signIn(t.app, a.username);
    const overdueLater = await get(
      later2027,
      `/api/action-items?workingGroupId=${group2}&overdue=true`,
    );
    expect(ids(overdueLater.json())).toEqual([late, later]);
    t.clock.set('2026-11-28T12:00:00.000Z');
    analystA = await signIn(t.app, a.username);
    analystB = await signIn(t.app, b.username);
  });

  it('lists meetings of a group and decisions of a meeting', async () => {
    const meetings = (await get(analystB, `/api/meetings?workingGroupId=${groupId}`)).json();
    expect(meetings.items.map((m: { id: string }) => m.id)).toContain(meetingId);
    expect(
      meetings.items.every((m: { workingGroupId: string }) => m.workingGroupId === groupId),
    ).toBe(true);
    const decisions = (await get(analystB, `/api/decisions?meetingId=${meetingId}`)).json();
    expect(decisions.items.map((d: { id: string }) => d.id)).toEqual([decisionId]);
    const groups = (await get(analystB, '/api/working-groups')).json();
    expect(groups.items.map((g: { id: string }) => g.id)).toContain(groupId);
  });
});
