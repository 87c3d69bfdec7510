/**
 * Overdue action items notify their owner organisation, on both engines:
 * once per due date, only to users who may read the item, with read marks
 * per user, paging, and nothing for anyone else.
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
import { listNotificationsOf } from './notifications.repository.js';
import { scanOverdueActionItems } from './overdue-scan.service.js';

describeEachEngine('notifications of overdue action items', (database) => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof buildUser>>;
  let b: Awaited<ReturnType<typeof buildUser>>;
  let c: Awaited<ReturnType<typeof buildUser>>;
  let analystA: string;
  let ownerB: string;
  let colleagueB: string;
  let outsiderC: string;
  let decisionId: string;
  let overdueItem: string;

  const send = (cookie: string, method: 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie, origin: TEST_ORIGIN }, payload });
  const get = (cookie: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie } });
  async function created(cookie: string, url: string, payload: object) {
    const response = await send(cookie, 'POST', url, payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }
  const scan = () =>
    scanOverdueActionItems({ db: t.context.storage.db, clock: t.clock, audit: t.context.audit });
  const itemFor = (owner: string, overrides: object) =>
    created(analystA, '/api/action-items', buildActionItemInput(decisionId, owner, overrides)).then(
      (body: { actionItem: { id: string } }) => body.actionItem.id,
    );

  beforeAll(async () => {
    t = await startTestApp(database());
    a = await buildUser(t.context, { roles: ['analyst'] });
    b = await buildUser(t.context, { roles: ['analyst'] });
    c = await buildUser(t.context, { roles: ['analyst'] });
    analystA = await signIn(t.app, a.username);
    ownerB = await signIn(t.app, b.username);
    colleagueB = await signIn(
      t.app,
      (await buildUser(t.context, { roles: ['viewer'], orgId: b.orgId })).username,
    );
    outsiderC = await signIn(t.app, c.username);
    const members = [a.orgId, b.orgId];
    const group = await created(analystA, '/api/working-groups', buildWorkingGroupInput(members));
    const meeting = await created(
      analystA,
      '/api/meetings',
      buildMeetingInput(group.workingGroup.id, members),
    );
    decisionId = (await created(analystA, '/api/decisions', buildDecisionInput(meeting.meeting.id)))
      .decision.id;
    // The clock stands at 2026-11-28.
    overdueItem = await itemFor(b.orgId, { title: 'Deliver the radios', dueDate: '2026-11-20' });
    // Owned by B but released only to C: B is notified, yet no user of B may read it.
    await itemFor(b.orgId, {
      title: 'Unreadable to its owner',
      dueDate: '2026-11-27',
      marking: 'TLP:AMBER',
      releasableTo: [c.orgId],
    });
    await itemFor(b.orgId, { title: 'Not due yet', dueDate: '2026-12-15' });
    await itemFor(b.orgId, { title: 'Done late', dueDate: '2026-11-01', status: 'done' });
  });
  afterAll(async () => t.close());

  it('notifies each overdue item once, and nothing that is done or not yet due', async () => {
    expect(await scan()).toBe(2);
    expect(await scan()).toBe(0);
  });

  it("shows the owner's users only the items they may read, and nobody else anything", async () => {
    const response = await get(ownerB, '/api/notifications');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      kind: 'action_item.overdue',
      read: false,
      subject: {
        type: 'action-item',
        id: overdueItem,
        title: 'Deliver the radios',
        dueDate: '2026-11-20',
        overdue: true,
      },
    });
    expect(body.unreadCount).toBe(1);
    expect(JSON.stringify(body)).not.toContain('Unreadable to its owner');
    for (const cookie of [analystA, outsiderC]) {
      expect((await get(cookie, '/api/notifications')).json()).toMatchObject({
        items: [],
        unreadCount: 0,
      });
    }
  });

  it('refuses read marks on notifications the caller may not see, as not found', async () => {
    const stored = await listNotificationsOf(
      t.context.storage.db,
      { orgId: b.orgId, userId: b.userId },
      { unreadOnly: false, limit: 10 },
    );
    const hidden = stored.find((row) => row.subject_id !== overdueItem);
    const visible = stored.find((row) => row.subject_id === overdueItem);
    expect(hidden && visible).toBeTruthy();
    const mark = (cookie: string, id: string) =>
      send(cookie, 'POST', `/api/notifications/${id}/read`);
    expect((await mark(ownerB, hidden?.id ?? '')).statusCode).toBe(404);
    expect((await mark(outsiderC, visible?.id ?? '')).statusCode).toBe(404);
    expect((await mark(ownerB, 'notification--not-an-id')).statusCode).toBe(400);
  });

  it('keeps read marks per user', async () => {
    const [notification] = (await get(ownerB, '/api/notifications')).json().items;
    expect(
      (await send(ownerB, 'POST', `/api/notifications/${notification.id}/read`)).statusCode,
    ).toBe(204);
    expect((await get(ownerB, '/api/notifications/unread-count')).json()).toEqual({
      unreadCount: 0,
    });
    expect((await get(ownerB, '/api/notifications?unread=true')).json().items).toEqual([]);
    expect((await get(ownerB, '/api/notifications')).json().items[0].read).toBe(true);
    expect((await get(colleagueB, '/api/notifications/unread-count')).json()).toEqual({
      unreadCount: 1,
    });
    expect((await send(colleagueB, 'POST', '/api/notifications/read')).statusCode).toBe(204);
    expect((await get(colleagueB, '/api/notifications/unread-count')).json()).toEqual({
      unreadCount: 0,
    });
  });

  it('notifies again when a new due date is missed, and shows the current state of the item', async () => {
    const moved = await send(
      analystA,
      'PUT',
      `/api/action-items/${overdueItem}`,
      buildActionItemInput(decisionId, b.orgId, {
        title: 'Deliver the radios',
        dueDate: '2026-12-31',
      }),
    );
    expect(moved.statusCode, moved.body).toBe(200);
    const [old] = (await get(ownerB, '/api/notifications')).json().items;
    expect(old.subject).toMatchObject({ dueDate: '2026-12-31', overdue: false });
    expect(await scan()).toBe(0);
    t.clock.advance(35 * 86_400_000); // 2027-01-02
    expect(await scan()).toBe(2); // the moved item and the one due 2026-12-15
    ownerB = await signIn(t.app, b.username); // the old session has expired meanwhile
    const unread = (await get(ownerB, '/api/notifications?unread=true')).json();
    expect(
      unread.items.map((item: { subject: { dueDate: string } }) => item.subject.dueDate).sort(),
    ).toEqual(['2026-12-15', '2026-12-31']);
  });

  it('pages newest first with a cursor', async () => {
    const first = (await get(ownerB, '/api/notifications?limit=2')).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (
      await get(ownerB, `/api/notifications?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`)
    ).json();
    const ids = [...first.items, ...second.items].map((item: { id: string }) => item.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids).toEqual([...ids].sort().reverse());
    expect((await get(ownerB, '/api/notifications?cursor=bogus')).statusCode).toBe(400);
  });

  it('drops the notification of an item once it is revoked', async () => {
    analystA = await signIn(t.app, a.username); // sessions have expired since the clock moved on
    const item = await itemFor(b.orgId, { title: 'Entered by mistake', dueDate: '2026-12-20' });
    await scan();
    const titles = async () =>
      (await get(ownerB, '/api/notifications?limit=100'))
        .json()
        .items.map((entry: { subject: { title: string } }) => entry.subject.title);
    expect(await titles()).toContain('Entered by mistake');
    const revoked = await send(analystA, 'POST', `/api/action-items/${item}/revoke`, {
      reason: 'Duplicate',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(await titles()).not.toContain('Entered by mistake');
  });
});
