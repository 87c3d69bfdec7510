/**
 * Who sees which alert, over HTTP on both engines: recipients who may read
 * both records; never a recipient who may not read the trigger or the
 * subject; a non-recipient only once the alert escalated and only as a duty
 * officer. Acknowledgement (once, audited, stops escalation) and the
 * escalation handler.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIncidentInput } from '../../../test/support/factories.js';
import { TEST_ORIGIN } from '../../../test/support/app.js';
import { describeEachEngine } from '../../../test/support/storage.js';
import { inTransaction } from '../../storage/executor.js';
import { createIncident } from '../incidents/incidents.service.js';
import { pendingDeadlinesOf } from '../scheduler/deadlines.repository.js';
import { alertDeadlineHandlers } from './alerts.escalation.js';
import { ESCALATE_ALERT } from './alerts.raise.js';
import { findAlert } from './alerts.repository.js';
import { alertsScene, NEAR_DASU, type AlertsScene, type SceneUser } from './test-support/scene.js';

describeEachEngine('alert visibility and acknowledgement', (database) => {
  let s: AlertsScene;
  const cookies = new Map<string, string>();
  let greenSite: string;
  let amberSite: string;
  let restrictedSite: string;
  let greenMovement: string;

  async function incident(point: { lat: number; lon: number }, sharing = {}) {
    const created = await createIncident(
      s.deps,
      buildIncidentInput({
        eventDate: '2026-11-27',
        place: { name: 'Test place', country: 'PK', geoPrecision: 1, ...point },
        ...sharing,
      }),
      s.users.intel.current,
    );
    if (!created.ok) throw new Error(created.error);
    await s.matcher.drain();
    return created.value;
  }
  async function alertFor(triggerId: string, subjectId: string) {
    const row = await s.db
      .selectFrom('alerts')
      .select('id')
      .where('trigger_id', '=', triggerId)
      .where('subject_id', '=', subjectId)
      .executeTakeFirstOrThrow();
    return row.id;
  }
  const cookie = async (user: SceneUser) => {
    const known = cookies.get(user.userId);
    if (known) return known;
    const fresh = await s.cookieOf(user);
    cookies.set(user.userId, fresh);
    return fresh;
  };
  const get = async (user: SceneUser, url: string) =>
    s.t.app.inject({ method: 'GET', url, headers: { cookie: await cookie(user) } });
  const acknowledge = async (user: SceneUser, id: string) =>
    s.t.app.inject({
      method: 'POST',
      url: `/api/alerts/${id}/acknowledge`,
      headers: { cookie: await cookie(user), origin: TEST_ORIGIN },
    });
  async function inbox(user: SceneUser, query = '') {
    const response = await get(user, `/api/alerts${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: { id: string }[] }>().items.map((item) => item.id);
  }
  async function escalate(alertId: string) {
    const [deadline] = await pendingDeadlinesOf(s.db, alertId);
    if (!deadline) throw new Error('no pending escalation');
    const handle = alertDeadlineHandlers(s.deps)[ESCALATE_ALERT];
    await inTransaction(s.db, async (trx) => {
      await handle?.(trx, deadline);
      await trx
        .updateTable('deadlines')
        .set({ state: 'fired' })
        .where('id', '=', deadline.id)
        .execute();
    });
  }

  beforeAll(async () => {
    s = await alertsScene(database());
    const green = await incident(NEAR_DASU);
    greenSite = await alertFor(green, s.siteId);
    greenMovement = await alertFor(green, s.movementId);
    /** AMBER, released to the operator only: the guard is a recipient that may not read it. */
    const amber = await incident(
      { lat: NEAR_DASU.lat + 0.002, lon: NEAR_DASU.lon },
      { marking: 'TLP:AMBER', releasableTo: [s.users.operator.orgId] },
    );
    amberSite = await alertFor(amber, s.siteId);
    const nearGwadar = await incident({ lat: 25.13, lon: 62.33 });
    restrictedSite = await alertFor(nearGwadar, s.restrictedSiteId);
  });
  afterAll(async () => {
    await s.close();
  });

  describe('before escalation', () => {
    it('shows the operator every site alert whose records it reads, newest first', async () => {
      expect(await inbox(s.users.operator)).toEqual([restrictedSite, amberSite, greenSite]);
      expect(await inbox(s.users.operatorViewer, `?subjectId=${s.siteId}`)).toEqual([
        amberSite,
        greenSite,
      ]);
    });

    it('hides from the guard the alerts whose trigger or subject it may not read', async () => {
      expect(await inbox(s.users.guard)).toEqual([greenSite]);
      expect((await get(s.users.guard, `/api/alerts/${amberSite}`)).statusCode).toBe(404);
      expect((await get(s.users.guard, `/api/alerts/${restrictedSite}`)).statusCode).toBe(404);
      expect((await get(s.users.guard, `/api/alerts/${amberSite}.cap.xml`)).statusCode).toBe(404);
    });

    it('shows movement alerts to the requester and escort, not to the site organisations', async () => {
      expect(await inbox(s.users.requester)).toEqual([greenMovement]);
      expect(await inbox(s.users.escort)).toEqual([greenMovement]);
      expect((await get(s.users.operator, `/api/alerts/${greenMovement}`)).statusCode).toBe(404);
    });

    it('shows nothing to an organisation that reads the records but is not addressed', async () => {
      expect(await inbox(s.users.partner)).toEqual([]);
      expect(await inbox(s.users.partnerDuty)).toEqual([]);
      expect((await get(s.users.partnerDuty, `/api/alerts/${greenSite}`)).statusCode).toBe(404);
      expect((await acknowledge(s.users.partnerDuty, greenSite)).statusCode).toBe(404);
    });
  });

  describe('escalation', () => {
    it('raises an unacknowledged alert a level and schedules the next step once more', async () => {
      await escalate(greenSite);
      expect(await findAlert(s.db, greenSite)).toMatchObject({ escalation_level: 1 });
      expect((await pendingDeadlinesOf(s.db, greenSite)).map((d) => d.kind)).toEqual([
        ESCALATE_ALERT,
      ]);
      await escalate(greenSite);
      expect(await findAlert(s.db, greenSite)).toMatchObject({ escalation_level: 2 });
      expect(await pendingDeadlinesOf(s.db, greenSite)).toEqual([]);
      const audit = await s.db
        .selectFrom('audit_log')
        .select('action')
        .where('target_id', '=', greenSite)
        .where('action', '=', 'alert.escalated')
        .execute();
      expect(audit).toHaveLength(2);
    });

    it('shows an escalated alert to duty officers who may read its records, and to no one else', async () => {
      await escalate(amberSite);
      expect(await inbox(s.users.partnerDuty)).toEqual([greenSite]);
      expect(await inbox(s.users.partner)).toEqual([]);
      const detail = await get(s.users.partnerDuty, `/api/alerts/${greenSite}`);
      expect(detail.json()).toMatchObject({
        alert: { id: greenSite, escalationLevel: 2, subject: { id: s.siteId, type: 'site' } },
      });
    });
  });

  describe('acknowledgement', () => {
    it('acknowledges once, audited, and stops the escalation', async () => {
      // A recipient that may not read the subject cannot acknowledge (or learn of) the alert.
      expect((await acknowledge(s.users.guard, restrictedSite)).statusCode).toBe(404);

      // A viewer sees the alert but does not act on it.
      const byViewer = await acknowledge(s.users.operatorViewer, amberSite);
      expect(byViewer.statusCode).toBe(403);
      expect(byViewer.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });

      const first = await acknowledge(s.users.operator, amberSite);
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({
        alert: {
          id: amberSite,
          acknowledged: { userId: s.users.operator.userId, by: expect.stringMatching(/^User /) },
        },
      });
      expect(await pendingDeadlinesOf(s.db, amberSite)).toEqual([]);
      const again = await acknowledge(s.users.operator, amberSite);
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ error: { code: 'ALREADY_ACKNOWLEDGED' } });
      const audit = await s.db
        .selectFrom('audit_log')
        .select(['action', 'actor_user_id'])
        .where('target_id', '=', amberSite)
        .where('action', '=', 'alert.acknowledged')
        .execute();
      expect(audit).toEqual([
        { action: 'alert.acknowledged', actor_user_id: s.users.operator.userId },
      ]);
      expect(await inbox(s.users.operator, '?open=true')).toEqual([restrictedSite, greenSite]);
      expect(await inbox(s.users.operator, '?open=false')).toEqual([amberSite]);
    });

    it('lets a duty officer who sees an escalated alert acknowledge it', async () => {
      const response = await acknowledge(s.users.partnerDuty, greenSite);
      expect(response.statusCode, response.body).toBe(200);
      expect(await inbox(s.users.guard, '?open=true')).toEqual([]);
    });
  });
});
