/**
 * Alarms over HTTP on both engines: who sees an alarm at each level (the
 * movement's readers in the level's audience), duress hidden from field-only
 * users, escalation by the scheduler, acknowledgement (roles, once, audited,
 * escalation stopped, live event), lists with open/resolved and paging.
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
import type { Reader, Role } from '../../core/policy/types.js';
import { inTransaction } from '../../storage/executor.js';
import { countAuditEntries } from '../audit/audit.repository.js';
import type { LiveEvent } from '../live/live.bus.js';
import { pendingDeadlinesOf } from '../scheduler/deadlines.repository.js';
import { startScheduler, type RunningScheduler } from '../scheduler/scheduler.service.js';
import { alarmDeadlineHandlers } from './alarms.escalation.js';
import { alarmForReader } from './alarms.read.js';
import { raiseAlarm, resolveAlarms, type AlarmDeps, type AlarmReason } from './alarms.service.js';
import { insertFixtureMovement, insertFixtureSite } from './test-support/movement-fixture.js';

const MINUTE = 60_000;

describeEachEngine('alarms', (database) => {
  let t: TestApp;
  let deps: AlarmDeps;
  let scheduler: RunningScheduler;
  const events: LiveEvent[] = [];
  const orgs: Record<'requester' | 'escort' | 'operator' | 'other' | 'outsider', string> = {
    requester: '',
    escort: '',
    operator: '',
    other: '',
    outsider: '',
  };
  const cookies: Record<string, string> = {};
  const readers: Record<string, Reader> = {};
  let movement: string;

  const get = (who: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: cookies[who] ?? '' } });
  const acknowledge = (who: string, id: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/alarms/${id}/acknowledge`,
      headers: { cookie: cookies[who] ?? '', origin: TEST_ORIGIN },
    });
  const visibleTo = async (who: string, id: string) =>
    (await get(who, `/api/alarms/${id}`)).statusCode === 200;
  const raise = (movementId: string, reason: AlarmReason, level: 1 | 3 = 1) =>
    inTransaction(deps.db, (trx) =>
      raiseAlarm(deps, trx, {
        movementId,
        reason,
        level,
        lastPosition: { lat: 34.5, lon: 73.1, at: t.clock.now().toISOString() },
      }),
    );
  /** Moves the clock and lets the scheduler fire what fell due. */
  const passMinutes = async (minutes: number) => {
    t.clock.advance(minutes * MINUTE);
    await scheduler.runDueNow();
  };

  beforeAll(async () => {
    t = await startTestApp(database());
    deps = {
      db: t.context.storage.db,
      clock: t.clock,
      audit: t.context.audit,
      live: t.context.live,
      protection: t.context.config.protection,
    };
    t.context.live.subscribe((event) => events.push(event));
    scheduler = startScheduler(
      { db: deps.db, clock: t.clock, capabilities: t.context.storage.capabilities },
      alarmDeadlineHandlers(deps),
      { pollMs: 60_000, log: { error: () => undefined, info: () => undefined } },
    );
    for (const name of Object.keys(orgs) as (keyof typeof orgs)[])
      orgs[name] = (await buildUser(t.context, { roles: ['viewer'] })).orgId;
    const people: [string, keyof typeof orgs, Role[]][] = [
      ['requesterAnalyst', 'requester', ['analyst']],
      ['requesterField', 'requester', ['field']],
      ['escortField', 'escort', ['field']],
      ['duty', 'other', ['duty_officer']],
      ['operatorAdmin', 'operator', ['org_admin']],
      ['otherAdmin', 'other', ['org_admin']],
      ['liaison', 'other', ['liaison']],
      ['outsiderDuty', 'outsider', ['duty_officer']],
    ];
    for (const [name, org, roles] of people) {
      const user = await buildUser(t.context, { roles, orgId: orgs[org] });
      readers[name] = { userId: user.userId, orgId: user.orgId, groupIds: [], roles, active: true };
      cookies[name] = await signIn(t.app, user.username);
    }
    const site = await insertFixtureSite(deps.db, {
      operatorOrgId: orgs.operator,
      marking: 'TLP:GREEN',
    });
    movement = await insertFixtureMovement(deps.db, {
      createdBy: orgs.requester,
      requesterOrgId: orgs.requester,
      escortOrgId: orgs.escort,
      destinationSiteId: site,
      // Not released to `outsider`: its duty officer never sees its alarms, at any level.
      marking: 'TLP:AMBER',
      releasableTo: [orgs.escort, orgs.operator, orgs.other],
    });
  });
  afterAll(async () => {
    await scheduler.stop();
    await t.close();
  });

  it('shows an L1 alarm to the requester and escort organisations only', async () => {
    const id = await raise(movement, 'missed_checkin');
    expect(await visibleTo('requesterAnalyst', id)).toBe(true);
    expect(await visibleTo('escortField', id)).toBe(true);
    for (const who of ['duty', 'operatorAdmin', 'otherAdmin', 'liaison', 'outsiderDuty'])
      expect(await visibleTo(who, id), who).toBe(false);
    const body = (await get('requesterAnalyst', `/api/alarms/${id}`)).json();
    expect(body).toMatchObject({
      id,
      movement: { id: movement, title: 'Islamabad to Dasu' },
      reason: 'missed_checkin',
      level: 1,
      escalatedAt: null,
      lastPosition: { lat: 34.5, lon: 73.1 },
      acknowledged: null,
      resolvedAt: null,
    });
    await inTransaction(deps.db, (trx) => resolveAlarms(deps, trx, movement, ['missed_checkin']));
  });

  it('escalates an unacknowledged alarm to L2 and L3 on its deadlines, widening the audience', async () => {
    const id = await raise(movement, 'overdue_arrival');
    await passMinutes(14);
    expect((await get('requesterAnalyst', `/api/alarms/${id}`)).json()).toMatchObject({ level: 1 });
    const escalationsBefore = await countAuditEntries(deps.db, 'alarm.escalated');
    events.length = 0;
    await passMinutes(1);
    expect((await get('requesterAnalyst', `/api/alarms/${id}`)).json()).toMatchObject({ level: 2 });
    expect(await countAuditEntries(deps.db, 'alarm.escalated')).toBe(escalationsBefore + 1);
    expect(events).toContainEqual({ channel: 'alarm', id, change: 'escalated' });
    expect(await visibleTo('duty', id)).toBe(true);
    expect(await visibleTo('operatorAdmin', id)).toBe(true);
    for (const who of ['otherAdmin', 'liaison', 'outsiderDuty'])
      expect(await visibleTo(who, id), who).toBe(false);
    await passMinutes(15);
    expect((await get('liaison', `/api/alarms/${id}`)).json()).toMatchObject({ level: 3 });
    expect(await visibleTo('outsiderDuty', id)).toBe(false); // cannot read the movement
    expect(await pendingDeadlinesOf(deps.db, id)).toEqual([]); // nothing after L3
    await inTransaction(deps.db, (trx) => resolveAlarms(deps, trx, movement, ['overdue_arrival']));
  });

  it('never shows a duress alarm to field-only users, on any path', async () => {
    const id = await raise(movement, 'duress', 3);
    for (const who of ['requesterField', 'escortField']) {
      expect(await visibleTo(who, id), who).toBe(false);
      const list = (await get(who, '/api/alarms')).json<{ items: { id: string }[] }>();
      expect(list.items.map((item) => item.id)).not.toContain(id);
      expect((await acknowledge(who, id)).statusCode).toBe(404);
      const reader = readers[who];
      if (!reader) throw new Error(`no reader ${who}`);
      expect(await alarmForReader(deps, id, reader)).toBeUndefined();
    }
    expect(await visibleTo('requesterAnalyst', id)).toBe(true);
    expect(await visibleTo('duty', id)).toBe(true);
    expect(await visibleTo('liaison', id)).toBe(true);
    await inTransaction(deps.db, (trx) => resolveAlarms(deps, trx, movement, ['duress']));
  });

  it('lets a field user acknowledge an alarm that is not duress', async () => {
    const id = await raise(movement, 'missed_checkin');
    const response = await acknowledge('escortField', id);
    expect(response.statusCode, response.body).toBe(200);
    await inTransaction(deps.db, (trx) => resolveAlarms(deps, trx, movement, ['missed_checkin']));
  });

  it('acknowledges once: audited, escalation stopped, live event; others refused', async () => {
    const id = await raise(movement, 'missed_checkin');
    await passMinutes(15); // L2: the duty officer sees it
    expect((await acknowledge('requesterAnalyst', id)).statusCode).toBe(403);
    expect((await acknowledge('outsiderDuty', id)).statusCode).toBe(404);
    const audited = await countAuditEntries(deps.db, 'alarm.acknowledged');
    events.length = 0;
    const response = await acknowledge('duty', id);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      id,
      level: 2,
      acknowledged: { at: t.clock.now().toISOString(), by: expect.stringContaining('User ') },
    });
    expect(events).toContainEqual({ channel: 'alarm', id, change: 'acknowledged' });
    expect(await countAuditEntries(deps.db, 'alarm.acknowledged')).toBe(audited + 1);
    expect(await pendingDeadlinesOf(deps.db, id)).toEqual([]);
    const again = await acknowledge('operatorAdmin', id);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'ALREADY_ACKNOWLEDGED' } });
    await passMinutes(60);
    expect((await get('duty', `/api/alarms/${id}`)).json()).toMatchObject({ level: 2 });
  });

  it('lists visible alarms newest first, open or resolved, page by page', async () => {
    const other = await insertFixtureMovement(deps.db, {
      createdBy: orgs.requester,
      requesterOrgId: orgs.requester,
      marking: 'TLP:GREEN',
    });
    const older = await raise(other, 'missed_checkin');
    const newer = await raise(other, 'overdue_arrival');
    const open = (await get('requesterAnalyst', '/api/alarms?open=true')).json<{
      items: { id: string; resolvedAt: string | null }[];
    }>();
    expect(open.items.slice(0, 2).map((item) => item.id)).toEqual([newer, older]);
    expect(open.items.every((item) => item.resolvedAt === null)).toBe(true);
    const resolved = (await get('requesterAnalyst', '/api/alarms?open=false')).json<{
      items: { resolvedAt: string | null }[];
    }>();
    expect(resolved.items.length).toBeGreaterThan(0);
    expect(resolved.items.every((item) => item.resolvedAt !== null)).toBe(true);
    const first = (await get('requesterAnalyst', '/api/alarms?limit=1')).json<{
      items: { id: string }[];
      nextCursor: string;
    }>();
    expect(first.items.map((item) => item.id)).toEqual([newer]);
    const second = (
      await get('requesterAnalyst', `/api/alarms?limit=1&cursor=${first.nextCursor}`)
    ).json<{ items: { id: string }[] }>();
    expect(second.items.map((item) => item.id)).toEqual([older]);
    expect((await get('requesterAnalyst', '/api/alarms?cursor=bogus')).statusCode).toBe(400);
    // The escort organisation is not on this movement: it sees neither.
    const escort = (await get('escortField', '/api/alarms')).json<{ items: { id: string }[] }>();
    expect(escort.items.map((item) => item.id)).not.toContain(newer);
  });

  it('answers 404 for an alarm that does not exist and 400 for a malformed id', async () => {
    expect(
      (await get('duty', '/api/alarms/alarm--00000000-0000-7000-8000-000000000000')).statusCode,
    ).toBe(404);
    expect((await get('duty', '/api/alarms/not-an-id')).statusCode).toBe(400);
  });
});
