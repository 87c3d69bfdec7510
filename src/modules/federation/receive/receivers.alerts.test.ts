/**
 * Received incidents and threat reports raise alerts through the real
 * matcher, like local ones: the alerts tests' world (a site at Dasu, a
 * movement on the Karakoram Highway), a peer organisation known here as a
 * remote one, and versions as the peer's own modules would have written them.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildIncidentInput, buildThreatReportInput } from '../../../../test/support/factories.js';
import { describeEachEngine } from '../../../../test/support/storage.js';
import { isoNow } from '../../../core/clock.js';
import { newId } from '../../../core/ids.js';
import {
  alertsScene,
  KARACHI,
  NEAR_DASU,
  type AlertsScene,
} from '../../alerts/test-support/scene.js';
import { upsertRemoteOrganisation } from '../../identity/organisations.repository.js';
import { incidentBody } from '../../incidents/incidents.service.js';
import { reportBody } from '../../intel/reports.write.service.js';
import type { RecordVersionInput } from '../../records/records.repository.js';
import { receiveInto, valueOf } from './test-support/peer-scene.js';

describeEachEngine('received records and alerts', (database) => {
  let s: AlertsScene;
  const peerOrg = newId('identity');

  beforeAll(async () => {
    s = await alertsScene(database());
    await upsertRemoteOrganisation(
      s.db,
      { id: peerOrg, name: 'Kashgar Public Security Bureau', country: 'CN', kind: 'police' },
      isoNow(s.t.clock),
    );
  });
  afterAll(async () => {
    await s.close();
  });

  /** A version the peer sent, on the GREEN release that reaches every organisation here. */
  function fromPeer(type: string, body: Record<string, unknown>): RecordVersionInput {
    const at = '2026-11-28T08:30:00.000Z';
    return {
      id: newId(type),
      type,
      createdBy: peerOrg,
      createdByUser: null,
      marking: 'TLP:GREEN',
      releasableTo: [],
      created: at,
      modified: at,
      revoked: false,
      receivedFromPeer: true,
      containsPersonalData: false,
      legalBasis: null,
      body,
    };
  }

  async function receive(version: RecordVersionInput) {
    valueOf(await receiveInto(s.db, version, isoNow(s.t.clock)));
    await s.matcher.drain();
    return s.db
      .selectFrom('alerts')
      .select(['subject_id', 'trigger_type'])
      .where('trigger_id', '=', version.id)
      .orderBy('subject_id')
      .execute();
  }

  const incidentAt = (place: { lat: number; lon: number }) =>
    incidentBody(
      buildIncidentInput({
        eventDate: '2026-11-27',
        place: { name: 'Test place', country: 'PK', geoPrecision: 1, ...place },
      }),
    );

  it('raises an alert for a received incident inside a local site’s buffer', async () => {
    const alerts = await receive(fromPeer('incident', incidentAt(NEAR_DASU)));
    expect(alerts).toContainEqual({ subject_id: s.siteId, trigger_type: 'incident' });
  });

  it('raises nothing for a received incident far from every site and route', async () => {
    expect(await receive(fromPeer('incident', incidentAt(KARACHI)))).toEqual([]);
  });

  it('raises an alert for a received published threat report whose area meets a local site', async () => {
    const input = buildThreatReportInput({
      area: { kind: 'circle', ...NEAR_DASU, radiusKm: 10 },
      validFrom: '2026-11-28T00:00:00.000Z',
      validUntil: '2026-12-05T00:00:00.000Z',
    });
    const body = reportBody(input, 'published', '2026-11-28T08:30:00.000Z');
    const alerts = await receive(fromPeer('threat-report', body));
    expect(alerts).toContainEqual({ subject_id: s.siteId, trigger_type: 'threat-report' });
  });
});
