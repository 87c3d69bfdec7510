/** Route risk scoring as a pure function: weights, decay, night travel, posture and levels. */
import { describe, expect, it } from 'vitest';
import {
  assessRisk,
  incidentPoints,
  levelOf,
  threatPoints,
  travelsAtNight,
  type RiskInputs,
} from './risk.js';

const NOW = new Date('2026-11-28T06:00:00.000Z');
const base: RiskInputs = {
  now: NOW,
  // 09:00–15:00 in Karachi: daylight.
  plannedDeparture: '2026-11-28T04:00:00.000Z',
  plannedArrival: '2026-11-28T10:00:00.000Z',
  incidents: [],
  threats: [],
  postures: [],
  searchRadiusKm: 25,
};
const incident = (overrides: Partial<RiskInputs['incidents'][number]> = {}) => ({
  id: 'incident--1',
  title: 'Explosion near Besham',
  eventDate: '2026-11-27',
  eventType: 'Explosions/Remote violence',
  fatalities: 6,
  distanceKm: 0,
  ...overrides,
});
const threat = (overrides: Partial<RiskInputs['threats'][number]> = {}) => ({
  id: 'threat-report--1',
  title: 'Threat to convoys',
  sourceReliability: 'A',
  informationCredibility: 1,
  distanceKm: 0,
  ...overrides,
});

describe('route risk', () => {
  it('scores an empty daylight route on normal-posture sites as low, 0', () => {
    expect(assessRisk(base)).toEqual({ score: 0, level: 'low', contributors: [] });
  });

  it('maps scores to levels at 25, 50 and 75', () => {
    expect([0, 24, 25, 49, 50, 74, 75, 100].map(levelOf)).toEqual([
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'critical',
      'critical',
    ]);
  });

  it('weighs recent, deadly and near incidents more than old, bloodless and far ones', () => {
    const recent = incidentPoints(incident(), NOW, 25);
    expect(incidentPoints(incident({ eventDate: '2026-09-01' }), NOW, 25)).toBeLessThan(recent / 5);
    expect(incidentPoints(incident({ fatalities: 0 }), NOW, 25)).toBeLessThan(recent);
    expect(incidentPoints(incident({ distanceKm: 25 }), NOW, 25)).toBeCloseTo(recent / 2, 5);
    expect(
      incidentPoints(incident({ eventType: 'Protests', fatalities: 0 }), NOW, 25),
    ).toBeLessThan(3);
  });

  it('weighs threat reports by their Admiralty grading', () => {
    expect(threatPoints(threat())).toBe(30);
    expect(threatPoints(threat({ sourceReliability: 'E', informationCredibility: 5 }))).toBeCloseTo(
      1.5,
      5,
    );
    expect(
      threatPoints(threat({ sourceReliability: 'B', informationCredibility: 2 })),
    ).toBeGreaterThan(threatPoints(threat({ sourceReliability: 'C', informationCredibility: 3 })));
  });

  it('counts any part of the journey between 18:00 and 06:00 in Karachi as night travel', () => {
    expect(travelsAtNight('2026-11-28T04:00:00.000Z', '2026-11-28T10:00:00.000Z')).toBe(false);
    // 12:00 UTC is 17:00 in Karachi; 13:30 UTC is 18:30.
    expect(travelsAtNight('2026-11-28T08:00:00.000Z', '2026-11-28T13:30:00.000Z')).toBe(true);
    // 00:30 UTC is 05:30 in Karachi.
    expect(travelsAtNight('2026-11-28T00:30:00.000Z', '2026-11-28T02:00:00.000Z')).toBe(true);
    expect(travelsAtNight('2026-11-28T01:00:00.000Z', '2026-11-28T12:59:00.000Z')).toBe(false);
  });

  it('adds night travel and the higher site posture, lists every contributor, and caps the score at 100', () => {
    const night = assessRisk({
      ...base,
      plannedArrival: '2026-11-28T14:00:00.000Z',
      postures: ['normal', 'high'],
      threats: [threat()],
    });
    expect(night.contributors.map((c) => c.kind)).toEqual(['threat-report', 'night', 'posture']);
    expect(night.score).toBe(50);
    expect(night.level).toBe('high');
    const worst = assessRisk({
      ...base,
      threats: [threat(), threat(), threat(), threat()],
      postures: ['critical'],
    });
    expect(worst.score).toBe(100);
    expect(worst.level).toBe('critical');
  });
});
