import { describe, expect, it } from 'vitest';
import type { Alert } from '../../api/alerts';
import {
  applyAlertChange,
  asAlert,
  severityTone,
  sortAlerts,
  subjectPath,
  triggerPath,
} from './alertList';

function alert(overrides: Partial<Alert> & { id: string }): Alert {
  return {
    trigger: { id: 'incident--1', type: 'incident', title: 'IED on the KKH' },
    subject: { id: 'movement--1', type: 'movement', name: 'Islamabad to Dasu' },
    severity: 'Severe',
    urgency: 'Immediate',
    certainty: 'Observed',
    headline: 'Incident within 3.2 km of Islamabad to Dasu',
    instruction: 'Contact the escort.',
    distanceKm: 3.2,
    createdAt: '2026-11-28T10:00:00.000Z',
    acknowledged: null,
    escalationLevel: 0,
    ...overrides,
  };
}

describe('alert inbox rules', () => {
  it('puts the newest alert first and settles equal times by id', () => {
    const list = sortAlerts([
      alert({ id: 'alert--a', createdAt: '2026-11-28T09:00:00.000Z' }),
      alert({ id: 'alert--b', createdAt: '2026-11-28T11:00:00.000Z' }),
      alert({ id: 'alert--c', createdAt: '2026-11-28T11:00:00.000Z' }),
    ]);
    expect(list.map((item) => item.id)).toEqual(['alert--c', 'alert--b', 'alert--a']);
  });

  it('inserts a new live alert at its place in the open view', () => {
    const list = [alert({ id: 'alert--a', createdAt: '2026-11-28T09:00:00.000Z' })];
    const next = applyAlertChange(list, alert({ id: 'alert--b' }), 'open');
    expect(next.map((item) => item.id)).toEqual(['alert--b', 'alert--a']);
  });

  it('does not add a new alert to a later page', () => {
    const list = [alert({ id: 'alert--a' })];
    expect(applyAlertChange(list, alert({ id: 'alert--b' }), 'all', false)).toHaveLength(1);
  });

  it('drops an acknowledged alert from the open view but keeps it, updated, in all', () => {
    const list = [alert({ id: 'alert--a' }), alert({ id: 'alert--b' })];
    const done = alert({
      id: 'alert--a',
      acknowledged: { at: '2026-11-28T10:05:00Z', by: 'Zhang', userId: 'user--z' },
    });
    expect(applyAlertChange(list, done, 'open').map((item) => item.id)).toEqual(['alert--b']);
    const all = applyAlertChange(list, done, 'all');
    expect(all.find((item) => item.id === 'alert--a')?.acknowledged?.by).toBe('Zhang');
  });

  it('does not add an acknowledged alert it never had to the open view', () => {
    const done = alert({
      id: 'alert--z',
      acknowledged: { at: '2026-11-28T10:05:00Z', by: 'X', userId: 'user--x' },
    });
    expect(applyAlertChange([], done, 'open')).toEqual([]);
  });

  it('names severities by tone and falls back for unknown ones', () => {
    expect(severityTone('Extreme')).toBe('extreme');
    expect(severityTone('Minor')).toBe('minor');
    expect(severityTone('constructor')).toBe('unknown');
  });

  it('links sites, movements, incidents and threat reports to their pages', () => {
    expect(subjectPath({ id: 'site--1', type: 'site', name: 'Dasu' })).toBe('/sites/site--1');
    expect(subjectPath({ id: 'movement--1', type: 'movement', name: 'M' })).toBe(
      '/movements/movement--1',
    );
    expect(triggerPath({ id: 'incident--1', type: 'incident', title: 'I' })).toBe(
      '/incidents/incident--1',
    );
    expect(triggerPath({ id: 'threat-report--1', type: 'threat-report', title: 'T' })).toBe(
      '/intel/threat-report--1',
    );
  });

  it('accepts a live item only when it looks like an alert', () => {
    expect(asAlert(alert({ id: 'alert--a' }))?.id).toBe('alert--a');
    expect(asAlert({ id: 'alert--a' })).toBeNull();
    expect(asAlert(null)).toBeNull();
  });
});
