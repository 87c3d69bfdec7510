/**
 * The movement state machine over HTTP on both engines: who may take each
 * step, refusals with their catalogue codes (approving your own request,
 * wrong states, roles, critical movements needing two different duty
 * officers), transitions recorded in order, and what readers outside the
 * release learn (nothing).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { describeEachEngine } from '../../../test/support/storage.js';
import {
  buildCast,
  buildMovementInput,
  client,
  movementIn,
  type Cast,
} from './test-support/journey.js';

describeEachEngine('movements: the state machine', (database) => {
  let t: TestApp;
  let cast: Cast;
  let http: ReturnType<typeof client>;

  beforeAll(async () => {
    t = await startTestApp(database());
    cast = await buildCast(t);
    http = client(t);
  });
  afterAll(async () => t.close());

  const detail = async (cookie: string, id: string) => {
    const response = await http.get(cookie, `/api/movements/${id}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ movement: Record<string, unknown> & { state: string } }>().movement;
  };

  it('runs a movement from draft to closed, recording every transition in order', async () => {
    const id = await movementIn(t, cast, 'in_transit');
    expect((await http.act(cast.escortField.cookie, id, 'arrive')).statusCode).toBe(200);
    expect((await http.act(cast.requester.cookie, id, 'close')).statusCode).toBe(200);
    const movement = await detail(cast.requester.cookie, id);
    expect(movement.state).toBe('closed');
    const transitions = (movement.timeline as { kind: string; to?: string }[])
      .filter((e) => e.kind === 'transition')
      .map((e) => e.to);
    expect(transitions).toEqual([
      'submitted',
      'approved',
      'escort_assigned',
      'in_transit',
      'arrived',
      'closed',
    ]);
  });

  it('refuses approving your own request with SELF_APPROVAL_REFUSED', async () => {
    const self = await movementIn(t, cast, 'draft', {});
    // The requester's own org admin requests, then tries to approve it.
    const created = await http.send(
      cast.requesterAdmin.cookie,
      'POST',
      '/api/movements',
      buildMovementInput(cast),
    );
    const own = created.json<{ movement: { id: string } }>().movement.id;
    expect((await http.act(cast.requesterAdmin.cookie, own, 'submit')).statusCode).toBe(200);
    const refused = await http.act(cast.requesterAdmin.cookie, own, 'approve');
    expect(refused.statusCode).toBe(403);
    expect(http.errorCode(refused)).toBe('SELF_APPROVAL_REFUSED');
    expect((await detail(cast.requester.cookie, own)).state).toBe('submitted');
    expect((await detail(cast.requester.cookie, self)).state).toBe('draft');
  });

  it('refuses a transition from the wrong state with MOVEMENT_TRANSITION_REFUSED', async () => {
    const id = await movementIn(t, cast, 'draft');
    const refused = await http.act(cast.duty.cookie, id, 'approve');
    expect(refused.statusCode).toBe(409);
    expect(http.errorCode(refused)).toBe('MOVEMENT_TRANSITION_REFUSED');
    const start = await http.act(
      cast.escortField.cookie,
      await movementIn(t, cast, 'approved'),
      'start',
    );
    // The escort organisation cannot read it before it is assigned: it learns nothing.
    expect(start.statusCode).toBe(404);
  });

  it('lets only the requester organisation submit and cancel, and hides the movement from outsiders', async () => {
    const id = await movementIn(t, cast, 'draft');
    expect(http.errorCode(await http.act(cast.duty.cookie, id, 'submit'))).toBe('FORBIDDEN');
    expect(http.errorCode(await http.act(cast.viewer.cookie, id, 'submit'))).toBe('FORBIDDEN');
    expect((await http.act(cast.outsider.cookie, id, 'submit')).statusCode).toBe(404);
    expect((await http.get(cast.outsider.cookie, `/api/movements/${id}`)).statusCode).toBe(404);
    expect((await http.act(cast.requester.cookie, id, 'cancel')).statusCode).toBe(200);
    expect(http.errorCode(await http.act(cast.requester.cookie, id, 'submit'))).toBe(
      'MOVEMENT_TRANSITION_REFUSED',
    );
  });

  it('returns a request for changes, which the requester edits and submits again', async () => {
    const id = await movementIn(t, cast, 'submitted');
    expect(
      (await http.act(cast.duty.cookie, id, 'return', { reason: 'Add the escort vehicles' }))
        .statusCode,
    ).toBe(200);
    const edited = await http.send(
      cast.requester.cookie,
      'PUT',
      `/api/movements/${id}`,
      buildMovementInput(cast, { title: 'Engineers to Dasu (revised)' }),
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<{ movement: { title: string } }>().movement.title).toBe(
      'Engineers to Dasu (revised)',
    );
    expect((await http.act(cast.requester.cookie, id, 'submit')).statusCode).toBe(200);
    expect(
      (await http.act(cast.duty.cookie, id, 'reject', { reason: 'No escort available' }))
        .statusCode,
    ).toBe(200);
    expect((await detail(cast.requester.cookie, id)).state).toBe('rejected');
    const history = await http.get(cast.requester.cookie, `/api/movements/${id}/history`);
    expect(history.json<{ versions: unknown[] }>().versions).toHaveLength(2);
  });

  it('needs a duty officer for a high-risk movement (APPROVER_ROLE_REQUIRED for an org admin)', async () => {
    const id = await movementIn(t, cast, 'submitted');
    const set = await http.send(cast.duty.cookie, 'POST', `/api/movements/${id}/risk/override`, {
      level: 'high',
      reason: 'Threat reporting on the KKH',
    });
    expect(set.statusCode, set.body).toBe(200);
    const admin = await http.act(cast.escortAdmin.cookie, id, 'approve');
    // The escort's org admin cannot read it yet (not released to it): nothing learned.
    expect(admin.statusCode).toBe(404);
    const outsiderAdmin = await http.send(
      cast.requester.cookie,
      'POST',
      '/api/movements',
      buildMovementInput(cast, { marking: 'TLP:GREEN', releasableTo: [] }),
    );
    const green = outsiderAdmin.json<{ movement: { id: string } }>().movement.id;
    await http.act(cast.requester.cookie, green, 'submit');
    await http.send(cast.duty.cookie, 'POST', `/api/movements/${green}/risk/override`, {
      level: 'high',
      reason: 'Threat reporting on the KKH',
    });
    const refused = await http.act(cast.escortAdmin.cookie, green, 'approve');
    expect(refused.statusCode).toBe(403);
    expect(http.errorCode(refused)).toBe('APPROVER_ROLE_REQUIRED');
    expect((await http.act(cast.duty.cookie, green, 'approve')).statusCode).toBe(200);
  });

  it('needs two different duty officers for a critical movement; the first approval leaves it submitted', async () => {
    const id = await movementIn(t, cast, 'submitted');
    await http.send(cast.duty.cookie, 'POST', `/api/movements/${id}/risk/override`, {
      level: 'critical',
      reason: 'Attack expected on the route',
    });
    const first = await http.act(cast.duty.cookie, id, 'approve');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      decision: { state: 'submitted', approvals: 1, required: 2 },
    });
    const again = await http.act(cast.duty.cookie, id, 'approve');
    expect(again.statusCode).toBe(409);
    expect(http.errorCode(again)).toBe('SECOND_APPROVER_REQUIRED');
    const second = await http.act(cast.duty2.cookie, id, 'approve');
    expect(second.json()).toMatchObject({
      decision: { state: 'approved', approvals: 2, required: 2 },
    });
    const movement = await detail(cast.duty.cookie, id);
    expect(movement.approvals).toHaveLength(2);
  });

  it('shows each reader the actions open to them', async () => {
    const id = await movementIn(t, cast, 'submitted');
    expect((await detail(cast.duty.cookie, id)).allowedActions).toEqual(
      expect.arrayContaining(['approve', 'reject', 'return']),
    );
    const own = (await detail(cast.requester.cookie, id)).allowedActions as string[];
    expect(own).toContain('cancel');
    expect(own).not.toContain('approve');
  });

  it("reports an incident during transit and lists today's movements by state", async () => {
    const id = await movementIn(t, cast, 'in_transit');
    expect(
      (await http.act(cast.escortField.cookie, id, 'incident', { reason: 'IED found near Besham' }))
        .statusCode,
    ).toBe(200);
    const list = await http.get(cast.duty.cookie, '/api/movements?state=incident&day=2026-11-28');
    const items = list.json<{ items: { id: string; state: string }[] }>().items;
    expect(items.map((i) => i.id)).toContain(id);
    expect(items.every((i) => i.state === 'incident')).toBe(true);
    const outsider = await http.get(cast.outsider.cookie, '/api/movements?state=incident');
    expect(outsider.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('finds movements by words of their title or ends, in any script, only for readers', async () => {
    const id = await movementIn(t, cast, 'submitted', {
      title: '达苏水电站工程师 convoy',
      destination: { name: 'Dasu camp', lat: 35.28, lon: 73.28 },
    });
    const search = async (cookie: string, q: string) =>
      (await http.get(cookie, `/api/movements?q=${encodeURIComponent(q)}`))
        .json<{ items: { id: string }[] }>()
        .items.map((i) => i.id);
    expect(await search(cast.duty.cookie, '水电站')).toContain(id);
    expect(await search(cast.duty.cookie, 'CONVOY camp')).toContain(id);
    expect(await search(cast.duty.cookie, 'convoy Gwadar')).not.toContain(id);
    expect(await search(cast.outsider.cookie, '水电站')).toEqual([]);
  });
});
