/**
 * Paging the alarm list on both engines when code refuses rows that SQL let
 * through (a movement record whose stored release list cannot be read: the
 * SQL read filter grants it through record_releases, canRead fails closed):
 * pages are full of visible alarms, chain by the cursor to every visible
 * alarm once, newest first, and stop reading after ten rows per item asked.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/storage.js';
import { buildUser, signIn, startTestApp, type TestApp } from '../../../test/support/app.js';
import type { Reader } from '../../core/policy/types.js';
import { readScope } from '../../core/policy/index.js';
import { inTransaction } from '../../storage/executor.js';
import { audienceScope } from './alarms.audience.js';
import { alarmForReader } from './alarms.read.js';
import { listVisibleAlarms } from './alarms.repository.js';
import { raiseAlarm, type AlarmDeps } from './alarms.service.js';
import { buildAlarmRun, type AlarmRun } from './test-support/alarm-run.js';

interface ListPage {
  items: { id: string }[];
  nextCursor: string | null;
}

describeEachEngine('alarm list paging', (database) => {
  let t: TestApp;
  let deps: AlarmDeps;
  const raise = (movementId: string) =>
    inTransaction(deps.db, (trx) =>
      raiseAlarm(deps, trx, {
        movementId,
        reason: 'missed_checkin',
        level: 1,
        lastPosition: null,
      }),
    );

  /** A reader of its own organisation, signed in, and the alarms `spec` raises around it. */
  async function readerWithRun(spec: string): Promise<{
    cookie: string;
    reader: Reader;
    run: AlarmRun;
  }> {
    const user = await buildUser(t.context, { roles: ['analyst'] });
    const stranger = await buildUser(t.context, { roles: ['analyst'] });
    const reader: Reader = {
      userId: user.userId,
      orgId: user.orgId,
      groupIds: [],
      roles: ['analyst'],
      active: true,
    };
    const run = await buildAlarmRun(deps.db, raise, spec, {
      readerOrgId: user.orgId,
      strangerOrgId: stranger.orgId,
    });
    return { cookie: await signIn(t.app, user.username), reader, run };
  }

  /** Follows the cursor from the first page to the one without. */
  async function pagesOf(cookie: string, limit: number): Promise<ListPage[]> {
    const pages: ListPage[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? '' : `&cursor=${cursor}`;
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/alarms?limit=${limit}${query}`,
        headers: { cookie },
      });
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json<ListPage>();
      expect(Object.keys(page).sort()).toEqual(['items', 'nextCursor']);
      pages.push(page);
      cursor = page.nextCursor;
      if (pages.length > 50) throw new Error('the cursor never ends');
    } while (cursor !== null);
    return pages;
  }

  beforeAll(async () => {
    t = await startTestApp(database());
    deps = {
      db: t.context.storage.db,
      clock: t.clock,
      audit: t.context.audit,
      live: t.context.live,
      protection: t.context.config.protection,
    };
  });
  afterAll(async () => {
    await t.close();
  });

  it('lets SQL pass the rows of an unreadable release list and code refuse them', async () => {
    const { reader, run } = await readerWithRun('v r');
    const [refused] = run.refused;
    if (!refused) throw new Error('no refused alarm');
    const sqlRows = await listVisibleAlarms(
      deps.db,
      readScope(reader),
      audienceScope(reader),
      {},
      {
        limit: 10,
      },
    );
    expect(sqlRows.map((row) => row.id)).toEqual(run.listed);
    expect(await alarmForReader(deps, refused, reader)).toBeUndefined();
  });

  it('fills every page with visible alarms and chains to each of them once, newest first', async () => {
    // Newest first: v visible, h hidden by SQL (not in the audience), r refused in code.
    const { cookie, run } = await readerWithRun('r r v h v r r r r r r v v h r v r v v r r');
    const pages = await pagesOf(cookie, 3);
    expect(pages.map((page) => page.items.length)).toEqual([3, 3, 1]);
    expect(pages.flatMap((page) => page.items.map((item) => item.id))).toEqual(run.visible);
    expect(pages.map((page) => page.nextCursor !== null)).toEqual([true, true, false]);
  });

  it('stops after ten rows per item asked and carries on from the last row it examined', async () => {
    const { cookie, run } = await readerWithRun(`v ${'r '.repeat(25)}v v`);
    const pages = await pagesOf(cookie, 2);
    // The first page examined v and 19 refused rows (20 = 10 × 2): short, with a cursor.
    expect(pages.map((page) => page.items.length)).toEqual([1, 2]);
    expect(pages.flatMap((page) => page.items.map((item) => item.id))).toEqual(run.visible);
    expect(pages.map((page) => page.nextCursor !== null)).toEqual([true, false]);
  });

  it('gives no cursor when only refused rows follow a full page', async () => {
    const { cookie, run } = await readerWithRun('v v r r r r r r');
    const pages = await pagesOf(cookie, 2);
    expect(pages).toEqual([{ items: expect.any(Array) as unknown, nextCursor: null }]);
    expect(pages[0]?.items.map((item) => item.id)).toEqual(run.visible);
  });
});
