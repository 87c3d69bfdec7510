/**
 * Writing cooperation programmes over HTTP on both engines: each kind written
 * and read back with its milestone progress, corrections as versions, who may
 * write, field-named validation errors and the decision link. The board and
 * the policy on reads: programmes.board.test.ts.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/storage.js';
import { buildUser, signIn, startTestApp, type TestApp } from '../../../test/support/app.js';
import {
  buildProgrammeDetails,
  buildProgrammeInput,
  coordinationClient,
  issuePathsOf,
  issuesOf,
} from '../../../test/support/programme-factories.js';

const UNKNOWN_ORG = 'identity--00000000-0000-4000-8000-00000000dead';

describeEachEngine('cooperation programmes: writes', (database) => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof buildUser>>;
  let b: Awaited<ReturnType<typeof buildUser>>;
  let analystA: string;
  let analystB: string;
  let groupId: string;
  let meetingId: string;
  let decisionId: string;
  const { send, get, created, chain } = coordinationClient(() => t);

  beforeAll(async () => {
    t = await startTestApp(database());
    a = await buildUser(t.context, { roles: ['analyst'] });
    b = await buildUser(t.context, { roles: ['analyst'] });
    analystA = await signIn(t.app, a.username);
    analystB = await signIn(t.app, b.username);
    ({ groupId, meetingId, decisionId } = await chain(analystA, [a.orgId, b.orgId]));
  });
  afterAll(async () => t.close());

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
    expect(issuePathsOf(mismatch)).toEqual(['details.kind']);
    expect(issuePathsOf(await post({ startDate: '2026-09-01', endDate: '2026-08-31' }))).toEqual([
      'endDate',
    ]);
    const zero = await post({
      details: {
        kind: 'equipment_transfer',
        receivingUnit: 'Unit',
        items: [{ name: 'Radio', quantity: 0, unit: 'sets' }],
      },
    });
    expect(issuePathsOf(zero)).toEqual(['details.items.0.quantity']);
    const training = buildProgrammeDetails('training', a.orgId, b.orgId);
    if (training.kind !== 'training') throw new Error('a training programme was expected');
    const overCompleted = await post({
      kind: 'training',
      details: { ...training, courses: [{ ...training.courses[0], completed: 16 }] },
    });
    expect(issuePathsOf(overCompleted)).toEqual(['details.courses.0.completed']);
    expect(issuePathsOf(await post({ status: 'finished' }))).toEqual(['status']);
    expect(issuePathsOf(await post({ milestones: [{ title: 'x', dueDate: 'soon' }] }))).toEqual([
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
    expect(issuesOf(lead)).toEqual([
      { path: 'leadOrgId', message: 'names an organisation that does not exist' },
    ]);
    const partner = await send(
      analystA,
      'POST',
      '/api/programmes',
      buildProgrammeInput(decisionId, a.orgId, { partnerOrgIds: [b.orgId, UNKNOWN_ORG] }),
    );
    expect(issuePathsOf(partner)).toEqual(['partnerOrgIds.1']);
    const visitor = await send(
      analystA,
      'POST',
      '/api/programmes',
      buildProgrammeInput(decisionId, a.orgId, {
        kind: 'exchange',
        details: buildProgrammeDetails('exchange', a.orgId, UNKNOWN_ORG),
      }),
    );
    expect(issuePathsOf(visitor)).toEqual(['details.visits.0.toOrgId']);
    const trainee = await send(
      analystA,
      'POST',
      '/api/programmes',
      buildProgrammeInput(decisionId, a.orgId, {
        kind: 'training',
        details: buildProgrammeDetails('training', a.orgId, UNKNOWN_ORG),
      }),
    );
    expect(issuePathsOf(trainee)).toEqual(['details.courses.0.participants.1.orgId']);
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
    expect(issuePathsOf(unreadable)).toEqual(['decisionId']);

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
    expect(issuesOf(moved)).toEqual([
      { path: 'decisionId', message: 'a programme cannot move to another decision' },
    ]);
  });
});
