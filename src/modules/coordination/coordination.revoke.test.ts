/**
 * Revoking coordination records over HTTP on both engines: who may revoke
 * (404 unreadable, 403 readable but not editable), once only (409), as a new
 * version with an audited reason; revoked records leave every list, the
 * action tracker, the programme board and the overdue scan, while their
 * detail still answers; children of a revoked parent stay, and the parent
 * takes no new ones.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/storage.js';
import { buildUser, signIn, startTestApp, type TestApp } from '../../../test/support/app.js';
import {
  buildActionItemInput,
  buildDecisionInput,
  buildMeetingInput,
  buildWorkingGroupInput,
} from '../../../test/support/factories.js';
import {
  buildProgrammeInput,
  coordinationClient,
  issuesOf,
} from '../../../test/support/programme-factories.js';
import { searchAuditLog } from '../audit/audit.repository.js';
import { listOverdueItemRefs } from './action-items.repository.js';

type Sharing = { marking?: 'TLP:GREEN' | 'TLP:AMBER' };
interface Parents {
  groupId: string;
  meetingId: string;
  decisionId: string;
}

describeEachEngine('coordination records: revocation', (database) => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof buildUser>>;
  let b: Awaited<ReturnType<typeof buildUser>>;
  let analystA: string;
  let analystB: string;
  let viewerA: string;
  let parents: Parents;
  const { send, get, created, chain } = coordinationClient(() => t);

  beforeAll(async () => {
    t = await startTestApp(database());
    a = await buildUser(t.context, { roles: ['analyst'] });
    b = await buildUser(t.context, { roles: ['analyst'] });
    analystA = await signIn(t.app, a.username);
    analystB = await signIn(t.app, b.username);
    const viewer = await buildUser(t.context, { roles: ['viewer'], orgId: a.orgId });
    viewerA = await signIn(t.app, viewer.username);
    parents = await chain(analystA, [a.orgId, b.orgId]);
  });
  afterAll(async () => t.close());

  /** Each type: its routes, its list, and a body (for create and correct) under the given parents. */
  const TYPES = [
    {
      type: 'working-group',
      path: '/api/working-groups',
      key: 'workingGroup',
      body: (_: Parents, s: Sharing) => buildWorkingGroupInput([a.orgId, b.orgId], s),
    },
    {
      type: 'meeting',
      path: '/api/meetings',
      key: 'meeting',
      body: (p: Parents, s: Sharing) => buildMeetingInput(p.groupId, [a.orgId, b.orgId], s),
    },
    {
      type: 'decision',
      path: '/api/decisions',
      key: 'decision',
      body: (p: Parents, s: Sharing) => buildDecisionInput(p.meetingId, s),
    },
    {
      type: 'action-item',
      path: '/api/action-items',
      key: 'actionItem',
      body: (p: Parents, s: Sharing) =>
        buildActionItemInput(p.decisionId, b.orgId, { dueDate: '2026-11-01', ...s }),
    },
    {
      type: 'programme',
      path: '/api/programmes',
      key: 'programme',
      body: (p: Parents, s: Sharing) => buildProgrammeInput(p.decisionId, a.orgId, s),
    },
  ] as const;
  type Spec = (typeof TYPES)[number];

  const make = async (spec: Spec, sharing: Sharing = {}, under: Parents = parents) =>
    (await created(analystA, spec.path, spec.body(under, sharing)))[spec.key].id as string;
  const revoke = (cookie: string, path: string, id: string, reason = 'Recorded in error.') =>
    send(cookie, 'POST', `${path}/${id}/revoke`, { reason });
  const listed = async (cookie: string, url: string) =>
    (await get(cookie, url)).json().items.map((item: { id: string }) => item.id) as string[];

  it.each(TYPES)(
    'revokes a $type once, for the originator’s editors only, as a version with an audited reason',
    async (spec) => {
      const id = await make(spec);
      const hidden = await make(spec, { marking: 'TLP:AMBER' });
      const unknownId = `${spec.type}--00000000-0000-4000-8000-000000000000`;
      const unknown = await revoke(analystB, spec.path, unknownId);
      // Unreadable looks like unknown; readable but not editable is forbidden.
      expect(unknown.statusCode).toBe(404);
      expect((await revoke(analystB, spec.path, hidden)).json().error.code).toBe('NOT_FOUND');
      expect((await revoke(analystB, spec.path, id)).statusCode).toBe(403);
      expect((await revoke(viewerA, spec.path, id)).statusCode).toBe(403);
      const empty = await revoke(analystA, spec.path, id, '   ');
      expect(empty.statusCode).toBe(400);
      expect(issuesOf(empty).map((issue) => issue.path)).toEqual(['reason']);
      expect((await revoke(analystA, spec.path, id, 'x'.repeat(1_001))).statusCode).toBe(400);

      t.clock.advance(1_000);
      const revoked = await revoke(analystA, spec.path, id, 'Duplicate of an earlier record.');
      expect(revoked.statusCode, revoked.body).toBe(200);
      expect(revoked.json()[spec.key]).toMatchObject({ id, type: spec.type, revoked: true });
      const again = await revoke(analystA, spec.path, id);
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('CONFLICT');
      // Revocation is final: a correction would quietly un-revoke it.
      const corrected = await send(analystA, 'PUT', `${spec.path}/${id}`, spec.body(parents, {}));
      expect(corrected.statusCode).toBe(409);

      const history = (await get(analystA, `${spec.path}/${id}/history`)).json().versions;
      expect(history.map((v: { revoked: boolean }) => v.revoked)).toEqual([true, false]);
      const audited = await searchAuditLog(t.context.storage.db, {
        action: 'record.revoked',
        targetId: id,
        limit: 5,
      });
      expect(audited).toHaveLength(1);
      expect(audited[0]).toMatchObject({ actor_org_id: a.orgId, target_type: spec.type });
      expect(JSON.parse(audited[0]?.details ?? '{}')).toMatchObject({
        reason: 'Duplicate of an earlier record.',
        marking: 'TLP:GREEN',
      });

      // The detail still answers, to every reader who may read it, so that links resolve.
      const seenByB = await get(analystB, `${spec.path}/${id}`);
      expect(seenByB.statusCode).toBe(200);
      expect(seenByB.json()[spec.key].revoked).toBe(true);
      expect((await get(analystA, `${spec.path}/${hidden}`)).json()[spec.key].revoked).toBe(false);
      for (const cookie of [analystA, analystB]) {
        expect(await listed(cookie, `${spec.path}?limit=500`)).not.toContain(id);
      }
      expect(await listed(analystA, `${spec.path}?limit=500`)).toContain(hidden);
    },
  );

  it('takes revoked items and programmes off the tracker, the board and the overdue scan, and refuses their notes', async () => {
    const [itemSpec, programmeSpec] = [TYPES[3], TYPES[4]];
    const own = await chain(analystA, [a.orgId, b.orgId]);
    const item = await make(itemSpec, {}, own);
    const programme = await make(programmeSpec, {}, own);
    const overdueRefs = async () =>
      (await listOverdueItemRefs(t.context.storage.db, '2026-11-28', { limit: 10_000 })).map(
        (ref) => ref.id,
      );
    const tracker = `/api/action-items?decisionId=${own.decisionId}&overdue=true`;
    const board = `/api/programmes?decisionId=${own.decisionId}`;
    expect(await listed(analystB, tracker)).toEqual([item]);
    expect(await listed(analystB, board)).toEqual([programme]);
    expect(await overdueRefs()).toContain(item);

    expect((await revoke(analystA, itemSpec.path, item)).statusCode).toBe(200);
    expect((await revoke(analystA, programmeSpec.path, programme)).statusCode).toBe(200);
    expect(await listed(analystB, tracker)).toEqual([]);
    expect(
      await listed(analystB, `/api/action-items?ownerOrgId=${b.orgId}&limit=500`),
    ).not.toContain(item);
    expect(await listed(analystB, board)).toEqual([]);
    expect(await overdueRefs()).not.toContain(item);
    // The owner's progress notes stop too: a note is a new version.
    const note = await send(analystB, 'POST', `/api/action-items/${item}/notes`, { text: 'Done.' });
    expect(note.statusCode).toBe(409);
  });

  it('keeps the children of a revoked parent, which takes no new children', async () => {
    const own = await chain(analystA, [a.orgId, b.orgId]);
    const [groupSpec, meetingSpec, decisionSpec, itemSpec, programmeSpec] = TYPES;
    const item = await make(itemSpec, {}, own);
    const programme = await make(programmeSpec, {}, own);
    const otherMeeting = await make(meetingSpec, {}, own);
    for (const [spec, id] of [
      [decisionSpec, own.decisionId],
      [meetingSpec, own.meetingId],
      [groupSpec, own.groupId],
    ] as const) {
      expect((await revoke(analystA, spec.path, id)).statusCode).toBe(200);
    }
    expect(await listed(analystB, '/api/working-groups?limit=500')).not.toContain(own.groupId);
    expect(await listed(analystB, `/api/decisions?meetingId=${own.meetingId}`)).toEqual([]);
    // Nothing cascades: the other meeting, the item and the programme stay, naming their revoked parents.
    expect(await listed(analystB, `/api/meetings?workingGroupId=${own.groupId}`)).toEqual([
      otherMeeting,
    ]);
    expect(await listed(analystB, `/api/action-items?decisionId=${own.decisionId}`)).toEqual([
      item,
    ]);
    expect(await listed(analystB, `/api/programmes?workingGroupId=${own.groupId}`)).toEqual([
      programme,
    ]);
    const decision = await get(analystB, `/api/decisions/${own.decisionId}`);
    expect(decision.json().decision).toMatchObject({ meetingId: own.meetingId, revoked: true });
    const corrected = await send(
      analystA,
      'PUT',
      `/api/action-items/${item}`,
      buildActionItemInput(own.decisionId, b.orgId, { status: 'done' }),
    );
    expect(corrected.statusCode, corrected.body).toBe(200);

    const refused = [
      [meetingSpec, 'workingGroupId', 'names a working group that has been revoked'],
      [decisionSpec, 'meetingId', 'names a meeting that has been revoked'],
      [itemSpec, 'decisionId', 'names a decision that has been revoked'],
      [programmeSpec, 'decisionId', 'names a decision that has been revoked'],
    ] as const;
    for (const [child, path, message] of refused) {
      const response = await send(analystA, 'POST', child.path, child.body(own, {}));
      expect(response.statusCode).toBe(400);
      expect(issuesOf(response)).toEqual([{ path, message }]);
    }
  });
});
