/**
 * Reading cooperation programmes over HTTP on both engines: the sharing
 * policy on programmes whose decision the reader cannot read, the programme
 * board's filters and pages, and the OpenAPI description.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/storage.js';
import { buildUser, signIn, startTestApp, type TestApp } from '../../../test/support/app.js';
import {
  buildProgrammeDetails,
  buildProgrammeInput,
  coordinationClient,
} from '../../../test/support/programme-factories.js';

describeEachEngine('cooperation programmes: the board and reads', (database) => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof buildUser>>;
  let b: Awaited<ReturnType<typeof buildUser>>;
  let analystA: string;
  let analystB: string;
  let decisionId: string;
  const { send, get, created, chain } = coordinationClient(() => t);

  beforeAll(async () => {
    t = await startTestApp(database());
    a = await buildUser(t.context, { roles: ['analyst'] });
    b = await buildUser(t.context, { roles: ['analyst'] });
    analystA = await signIn(t.app, a.username);
    analystB = await signIn(t.app, b.username);
    ({ decisionId } = await chain(analystA, [a.orgId, b.orgId]));
  });
  afterAll(async () => t.close());

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
        '/api/programmes/{id}/revoke',
      ]),
    );
    const body = document.paths['/api/programmes'].post.requestBody.content['application/json'];
    expect(body.schema.required).toEqual(expect.arrayContaining(['decisionId', 'kind', 'details']));
  });
});
