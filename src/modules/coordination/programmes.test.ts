/**
 * Cooperation programmes over HTTP on both engines: each kind written and
 * read back with its milestone progress, corrections as versions, who may
 * write, field-named validation errors, the decision link, the programme
 * board's filters and pages, and the sharing policy on programmes whose
 * decision the reader cannot read.
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
  buildDecisionInput,
  buildMeetingInput,
  buildWorkingGroupInput,
} from '../../../test/support/factories.js';
import {
  buildProgrammeDetails,
  buildProgrammeInput,
} from '../../../test/support/programme-factories.js';

const UNKNOWN_ORG = 'identity--00000000-0000-4000-8000-00000000dead';

describeEachEngine('cooperation programmes', (database) => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof buildUser>>;
  let b: Awaited<ReturnType<typeof buildUser>>;
  let analystA: string;
  let analystB: string;
  let groupId: string;
  let meetingId: string;
  let decisionId: string;

  beforeAll(async () => {
    t = await startTestApp(database());
    a = await buildUser(t.context, { roles: ['analyst'] });
    b = await buildUser(t.context, { roles: ['analyst'] });
    analystA = await signIn(t.app, a.username);
    analystB = await signIn(t.app, b.username);
    const members = [a.orgId, b.orgId];
    ({ groupId, meetingId, decisionId } = await chain(analystA, members));
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
  async function chain(cookie: string, members: string[], sharing: object = {}) {
    const group = (
      await created(cookie, '/api/working-groups', buildWorkingGroupInput(members, sharing))
    ).workingGroup.id as string;
    const meeting = (
      await created(cookie, '/api/meetings', buildMeetingInput(group, members, sharing))
    ).meeting.id as string;
    const decision = (await created(cookie, '/api/decisions', buildDecisionInput(meeting, sharing)))
      .decision.id as string;
    return { groupId: group, meetingId: meeting, decisionId: decision };
  }
  const issues = (response: {
    json(): { error: { issues: { path: string; message: string }[] } };
  }) => response.json().error.issues;
  const issuePaths = (response: Parameters<typeof issues>[0]) =>
    issues(response).map((issue) => issue.path);

  it('records an equipment transfer with its links and milestone progress, corrects it as a version, and refuses the correction to a partner', async () => {
    const input = buildProgrammeInput(decisionId, a.orgId, {
      partnerOrgIds: [b.orgId],
      milestones: [
        { title: 'Contract signed', dueDate: '2026-09-15', doneOn: '2026-09-14' },
        { title: 'Vehicles delivered', dueDate: '2026-11-01' },
        { title: 'Radios delivered', dueDate: '2027-01-15' },
      ],
    });
    const programme = (await created(analystA, '/api/programmes', input)).programme;
    // Today is 2026-11-28 on the test clock: the vehicles are late, the radios come next.
    expect(programme).toMatchObject({
      type: 'programme',
      decisionId,
      meetingId,
      workingGroupId: groupId,
      kind: 'equipment_transfer',
      status: 'in_progress',
      partnerOrgIds: [b.orgId],
      details: input.details,
      overdueMilestones: 1,
      nextMilestone: { title: 'Vehicles delivered', dueDate: '2026-11-01' },
      releasableTo: [],
    });
    expect(programme.id).toMatch(/^programme--/);

    t.clock.advance(1_000);
    const done = input.milestones.map((m) => ({ ...m, doneOn: m.doneOn ?? '2026-11-20' }));
    const corrected = await send(analystA, 'PUT', `/api/programmes/${programme.id}`, {
      ...input,
      milestones: done,
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json().programme).toMatchObject({ overdueMilestones: 0, nextMilestone: null });
    const history = (await get(analystA, `/api/programmes/${programme.id}/history`)).json();
    expect(history.versions).toHaveLength(2);
    expect(history.versions[1].record.milestones[1]).toEqual({
      title: 'Vehicles delivered',
      dueDate: '2026-11-01',
    });

    const byPartner = await send(analystB, 'PUT', `/api/programmes/${programme.id}`, input);
    expect(byPartner.statusCode).toBe(403);
    const seenByB = (await get(analystB, `/api/programmes/${programme.id}`)).json().programme;
    expect(seenByB.title).toBe('Police equipment delivery');
    expect(seenByB.releasableTo).toBeUndefined();
  });

  it.each(['training', 'exchange', 'border_cooperation'] as const)(
    'records a %s programme and reads its details back as written',
    async (kind) => {
      const details = buildProgrammeDetails(kind, a.orgId, b.orgId);
      const programme = (
        await created(
          analystA,
          '/api/programmes',
          buildProgrammeInput(decisionId, a.orgId, { kind, details, endDate: '2027-06-30' }),
        )
      ).programme;
      expect(programme).toMatchObject({ kind, details, endDate: '2027-06-30' });
      const read = (await get(analystB, `/api/programmes/${programme.id}`)).json().programme;
      expect(read.details).toEqual(details);
    },
  );

  it('counts nothing overdue and nothing next once a programme is completed or cancelled', async () => {
    const late = [{ title: 'Handover', dueDate: '2026-10-01' }];
    for (const status of ['completed', 'cancelled'] as const) {
      const programme = (
        await created(
          analystA,
          '/api/programmes',
          buildProgrammeInput(decisionId, a.orgId, { status, milestones: late }),
        )
      ).programme;
      expect(programme).toMatchObject({ overdueMilestones: 0, nextMilestone: null });
    }
    const suspended = (
      await created(
        analystA,
        '/api/programmes',
        buildProgrammeInput(decisionId, a.orgId, { status: 'suspended', milestones: late }),
      )
    ).programme;
    expect(suspended.overdueMilestones).toBe(1);
  });

  it('refuses inconsistent bodies, naming the field at fault', async () => {
    const post = (overrides: object) =>
      send(analystA, 'POST', '/api/programmes', {
        ...buildProgrammeInput(decisionId, a.orgId),
        ...overrides,
      });
    const mismatch = await post({ kind: 'training' });
    expect(mismatch.statusCode).toBe(400);
    expect(issuePaths(mismatch)).toEqual(['details.kind']);
    expect(issuePaths(await post({ startDate: '2026-09-01', endDate: '2026-08-31' }))).toEqual([
      'endDate',
    ]);
    const zero = await post({
      details: {
        kind: 'equipment_transfer',
        receivingUnit: 'Unit',
        items: [{ name: 'Radio', quantity: 0, unit: 'sets' }],
      },
    });
    expect(issuePaths(zero)).toEqual(['details.items.0.quantity']);
    const training = buildProgrammeDetails('training', a.orgId, b.orgId);
    if (training.kind !== 'training') throw new Error('a training programme was expected');
    const overCompleted = await post({
      kind: 'training',
      details: { ...training, courses: [{ ...training.courses[0], completed: 16 }] },
    });
    expect(issuePaths(overCompleted)).toEqual(['details.courses.0.completed']);
    expect(issuePaths(await post({ status: 'finished' }))).toEqual(['status']);
    expect(issuePaths(await post({ milestones: [{ title: 'x', dueDate: 'soon' }] }))).toEqual([
      'milestones.0.dueDate',
    ]);
  });

  it('refuses organisations that do not exist, wherever the programme names them', async () => {
    const lead = await send(
      analystA,
      'POST',
      '/api/programmes',
      buildProgrammeInput(decisionId, UNKNOWN_ORG),
    );
    expect(lead.statusCode).toBe(400);
    expect(issues(lead)).toEqual([
      { path: 'leadOrgId', message: 'names an organisation that does not exist' },
    ]);
    const partner = await send(
      analystA,
      'POST',
      '/api/programmes',
      buildProgrammeInput(decisionId, a.orgId, { partnerOrgIds: [b.orgId, UNKNOWN_ORG] }),
    );
    expect(issuePaths(partner)).toEqual(['partnerOrgIds.1']);
    const visitor = await send(
      analystA,
      'POST',
      '/api/programmes',
      buildProgrammeInput(decisionId, a.orgId, {
        kind: 'exchange',
        details: buildProgrammeDetails('exchange', a.orgId, UNKNOWN_ORG),
      }),
    );
    expect(issuePaths(visitor)).toEqual(['details.visits.0.toOrgId']);
    const trainee = await send(
      analystA,
      'POST',
      '/api/programmes',
      buildProgrammeInput(decisionId, a.orgId, {
        kind: 'training',
        details: buildProgrammeDetails('training', a.orgId, UNKNOWN_ORG),
      }),
    );
    expect(issuePaths(trainee)).toEqual(['details.courses.0.participants.1.orgId']);
  });

  it('refuses a decision the writer cannot read in the words used for an unknown one, and a move to another decision', async () => {
    const hidden = await chain(analystA, [a.orgId], { marking: 'TLP:AMBER' });
    const unreadable = await send(
      analystB,
      'POST',
      '/api/programmes',
      buildProgrammeInput(hidden.decisionId, b.orgId),
    );
    const unknown = await send(
      analystB,
      'POST',
      '/api/programmes',
      buildProgrammeInput('decision--00000000-0000-4000-8000-000000000000', b.orgId),
    );
    expect(unreadable.statusCode).toBe(400);
    expect(unreadable.json().error).toEqual({
      ...unknown.json().error,
      requestId: expect.any(String),
    });
    expect(issuePaths(unreadable)).toEqual(['decisionId']);

    const programme = (
      await created(analystA, '/api/programmes', buildProgrammeInput(decisionId, a.orgId))
    ).programme;
    const moved = await send(
      analystA,
      'PUT',
      `/api/programmes/${programme.id}`,
      buildProgrammeInput(hidden.decisionId, a.orgId),
    );
    expect(moved.statusCode).toBe(400);
    expect(issues(moved)).toEqual([
      { path: 'decisionId', message: 'a programme cannot move to another decision' },
    ]);
  });

  it('shows a readable programme of an unreadable decision with the decision named by id only, and hides an unreadable programme entirely', async () => {
    const secret = await chain(analystA, [a.orgId, b.orgId], {
      marking: 'TLP:AMBER',
      place: 'Secret place',
      text: 'Secret decision',
    });
    const open = (
      await created(analystA, '/api/programmes', buildProgrammeInput(secret.decisionId, a.orgId))
    ).programme;
    const seen = await get(analystB, `/api/programmes/${open.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().programme).toMatchObject({
      decisionId: secret.decisionId,
      meetingId: secret.meetingId,
    });
    expect(JSON.stringify(seen.json())).not.toContain('Secret');
    expect((await get(analystB, `/api/decisions/${secret.decisionId}`)).statusCode).toBe(404);

    const kept = (
      await created(
        analystA,
        '/api/programmes',
        buildProgrammeInput(decisionId, a.orgId, { marking: 'TLP:AMBER', title: 'Kept by A' }),
      )
    ).programme;
    for (const url of [`/api/programmes/${kept.id}`, `/api/programmes/${kept.id}/history`]) {
      expect((await get(analystB, url)).statusCode).toBe(404);
    }
    const put = await send(
      analystB,
      'PUT',
      `/api/programmes/${kept.id}`,
      buildProgrammeInput(decisionId, a.orgId),
    );
    expect(put.statusCode).toBe(404);
    const board = (await get(analystB, '/api/programmes?limit=500')).json();
    const ids = board.items.map((item: { id: string }) => item.id);
    expect(ids).toContain(open.id);
    expect(ids).not.toContain(kept.id);
  });

  it('lists the board by start date with kind, status, group, decision and lead filters and pages', async () => {
    const other = await chain(analystA, [a.orgId, b.orgId]);
    const make = async (
      decision: string,
      startDate: string,
      overrides: Parameters<typeof buildProgrammeInput>[2] = {},
      lead = a.orgId,
    ) =>
      (
        await created(
          analystA,
          '/api/programmes',
          buildProgrammeInput(decision, lead, { startDate, ...overrides }),
        )
      ).programme.id as string;
    const exchange = buildProgrammeDetails('exchange', a.orgId, b.orgId);
    const first = await make(other.decisionId, '2026-01-10', {
      milestones: [{ title: 'Late', dueDate: '2026-02-01' }],
    });
    const second = await make(other.decisionId, '2026-03-01', {
      kind: 'exchange',
      details: exchange,
    });
    const third = await make(other.decisionId, '2026-03-01', { status: 'planned' }, b.orgId);
    const board = (query: string) =>
      get(analystA, `/api/programmes?workingGroupId=${other.groupId}&${query}`).then((r) =>
        r.json(),
      );
    const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

    const all = await board('');
    expect(ids(all)).toEqual([first, second, third]);
    expect(all.items[0]).toMatchObject({
      decisionId: other.decisionId,
      meetingId: other.meetingId,
      workingGroupId: other.groupId,
      kind: 'equipment_transfer',
      startDate: '2026-01-10',
      overdueMilestones: 1,
      nextMilestone: { title: 'Late', dueDate: '2026-02-01' },
      marking: 'TLP:GREEN',
    });
    expect(all.items[0].details).toBeUndefined();
    expect(all.items[0].summary).toBeUndefined();
    expect(ids(await board('kind=exchange'))).toEqual([second]);
    expect(ids(await board('status=planned'))).toEqual([third]);
    expect(ids(await board(`leadOrgId=${b.orgId}`))).toEqual([third]);
    expect(ids(await board(`decisionId=${other.decisionId}&kind=equipment_transfer`))).toEqual([
      first,
      third,
    ]);
    expect(
      ids((await get(analystA, `/api/programmes?decisionId=${other.decisionId}`)).json()),
    ).toEqual([first, second, third]);

    const page1 = await board('limit=2');
    expect(ids(page1)).toEqual([first, second]);
    const page2 = await board(`limit=2&cursor=${page1.nextCursor}`);
    expect(ids(page2)).toEqual([third]);
    expect(page2.nextCursor).toBeNull();
    expect((await get(analystA, '/api/programmes?cursor=nonsense')).statusCode).toBe(400);
    expect((await get(analystA, '/api/programmes?kind=parade')).statusCode).toBe(400);
  });

  it('documents the programme routes and their body in the OpenAPI description', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/programmes',
        '/api/programmes/{id}',
        '/api/programmes/{id}/history',
      ]),
    );
    const body = document.paths['/api/programmes'].post.requestBody.content['application/json'];
    expect(body.schema.required).toEqual(expect.arrayContaining(['decisionId', 'kind', 'details']));
  });
});
