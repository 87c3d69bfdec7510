/**
 * Policy everywhere, for the situation report: users of four organisations,
 * and on the report's day incidents, threat reports and overdue action items
 * of every marking (plus drafts, other days, items not overdue). Each
 * reader's report holds exactly what the policy allows — on both engines.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { canRead } from '../../core/policy/index.js';
import {
  createPolicyUsers,
  EVERYONE,
  SHARING_CASES,
  type PolicyUsers,
  type Who,
} from '../../../test/support/policy-cases.js';
import { describeEachEngine } from '../../../test/support/storage.js';
import { startTestApp, TEST_ORIGIN, type TestApp } from '../../../test/support/app.js';
import {
  buildActionItemInput,
  buildDecisionInput,
  buildIncidentInput,
  buildMeetingInput,
  buildThreatReportInput,
  buildWorkingGroupInput,
} from '../../../test/support/factories.js';
import { countAuditEntries, searchAuditLog } from '../audit/audit.repository.js';
import { toCurrentUser } from '../identity/identity.presenter.js';
import { findUser } from '../identity/users.repository.js';
import { findIncidentForEdit } from '../incidents/incidents.repository.js';
import { toShareable } from '../records/records.repository.js';

/** The test clock's day. */
const DAY = '2026-11-28';
type What =
  | 'incident'
  | 'otherDayIncident'
  | 'validThreat'
  | 'draftThreat'
  | 'publishedTodayThreat'
  | 'publishedEarlierThreat'
  | 'overdueItem'
  | 'laterItem'
  | 'doneItem';
type Made = Record<What, string>;
/** What a reader of the case sees in the day's report. */
const SHOWN: readonly What[] = ['incident', 'validThreat', 'publishedTodayThreat', 'overdueItem'];

describeEachEngine('the situation report under the sharing policy', (database) => {
  let t: TestApp;
  let users: PolicyUsers;
  const made = new Map<string, Made>();

  const post = async (who: Who, url: string, payload: object, status = 201) => {
    const response = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: users.cookies.get(who) ?? '', origin: TEST_ORIGIN },
      payload,
    });
    expect(response.statusCode, response.body).toBe(status);
    return response.json();
  };
  const get = (who: Who, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: users.cookies.get(who) ?? '' } });

  const threat = async (who: Who, input: object, publish: boolean) => {
    const id = (await post(who, '/api/threat-reports', buildThreatReportInput(input))).threatReport
      .id as string;
    t.clock.advance(1_000);
    if (publish) await post(who, `/api/threat-reports/${id}/publish`, {}, 200);
    return id;
  };

  beforeAll(async () => {
    t = await startTestApp(database());
    users = await createPolicyUsers(t.context, t.app);
    const members = [...users.orgIds.values()];
    const october = {
      validFrom: '2026-10-01T00:00:00.000Z',
      validUntil: '2026-10-10T00:00:00.000Z',
    };
    for (const c of SHARING_CASES) {
      const sharing = { marking: c.marking, releasableTo: users.releaseListOf(c) };
      // Published on another day, valid on other days: never in the day's report.
      t.clock.set('2026-10-05T10:00:00.000Z');
      const publishedEarlierThreat = await threat(c.author, { ...october, ...sharing }, true);
      t.clock.set('2026-11-28T09:00:00.000Z');
      const place = {
        name: 'Besham',
        admin1: 'Khyber Pakhtunkhwa',
        country: 'PK',
        lat: 34.92,
        lon: 72.87,
        geoPrecision: 2 as const,
      };
      const incident = await post(
        c.author,
        '/api/incidents',
        buildIncidentInput({ eventDate: DAY, place, ...sharing }),
      );
      const otherDay = await post(
        c.author,
        '/api/incidents',
        buildIncidentInput({ eventDate: '2026-10-01', ...sharing }),
      );
      const validThreat = await threat(
        c.author,
        { title: c.name, validFrom: '2026-11-20T00:00:00.000Z', ...sharing },
        true,
      );
      const draftThreat = await threat(
        c.author,
        { validFrom: '2026-11-20T00:00:00.000Z', ...sharing },
        false,
      );
      const publishedTodayThreat = await threat(c.author, { ...october, ...sharing }, true);
      const group = await post(
        c.author,
        '/api/working-groups',
        buildWorkingGroupInput(members, sharing),
      );
      const meeting = await post(
        c.author,
        '/api/meetings',
        buildMeetingInput(group.workingGroup.id, members, sharing),
      );
      const decision = await post(
        c.author,
        '/api/decisions',
        buildDecisionInput(meeting.meeting.id, sharing),
      );
      const item = (overrides: object) =>
        post(
          c.author,
          '/api/action-items',
          buildActionItemInput(decision.decision.id, users.orgIds.get('orgC') ?? '', {
            ...sharing,
            ...overrides,
          }),
        );
      made.set(c.name, {
        incident: incident.incident.id,
        otherDayIncident: otherDay.incident.id,
        validThreat,
        draftThreat,
        publishedTodayThreat,
        publishedEarlierThreat,
        overdueItem: (await item({ dueDate: '2026-11-01' })).actionItem.id,
        laterItem: (await item({ dueDate: '2026-12-15' })).actionItem.id,
        doneItem: (await item({ dueDate: '2026-11-01', status: 'done' })).actionItem.id,
      });
    }
  });
  afterAll(async () => t.close());

  it.each(EVERYONE)(
    'shows %s exactly what the policy lets them read, and nothing else',
    async (who) => {
      const response = await get(who, `/api/sitrep?date=${DAY}`);
      expect(response.statusCode, response.body).toBe(200);
      const { sitrep } = response.json();
      const shownIds = new Set<string>([
        ...sitrep.incidents.items.map((i: { id: string }) => i.id),
        ...sitrep.threats.items.map((i: { id: string }) => i.id),
        ...sitrep.actionItems.overdue.map((i: { id: string }) => i.id),
      ]);
      const readable = SHARING_CASES.filter((c) => c.readers.includes(who));
      const expected = readable.flatMap((c) => SHOWN.map((what) => made.get(c.name)?.[what]));
      expect([...shownIds].sort()).toEqual(expected.sort());
      expect(sitrep.incidents.total).toBe(readable.length);
      expect(sitrep.threats.total).toBe(2 * readable.length);
      expect(sitrep.actionItems.total).toBe(readable.length);

      // The table above agrees with the policy itself.
      const row = await findUser(t.context.storage.db, users.userIds.get(who) ?? '');
      if (!row) throw new Error('user missing');
      for (const c of SHARING_CASES) {
        const stored = await findIncidentForEdit(
          t.context.storage.db,
          made.get(c.name)?.incident ?? '',
        );
        if (!stored) throw new Error('incident missing');
        expect(canRead(toCurrentUser(row), toShareable(stored.record))).toBe(
          c.readers.includes(who),
        );
      }

      // Sums agree with the list; the chart counts the same incidents.
      const byArea = sitrep.incidents.byArea as { count: number; area: string }[];
      expect(byArea.reduce((sum, area) => sum + area.count, 0)).toBe(readable.length);
      if (readable.length > 0) expect(byArea[0]?.area).toBe('Khyber Pakhtunkhwa');
      const byType = sitrep.chart.incidentsByEventType as { count: number }[];
      expect(byType.reduce((sum, bar) => sum + bar.count, 0)).toBe(readable.length);
      expect(sitrep.chart.incidentsByDay).toHaveLength(7);
      expect(sitrep.chart.incidentsByDay.at(-1)).toEqual({ date: DAY, count: readable.length });
      expect(sitrep.organisation.id).toBe(row.org_id);
      expect(sitrep.sources).toEqual([
        'incidents',
        'threat-reports',
        'action-items',
        'movements',
        'alerts',
        'sites',
      ]);
      expect(sitrep.window).toEqual({
        from: `${DAY}T00:00:00.000Z`,
        to: '2026-11-29T00:00:00.000Z',
      });
    },
  );

  it('reports on today by the node clock when no day is given, and refuses a day that does not exist', async () => {
    const today = await get('viewerC', '/api/sitrep');
    expect(today.json().sitrep.date).toBe(DAY);
    for (const date of ['2026-02-30', '2026-13-01', '28-11-2026'])
      expect((await get('viewerC', `/api/sitrep?date=${date}`)).statusCode, date).toBe(400);
    expect((await get('viewerC', '/api/sitrep.pdf?lang=fr')).statusCode).toBe(400);
  });

  it('audits every generation with the day, the format and what it showed', async () => {
    const before = await countAuditEntries(t.context.storage.db, 'sitrep.generated');
    await get('analystB', `/api/sitrep?date=${DAY}`);
    expect(await countAuditEntries(t.context.storage.db, 'sitrep.generated')).toBe(before + 1);
    const [entry] = await searchAuditLog(t.context.storage.db, {
      action: 'sitrep.generated',
      limit: 1,
    });
    expect(entry?.actor_user_id).toBe(users.userIds.get('analystB'));
    const expected = SHARING_CASES.filter((c) => c.readers.includes('analystB')).length;
    expect(JSON.parse(entry?.details ?? '{}')).toMatchObject({
      date: DAY,
      format: 'json',
      via: 'api',
      counts: {
        incidents: expected,
        threatReports: 2 * expected,
        overdueActionItems: expected,
        movements: 0,
        alarms: 0,
        alerts: 0,
        sitesWithPeople: 0,
      },
    });
  });
});
