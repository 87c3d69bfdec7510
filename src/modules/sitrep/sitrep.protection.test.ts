/**
 * The protection sections of the situation report under the sharing policy
 * and the protection modules' own rules, on both engines: for every marking
 * of the policy table, movements (of the day, under way when it began, of
 * another day, a draft), alarms (a missed check-in at L1, a duress alarm at
 * L3, one of another day), alerts (to every organisation, to one) and sites
 * with counts of people, written straight into their tables. Each reader
 * sees exactly the ids the rules allow; a field-only user never sees a
 * duress alarm; an unrelated organisation's reader sees no alarm or alert;
 * and the PDF prints the sections' titles in all three languages.
 */
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createPolicyUsers,
  EVERYONE,
  SHARING_CASES,
  type PolicyUsers,
  type SharingCase,
  type Who,
} from '../../../test/support/policy-cases.js';
import { describeEachEngine } from '../../../test/support/storage.js';
import { buildUser, signIn, startTestApp, type TestApp } from '../../../test/support/app.js';
import { newId } from '../../core/ids.js';
import type { Executor } from '../../storage/executor.js';
import {
  insertFixtureMovement,
  insertFixtureSite,
  type FixtureRecord,
} from '../alarms/test-support/movement-fixture.js';
import { insertAlertOnce } from '../alerts/alerts.repository.js';
import { storeRecordVersion } from '../records/records.repository.js';
import { sitrepTexts } from './sitrep.texts.js';

const DAY = '2026-11-28';
const at = (day: string, time: string) => `${day}T${time}:00.000Z`;
type Org = 'A' | 'B' | 'C' | 'D';
const ORG_OF: Record<Who, Org> = {
  analystA: 'A',
  viewerA: 'A',
  analystB: 'B',
  viewerC: 'C',
  liaisonD: 'D',
};

interface Made {
  today: string;
  underWay: string;
  otherDay: string;
  draft: string;
  l1Alarm: string;
  duressAlarm: string;
  otherDayAlarm: string;
  alertToAll: string;
  countedSite: string;
}

async function transition(db: Executor, movementId: string, seq: number, to: string, when: string) {
  await db
    .insertInto('movement_transitions')
    .values({
      movement_id: movementId,
      seq,
      from_state: 'x',
      to_state: to,
      at: when,
      by_user: 'user--fixture',
      by_org: 'identity--fixture',
      reason: null,
    })
    .execute();
}

async function alarm(
  db: Executor,
  movementId: string,
  reason: string,
  level: number,
  when: string,
) {
  const id = newId('alarm');
  await db
    .insertInto('alarms')
    .values({
      id,
      movement_id: movementId,
      reason,
      level,
      raised_at: when,
      escalated_at: null,
      last_lat: null,
      last_lon: null,
      last_checkin_at: null,
      acknowledged_at: null,
      acknowledged_by_user: null,
      resolved_at: null,
    })
    .execute();
  return id;
}

/** An alert of the trigger's version `modified` (one per trigger version and subject). */
async function alert(
  db: Executor,
  triggerId: string,
  subjectId: string,
  orgs: string[],
  modified = at(DAY, '09:00'),
) {
  const id = newId('alert');
  await insertAlertOnce(
    db,
    {
      id,
      trigger_id: triggerId,
      trigger_type: 'threat-report',
      trigger_modified: modified,
      subject_id: subjectId,
      subject_type: 'site',
      severity: 'Severe',
      urgency: 'Expected',
      certainty: 'Likely',
      headline: `Threat near ${subjectId.slice(-6)}`,
      instruction: '',
      area: '{"areaDesc":""}',
      distance_km: 2,
      created_at: at(DAY, '09:30'),
      acknowledged_at: null,
      acknowledged_by_user: null,
      escalation_level: 0,
      escalated_at: null,
    },
    orgs,
  );
  return id;
}

describeEachEngine('the protection sections of the situation report', (database) => {
  let t: TestApp;
  let users: PolicyUsers;
  const cookies = new Map<string, string>();
  const made = new Map<string, Made>();
  let alertToB = '';

  async function writeCase(c: SharingCase, escortOrgId: string, everyOrg: string[]) {
    const db = t.context.storage.db;
    const sharing: FixtureRecord = {
      createdBy: users.orgIds.get(`org${ORG_OF[c.author]}`) ?? '',
      createdByUser: users.userIds.get(c.author) ?? '',
      marking: c.marking,
      releasableTo: users.releaseListOf(c),
    };
    const movement = (title: string, state: string) =>
      insertFixtureMovement(db, {
        ...sharing,
        title,
        state,
        requesterOrgId: sharing.createdBy,
        escortOrgId,
      });
    // Planned 08:00–16:00 on the day; closed the next morning, so it ends the day arrived.
    const today = await movement(`${c.name}: today`, 'closed');
    await transition(db, today, 1, 'in_transit', at(DAY, '08:05'));
    await transition(db, today, 2, 'arrived', at(DAY, '15:00'));
    await transition(db, today, 3, 'closed', at('2026-11-29', '08:00'));
    for (const [recorded, id] of [
      [at(DAY, '10:00'), 'a'],
      [at('2026-11-29', '07:00'), 'b'],
    ] as const) {
      await db
        .insertInto('movement_checkins')
        .values({
          movement_id: today,
          client_id: id,
          recorded_at: recorded,
          received_at: recorded,
          lat: 34,
          lon: 73,
          kind: 'interval',
          duress: 0,
          by_user: 'user--fixture',
          note: null,
        })
        .execute();
    }
    // Planned for the day before, still on the road (overdue) when the day began.
    const underWay = await movement(`${c.name}: under way`, 'overdue');
    await db
      .updateTable('movements')
      .set({
        planned_departure: at('2026-11-27', '06:00'),
        planned_arrival: at('2026-11-27', '12:00'),
      })
      .where('id', '=', underWay)
      .execute();
    await transition(db, underWay, 1, 'in_transit', at('2026-11-27', '06:00'));
    await transition(db, underWay, 2, 'overdue', at('2026-11-27', '13:00'));
    const otherDay = await movement(`${c.name}: October`, 'closed');
    await db
      .updateTable('movements')
      .set({
        planned_departure: at('2026-10-01', '06:00'),
        planned_arrival: at('2026-10-01', '12:00'),
      })
      .where('id', '=', otherDay)
      .execute();
    await transition(db, otherDay, 1, 'closed', at('2026-10-01', '13:00'));
    const draft = await movement(`${c.name}: draft`, 'draft');

    const site = await insertFixtureSite(db, { ...sharing, operatorOrgId: sharing.createdBy });
    await insertFixtureSite(db, { ...sharing, operatorOrgId: sharing.createdBy });
    for (const [day, nationality, count] of [
      ['2026-11-26', 'PK', 10],
      ['2026-11-26', 'CN', 5],
      ['2026-11-29', 'PK', 99],
    ] as const) {
      await db
        .insertInto('site_headcounts')
        .values({
          site_id: site,
          day,
          nationality,
          count,
          recorded_at: at(day, '06:00'),
          recorded_by_user: 'user--fixture',
        })
        .execute();
    }
    const trigger = newId('threat-report');
    await storeRecordVersion(
      db,
      {
        id: trigger,
        type: 'threat-report',
        createdBy: sharing.createdBy,
        createdByUser: sharing.createdByUser ?? null,
        marking: c.marking,
        releasableTo: sharing.releasableTo ?? [],
        created: at(DAY, '09:00'),
        modified: at(DAY, '09:00'),
        revoked: false,
        receivedFromPeer: false,
        containsPersonalData: false,
        legalBasis: null,
        body: { title: `Threat of ${c.name}` },
      },
      at(DAY, '09:00'),
    );
    made.set(c.name, {
      today,
      underWay,
      otherDay,
      draft,
      l1Alarm: await alarm(db, today, 'missed_checkin', 1, at(DAY, '11:00')),
      duressAlarm: await alarm(db, today, 'duress', 3, at(DAY, '12:00')),
      otherDayAlarm: await alarm(db, today, 'missed_checkin', 1, at('2026-11-27', '11:00')),
      alertToAll: await alert(db, trigger, site, everyOrg),
      countedSite: site,
    });
    if (c.name === 'green')
      alertToB = await alert(db, trigger, site, [users.orgIds.get('orgB') ?? ''], at(DAY, '09:10'));
  }

  beforeAll(async () => {
    t = await startTestApp(database());
    users = await createPolicyUsers(t.context, t.app);
    for (const [who, cookie] of users.cookies) cookies.set(who, cookie);
    const orgA = users.orgIds.get('orgA') ?? '';
    const fieldA = await buildUser(t.context, { roles: ['field'], orgId: orgA });
    cookies.set('fieldA', await signIn(t.app, fieldA.username));
    const outsider = await buildUser(t.context, { roles: ['analyst'] });
    cookies.set('outsider', await signIn(t.app, outsider.username));
    const orgC = users.orgIds.get('orgC') ?? '';
    const everyOrg = [...users.orgIds.values()];
    for (const c of SHARING_CASES) await writeCase(c, orgC, everyOrg);
  });
  afterAll(async () => t.close());

  const report = async (who: string) => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/sitrep?date=${DAY}`,
      headers: { cookie: cookies.get(who) ?? '' },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().sitrep;
  };
  const ids = (items: { id: string }[]) => items.map((item) => item.id).sort();
  const of = (cases: readonly SharingCase[], what: keyof Made) =>
    cases.map((c) => made.get(c.name)?.[what] ?? 'missing').sort();

  it.each(EVERYONE)(
    'shows %s exactly the movements, alarms, alerts and sites the rules allow',
    async (who) => {
      const sitrep = await report(who);
      const readable = SHARING_CASES.filter((c) => c.readers.includes(who));
      expect(ids(sitrep.movements.items)).toEqual(
        [...of(readable, 'today'), ...of(readable, 'underWay')].sort(),
      );
      expect(sitrep.movements.total).toBe(2 * readable.length);
      expect(sitrep.movements.outcomes).toEqual({
        arrived: readable.length,
        overdue: readable.length,
        incident: 0,
        cancelled: 0,
      });
      // L1 reaches the requester and escort (C) organisations; L3 also every liaison officer.
      const l1 = readable.filter((c) => [ORG_OF[c.author], 'C'].includes(ORG_OF[who]));
      const l3 = who === 'liaisonD' ? readable : l1;
      expect(ids(sitrep.alarmsAlerts.alarms.items)).toEqual(
        [...of(l1, 'l1Alarm'), ...of(l3, 'duressAlarm')].sort(),
      );
      const alerts = [...of(readable, 'alertToAll'), ...(who === 'analystB' ? [alertToB] : [])];
      expect(ids(sitrep.alarmsAlerts.alerts.items)).toEqual(alerts.sort());
      expect(sitrep.alarmsAlerts.alerts.bySeverity).toContainEqual({
        severity: 'Severe',
        count: alerts.length,
      });
      expect(ids(sitrep.people.sites)).toEqual(of(readable, 'countedSite'));
      expect(sitrep.people.total).toBe(15 * readable.length);
      expect(sitrep.sources).toEqual([
        'incidents',
        'threat-reports',
        'action-items',
        'movements',
        'alerts',
        'sites',
      ]);
    },
  );

  it('gives each movement its state and last check-in at the end of the day, and its escort', async () => {
    const sitrep = await report('analystA');
    const today = sitrep.movements.items.find(
      (m: { id: string }) => m.id === made.get('green')?.today,
    );
    expect(today).toMatchObject({
      state: 'arrived',
      lastCheckinAt: at(DAY, '10:00'),
      origin: 'Islamabad',
      destination: 'Dasu',
      escortOrg: { id: users.orgIds.get('orgC') },
      marking: 'TLP:GREEN',
    });
    expect(today.escortOrg.name).not.toBe('');
    const site = sitrep.people.sites.find(
      (s: { id: string }) => s.id === made.get('green')?.countedSite,
    );
    expect(site).toMatchObject({
      day: '2026-11-26',
      total: 15,
      byNationality: [
        { nationality: 'PK', count: 10 },
        { nationality: 'CN', count: 5 },
      ],
    });
  });

  it('never shows a duress alarm to a field-only user, and an unrelated organisation no alarm or alert', async () => {
    const field = await report('fieldA');
    const greenish = SHARING_CASES.filter(
      (c) => c.author === 'analystA' && c.readers.includes('viewerA'),
    );
    expect(ids(field.alarmsAlerts.alarms.items)).toEqual(of(greenish, 'l1Alarm'));
    expect(
      field.alarmsAlerts.alarms.items.some((a: { reason: string }) => a.reason === 'duress'),
    ).toBe(false);
    const outsider = await report('outsider');
    expect(outsider.alarmsAlerts.alarms.total).toBe(0);
    expect(outsider.alarmsAlerts.alerts.total).toBe(0);
    // CLEAR and GREEN are for the whole community: those movements and sites, nothing else.
    const open = SHARING_CASES.filter(
      (c) => c.marking === 'TLP:CLEAR' || c.marking === 'TLP:GREEN',
    );
    expect(ids(outsider.movements.items)).toEqual(
      [...of(open, 'today'), ...of(open, 'underWay')].sort(),
    );
    expect(ids(outsider.people.sites)).toEqual(of(open, 'countedSite'));
  });

  it('prints the three sections with their titles in English, Chinese and Urdu', async () => {
    for (const lang of ['en', 'zh', 'ur'] as const) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/sitrep.pdf?date=${DAY}&lang=${lang}`,
        headers: { cookie: cookies.get('analystA') ?? '' },
      });
      expect(response.statusCode).toBe(200);
      const document = await getDocumentProxy(new Uint8Array(response.rawPayload));
      const text = (await extractText(document, { mergePages: true })).text.replace(/\s+/gu, ' ');
      const texts = sitrepTexts(lang);
      for (const title of [texts.movements.title, texts.alarmsAlerts.title, texts.people.title])
        expect(text, `${lang}: ${title}`).toContain(title);
      expect(text).toContain('green: today');
    }
  });
});
