/**
 * The demo's Besham threat: written and published once (a second call finds
 * it by title), and it raises an alert for a movement on the Karakoram
 * Highway through Besham, on both engines.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/support/storage.js';
import { alertsScene, type AlertsScene } from '../modules/alerts/test-support/scene.js';
import { BESHAM_THREAT_TITLE, seedDemoBeshamThreat } from './protection-threat.js';

describeEachEngine('demo Besham threat', (database) => {
  let s: AlertsScene;
  beforeAll(async () => {
    s = await alertsScene(database());
  });
  afterAll(async () => {
    await s.close();
  });

  it('is written once and alerts the movement on the road through Besham', async () => {
    const release = [s.users.requester.orgId, s.users.escort.orgId];
    const first = await seedDemoBeshamThreat(
      s.deps,
      s.users.intel.current,
      release,
      s.t.clock.now(),
    );
    const second = await seedDemoBeshamThreat(
      s.deps,
      s.users.intel.current,
      release,
      s.t.clock.now(),
    );
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    const reports = await s.db
      .selectFrom('threat_reports')
      .select(['status', 'source_reliability', 'information_credibility'])
      .where('title', '=', BESHAM_THREAT_TITLE)
      .execute();
    expect(reports).toEqual([
      { status: 'published', source_reliability: 'B', information_credibility: 2 },
    ]);
    await s.matcher.drain();
    const alerts = await s.db
      .selectFrom('alerts')
      .select(['subject_id', 'severity', 'urgency'])
      .where('trigger_id', '=', first.id)
      .execute();
    expect(alerts).toEqual([
      { subject_id: s.movementId, severity: 'Extreme', urgency: 'Expected' },
    ]);
  });
});
