/**
 * CAP 1.2: the rules that map incidents and threat reports onto CAP's
 * scales (pure), and the XML message over HTTP on both engines, parsed back:
 * element order, CAP's date format, escaping, and the restriction naming
 * the TLP marking.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIncidentInput } from '../../../test/support/factories.js';
import { describeEachEngine } from '../../../test/support/storage.js';
import { createIncident } from '../incidents/incidents.service.js';
import {
  capCircle,
  capPolygon,
  incidentSeverity,
  threatCertainty,
  threatSeverity,
  threatUrgency,
} from './alerts.cap.js';
import { CAP_NAMESPACE, capDateTime, xmlEscape } from './alerts.cap-xml.js';
import { alertsScene, NEAR_DASU, type AlertsScene } from './test-support/scene.js';
import { childNames, childText, parseXml } from './test-support/xml.js';

describe('CAP fields', () => {
  it('grades incidents by fatalities and violence', () => {
    const row = (fatalities: number | null, event_type: string, sub_event_type = 'Attack') => ({
      fatalities,
      event_type,
      sub_event_type,
    });
    expect(incidentSeverity(row(5, 'Battles'))).toBe('Extreme');
    expect(incidentSeverity(row(0, 'Explosions/Remote violence', 'Suicide bomb'))).toBe('Extreme');
    expect(incidentSeverity(row(1, 'Riots'))).toBe('Severe');
    expect(incidentSeverity(row(null, 'Violence against civilians'))).toBe('Moderate');
    expect(incidentSeverity(row(0, 'Protests', 'Peaceful protest'))).toBe('Minor');
  });

  it('grades threats by credibility, one step up when the target fits the subject', () => {
    expect(threatSeverity({ information_credibility: 2, target_type: 'site' }, 'site')).toBe(
      'Extreme',
    );
    expect(threatSeverity({ information_credibility: 2, target_type: 'site' }, 'movement')).toBe(
      'Severe',
    );
    expect(threatSeverity({ information_credibility: 3, target_type: 'route' }, 'movement')).toBe(
      'Severe',
    );
    expect(threatSeverity({ information_credibility: 5, target_type: 'route' }, 'site')).toBe(
      'Minor',
    );
    expect(threatSeverity({ information_credibility: 6, target_type: 'personnel' }, 'site')).toBe(
      'Unknown',
    );
    expect([1, 2, 3, 4, 5, 6].map(threatCertainty)).toEqual([
      'Likely',
      'Likely',
      'Possible',
      'Unlikely',
      'Unlikely',
      'Unknown',
    ]);
    const window = {
      valid_from: '2026-11-28T00:00:00.000Z',
      valid_until: '2026-11-30T00:00:00.000Z',
    };
    expect(threatUrgency(window, '2026-11-28T09:00:00.000Z')).toBe('Expected');
    expect(threatUrgency(window, '2026-11-27T09:00:00.000Z')).toBe('Future');
  });

  it('writes CAP circles and closed polygons as lat,lon pairs', () => {
    expect(capCircle(34.93, 72.9, 10)).toBe('34.93,72.9 10.0');
    expect(
      capPolygon([
        [73, 35],
        [74, 35],
        [74, 36],
      ]),
    ).toBe('35,73 35,74 36,74 35,73');
  });

  it('formats times and escapes text as CAP and XML require', () => {
    expect(capDateTime('2026-11-28T09:00:00.123Z')).toBe('2026-11-28T09:00:00+00:00');
    expect(xmlEscape(`<b a="1">&'\u0001`)).toBe('&lt;b a=&quot;1&quot;&gt;&amp;&apos;');
  });
});

describeEachEngine('CAP 1.2 message', (database) => {
  let s: AlertsScene;
  let alertId: string;

  beforeAll(async () => {
    s = await alertsScene(database());
    const created = await createIncident(
      s.deps,
      buildIncidentInput({
        eventDate: '2026-11-27',
        place: { name: 'Dasu <bridge> & "camp"', country: 'PK', geoPrecision: 1, ...NEAR_DASU },
        narrative: 'Attack at the <gate> & checkpoint.',
        marking: 'TLP:AMBER',
        releasableTo: [s.users.operator.orgId, s.users.guard.orgId],
      }),
      s.users.intel.current,
    );
    if (!created.ok) throw new Error(created.error);
    await s.matcher.drain();
    const row = await s.db
      .selectFrom('alerts')
      .select('id')
      .where('trigger_id', '=', created.value)
      .where('subject_id', '=', s.siteId)
      .executeTakeFirstOrThrow();
    alertId = row.id;
  });
  afterAll(async () => {
    await s.close();
  });

  it('answers a well-formed CAP 1.2 alert in the schema order, parsed back', async () => {
    const response = await s.t.app.inject({
      method: 'GET',
      url: `/api/alerts/${alertId}.cap.xml`,
      headers: { cookie: await s.cookieOf(s.users.operator) },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/xml; charset=utf-8');
    const alert = parseXml(response.body);
    expect(alert.name).toBe('alert');
    expect(alert.attributes.xmlns).toBe(CAP_NAMESPACE);
    expect(childNames(alert)).toEqual([
      'identifier',
      'sender',
      'sent',
      'status',
      'msgType',
      'scope',
      'restriction',
      'info',
    ]);
    expect(childText(alert, 'identifier')).toBe(alertId);
    expect(childText(alert, 'sent')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/u);
    expect(childText(alert, 'status')).toBe('Actual');
    expect(childText(alert, 'msgType')).toBe('Alert');
    expect(childText(alert, 'scope')).toBe('Restricted');
    expect(childText(alert, 'restriction')).toMatch(/^TLP:AMBER\b/u);
    expect(childText(alert, 'sender')).not.toMatch(/[\s,<&]/u);

    const info = alert.children.find((child) => child.name === 'info');
    if (!info) throw new Error('no info');
    expect(childNames(info)).toEqual([
      'language',
      'category',
      'event',
      'urgency',
      'severity',
      'certainty',
      'headline',
      'description',
      'instruction',
      'area',
    ]);
    expect(childText(info, 'category')).toBe('Security');
    expect(childText(info, 'severity')).toBe('Extreme');
    expect(childText(info, 'urgency')).toBe('Expected');
    expect(childText(info, 'certainty')).toBe('Observed');
    expect(childText(info, 'headline')).toBe('Incident within 3.0 km of Dasu Hydropower Project');
    expect(childText(info, 'description')).toContain('Attack at the <gate> & checkpoint.');
    expect(childText(info, 'instruction')).toMatch(/posture/u);
    const area = info.children.find((child) => child.name === 'area');
    if (!area) throw new Error('no area');
    expect(childNames(area)).toEqual(['areaDesc', 'circle']);
    expect(childText(area, 'areaDesc')).toBe('Dasu <bridge> & "camp", PK');
    expect(childText(area, 'circle')).toMatch(/^35\.3\d*,73\.25\d* 0\.0$/u);
  });

  it('answers 404 to a user who may not read the trigger', async () => {
    const response = await s.t.app.inject({
      method: 'GET',
      url: `/api/alerts/${alertId}.cap.xml`,
      headers: { cookie: await s.cookieOf(s.users.partnerDuty) },
    });
    expect(response.statusCode).toBe(404);
  });
});
