/**
 * Paging the alert inbox on both engines when code refuses rows that SQL let
 * through (a trigger whose stored release list cannot be read: the SQL read
 * filter grants it through record_releases, canRead fails closed): pages are
 * full of visible alerts, chain by the cursor to every visible alert once,
 * newest first, and stop reading after ten rows per item asked.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/storage.js';
import { readScope } from '../../core/policy/index.js';
import { listVisibleAlerts } from './alerts.repository.js';
import { readAlert } from './alerts.service.js';
import { isDutyOfficer } from './alerts.visibility.js';
import { buildAlertRun } from './test-support/alert-run.js';
import { alertsScene, NEAR_DASU, type AlertsScene, type SceneUser } from './test-support/scene.js';

interface InboxPage {
  items: { id: string }[];
  nextCursor: string | null;
}

const NEAR_GWADAR = { lat: 25.13, lon: 62.33 };

describeEachEngine('alert inbox paging', (database) => {
  let s: AlertsScene;
  let cookie: string;

  /** Follows the cursor from the first page to the one without. */
  async function pagesOf(subjectId: string, limit: number): Promise<InboxPage[]> {
    const pages: InboxPage[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? '' : `&cursor=${cursor}`;
      const response = await s.t.app.inject({
        method: 'GET',
        url: `/api/alerts?subjectId=${subjectId}&limit=${limit}${query}`,
        headers: { cookie },
      });
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json<InboxPage>();
      expect(Object.keys(page).sort()).toEqual(['items', 'nextCursor']);
      pages.push(page);
      cursor = page.nextCursor;
      if (pages.length > 50) throw new Error('the cursor never ends');
    } while (cursor !== null);
    return pages;
  }
  const idsOf = (pages: InboxPage[]) => pages.flatMap((page) => page.items.map((item) => item.id));

  beforeAll(async () => {
    s = await alertsScene(database());
    cookie = await s.cookieOf(s.users.operator);
  });
  afterAll(async () => {
    await s.close();
  });

  it('fills every page with visible alerts and chains to each of them once, newest first', async () => {
    // Newest first: v visible, h hidden by SQL (trigger unreadable), r refused in code.
    const run = await buildAlertRun(
      s,
      s.siteId,
      NEAR_DASU,
      'r r v h v r r r r r r v v h r v r v v r r',
    );
    const operator: SceneUser = s.users.operator;
    const sqlRows = await listVisibleAlerts(
      s.db,
      {
        scope: readScope(operator.current),
        orgId: operator.orgId,
        dutyOfficer: isDutyOfficer(operator.current),
      },
      { open: undefined, subjectId: s.siteId, before: undefined, limit: 100 },
    );
    // SQL passes the refused rows; only the check in code keeps them out.
    expect(sqlRows.map((row) => row.id)).toEqual(run.listed);
    const [refused] = run.refused;
    if (!refused) throw new Error('no refused alert');
    expect(await readAlert(s.deps, refused, operator.current)).toBeUndefined();

    const pages = await pagesOf(s.siteId, 3);
    expect(pages.map((page) => page.items.length)).toEqual([3, 3, 1]);
    expect(idsOf(pages)).toEqual(run.visible);
    expect(pages.map((page) => page.nextCursor !== null)).toEqual([true, true, false]);
  });

  it('stops after ten rows per item asked and carries on from the last row it examined', async () => {
    const run = await buildAlertRun(s, s.restrictedSiteId, NEAR_GWADAR, `${'r '.repeat(12)}v v r`);
    const pages = await pagesOf(s.restrictedSiteId, 1);
    // Page 1 examined 10 refused rows (10 × 1) and found nothing: empty, with a cursor.
    expect(pages.map((page) => page.items.length)).toEqual([0, 1, 1]);
    expect(idsOf(pages)).toEqual(run.visible);
    expect(pages.map((page) => page.nextCursor !== null)).toEqual([true, true, false]);
  });
});
