/**
 * The matcher on both engines: which incidents and threat reports raise
 * alerts for which sites and movements, once per trigger version, with
 * their CAP fields, recipients, audit entry, escalation deadline and live
 * event.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildIncidentInput, buildThreatReportInput } from '../../../test/support/factories.js';
import { describeEachEngine } from '../../../test/support/storage.js';
import { createIncident, revokeIncident, updateIncident } from '../incidents/incidents.service.js';
import type { LiveEvent } from '../live/live.bus.js';
import { queueRecordChange } from '../records/record-changes.repository.js';
import { publishThreatReport } from '../intel/reports.lifecycle.service.js';
import { createThreatReport } from '../intel/reports.write.service.js';
import { pendingDeadlinesOf } from '../scheduler/deadlines.repository.js';
import { ESCALATE_ALERT } from './alerts.raise.js';
import { recipientsOf } from './alerts.repository.js';
import { alertsScene, BESHAM, KARACHI, NEAR_DASU, type AlertsScene } from './test-support/scene.js';
import { insertSite } from './test-support/subjects.js';

describeEachEngine('alert matcher', (database) => {
  let s: AlertsScene;
  const events: LiveEvent[] = [];

  beforeAll(async () => {
    s = await alertsScene(database());
    s.t.context.live.subscribe((event) => events.push(event));
  });
  afterAll(async () => {
    await s.close();
  });

  const alertsOf = (triggerId: string) =>
    s.db
      .selectFrom('alerts')
      .selectAll()
      .where('trigger_id', '=', triggerId)
      .orderBy('subject_id')
      .execute();

  async function incidentAt(point: { lat: number; lon: number }, overrides = {}) {
    const created = await createIncident(
      s.deps,
      buildIncidentInput({
        eventDate: '2026-11-27',
        place: { name: 'Test place', country: 'PK', geoPrecision: 1, ...point },
        ...overrides,
      }),
      s.users.intel.current,
    );
    if (!created.ok) throw new Error(created.error);
    await s.matcher.drain();
    return created.value;
  }

  it('raises an alert for an incident inside a site buffer, addressed to its operator and guard', async () => {
    const id = await incidentAt(NEAR_DASU);
    const alerts = await alertsOf(id);
    // Dasu is also the end of the movement's route: its corridor holds the point too.
    expect(alerts.map((a) => a.subject_id).sort()).toEqual([s.movementId, s.siteId].sort());
    const alert = alerts.find((a) => a.subject_id === s.siteId);
    expect(alert).toMatchObject({
      trigger_type: 'incident',
      subject_type: 'site',
      severity: 'Extreme', // a suicide bomb with 6 dead
      urgency: 'Expected',
      certainty: 'Observed',
      headline: 'Incident within 3.0 km of Dasu Hydropower Project',
      escalation_level: 0,
    });
    expect(alert?.distance_km).toBeCloseTo(3, 1);
    const recipients = await recipientsOf(s.db, [alert?.id ?? '']);
    expect(new Set(recipients.get(alert?.id ?? ''))).toEqual(
      new Set([s.users.operator.orgId, s.users.guard.orgId]),
    );
    const deadlines = await pendingDeadlinesOf(s.db, alert?.id ?? '');
    expect(deadlines.map((d) => [d.kind, d.due_at])).toEqual([
      [ESCALATE_ALERT, '2026-11-28T09:15:00.000Z'],
    ]);
    const audit = await s.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('target_id', '=', alert?.id ?? '')
      .execute();
    expect(audit).toEqual([{ action: 'alert.raised', actor_user_id: null }]);
    expect(events).toContainEqual({ channel: 'alert', id: alert?.id, change: 'raised' });
  });

  it('raises an immediate alert for an incident in the corridor of a movement in transit', async () => {
    const id = await incidentAt(BESHAM, {
      fatalities: { total: 1, byNationality: [] },
      subEventType: 'Armed clash',
      eventType: 'Battles',
    });
    const alerts = await alertsOf(id);
    expect(alerts.map((a) => [a.subject_id, a.urgency, a.severity])).toEqual([
      [s.movementId, 'Immediate', 'Severe'],
    ]);
    const recipients = await recipientsOf(s.db, [alerts[0]?.id ?? '']);
    expect(new Set(recipients.get(alerts[0]?.id ?? ''))).toEqual(
      new Set([s.users.requester.orgId, s.users.escort.orgId]),
    );
  });

  it('raises nothing for a far incident, an old one or a revoked one', async () => {
    expect(await alertsOf(await incidentAt(KARACHI))).toEqual([]);
    expect(await alertsOf(await incidentAt(NEAR_DASU, { eventDate: '2026-10-01' }))).toEqual([]);
    const revokedLater = await incidentAt({ lat: NEAR_DASU.lat + 0.001, lon: NEAR_DASU.lon });
    const before = (await alertsOf(revokedLater)).length;
    expect(before).toBeGreaterThan(0);
    const revoked = await revokeIncident(s.deps, revokedLater, s.users.intel.current);
    expect(revoked.ok).toBe(true);
    await s.matcher.drain();
    expect(await alertsOf(revokedLater)).toHaveLength(before); // the first version's alerts only
  });

  it('raises no alert twice for the same version, and a new one for a new version', async () => {
    const id = await incidentAt(NEAR_DASU);
    const record = await s.db
      .selectFrom('records')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const first = (await alertsOf(id)).length;
    // As if a second process, or a replayed queue, handled the same version again.
    await queueRecordChange(s.db, record, '2026-11-28T09:00:00.000Z');
    await s.matcher.drain();
    expect(await alertsOf(id)).toHaveLength(first);

    s.t.clock.advance(60_000);
    const updated = await updateIncident(
      s.deps,
      id,
      buildIncidentInput({
        eventDate: '2026-11-27',
        place: { name: 'Test place', country: 'PK', geoPrecision: 1, ...NEAR_DASU },
        fatalities: { total: 0, byNationality: [] },
        subEventType: 'Armed clash',
        eventType: 'Battles',
      }),
      s.users.intel.current,
    );
    expect(updated.ok).toBe(true);
    await s.matcher.drain();
    const alerts = await alertsOf(id);
    expect(alerts).toHaveLength(2 * first);
    expect(new Set(alerts.map((a) => a.severity))).toEqual(new Set(['Extreme', 'Moderate']));
    expect(new Set(alerts.map((a) => a.trigger_modified)).size).toBe(2);
    expect(await s.db.selectFrom('record_changes').select('id').execute()).toEqual([]);
  });

  it('raises alerts for a published threat report whose area meets a site and a corridor, none for its draft', async () => {
    const created = await createThreatReport(
      s.deps,
      buildThreatReportInput({
        area: { kind: 'circle', lat: BESHAM.lat, lon: BESHAM.lon, radiusKm: 60 },
        validFrom: '2026-11-28T00:00:00.000Z',
        validUntil: '2026-11-30T00:00:00.000Z',
        targetType: 'route',
        informationCredibility: 2,
      }),
      s.users.intel.current,
    );
    if (!created.ok) throw new Error(created.error);
    await s.matcher.drain();
    expect(await alertsOf(created.value)).toEqual([]);

    expect((await publishThreatReport(s.deps, created.value, s.users.intel.current)).ok).toBe(true);
    await s.matcher.drain();
    const alerts = await alertsOf(created.value);
    const byType = Object.fromEntries(alerts.map((a) => [a.subject_type, a]));
    expect(Object.keys(byType).sort()).toEqual(['movement', 'site']);
    expect(byType.movement).toMatchObject({
      severity: 'Extreme',
      urgency: 'Expected',
      certainty: 'Likely',
    });
    expect(byType.site).toMatchObject({ severity: 'Severe', certainty: 'Likely' });
    expect(JSON.parse(byType.site?.area ?? '{}')).toMatchObject({ circle: '34.93,72.9 60.0' });
  });

  it('raises nothing for a threat report whose area meets no fence', async () => {
    const created = await createThreatReport(
      s.deps,
      buildThreatReportInput({
        area: { kind: 'circle', lat: KARACHI.lat, lon: KARACHI.lon, radiusKm: 20 },
        validFrom: '2026-11-28T00:00:00.000Z',
        validUntil: '2026-11-30T00:00:00.000Z',
      }),
      s.users.intel.current,
    );
    if (!created.ok) throw new Error(created.error);
    expect((await publishThreatReport(s.deps, created.value, s.users.intel.current)).ok).toBe(true);
    await s.matcher.drain();
    expect(await alertsOf(created.value)).toEqual([]);
  });

  it('leaves a site recorded after the trigger version to its nearby list, without an alert', async () => {
    const quetta = { lat: 30.18, lon: 66.99 };
    const id = await incidentAt(quetta);
    const lateSite = await insertSite(s.db, {
      name: 'Quetta liaison office',
      centre: quetta,
      bufferKm: 5,
      operatorOrgId: s.users.operator.orgId,
      guardOrgId: s.users.guard.orgId,
      createdBy: s.users.operator.orgId,
      createdByUser: s.users.operator.userId,
      marking: 'TLP:GREEN',
      releasableTo: [],
      recordedAt: '2026-11-28T09:30:00.000Z',
    });
    // The incident's change is matched again, as after a restart: still nothing for the later site.
    await queueRecordChange(
      s.db,
      { id, type: 'incident', modified: '2026-11-28T09:00:00.000Z' },
      '2026-11-28T09:31:00.000Z',
    );
    await s.matcher.drain();
    expect((await alertsOf(id)).map((a) => a.subject_id)).not.toContain(lateSite);
    expect(await alertsOf(id)).toEqual([]);
  });
});
