import { describe, expect, it } from 'vitest';
import type { IncidentCluster, IncidentPoint, ThreatArea } from './mapApi';
import {
  announcementDelay,
  boundsOf,
  formatPlace,
  incidentsInView,
  threatsInView,
} from './viewContents';

function cluster(cell: string, count: number): IncidentCluster {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [67, 30] },
    properties: { cell, resolution: 4, count },
  };
}

function point(id: string, eventDate: string): IncidentPoint {
  return {
    id,
    event_date: eventDate,
    event_type: 'Battles',
    sub_event_type: 'Armed clash',
    location: 'Quetta',
    lat: 30.18,
    lon: 66.98,
    fatalities: null,
    marking: 'TLP:GREEN',
  };
}

function area(id: string, title: string, reliability: string, credibility: number): ThreatArea {
  return {
    type: 'Feature',
    id,
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [66, 29],
          [68, 29],
          [68, 31.5],
          [66, 31.5],
          [66, 29],
        ],
      ],
    },
    properties: {
      id,
      title,
      status: 'published',
      marking: 'TLP:GREEN',
      sourceReliability: reliability,
      informationCredibility: credibility,
      targetType: 'route',
      validFrom: '2026-01-01T00:00:00.000Z',
      validUntil: '2026-02-01T00:00:00.000Z',
      radiusKm: null,
    },
  };
}

describe('what is in view', () => {
  it('lists the largest clusters first and says how many more were cut', () => {
    const features = Array.from({ length: 60 }, (_, index) => cluster(`c${index}`, index + 1));
    const listed = incidentsInView({ kind: 'clusters', resolution: 4, total: 1830, features });
    if (listed?.kind !== 'clusters') throw new Error('expected clusters');
    expect(listed.clusters.shown).toHaveLength(50);
    expect(listed.clusters.shown[0]?.properties.count).toBe(60);
    expect(listed.clusters.more).toBe(10);
    expect(listed.total).toBe(1830);
  });

  it('lists points newest first, counting those a truncated answer left out as more', () => {
    const listed = incidentsInView(
      {
        kind: 'points',
        total: 3,
        truncated: true,
        points: [point('a', '2026-01-02'), point('b', '2026-03-04')],
      },
      1,
    );
    if (listed?.kind !== 'points') throw new Error('expected points');
    expect(listed.points.shown.map((shown) => shown.id)).toEqual(['b']);
    expect(listed.points.more).toBe(2);
  });

  it('lists the best-graded threat areas first, then by title', () => {
    const listed = threatsInView([
      area('t1', 'Road closure', 'C', 3),
      area('t2', 'Kidnap risk', 'B', 2),
      area('t3', 'Ambush risk', 'B', 2),
    ]);
    expect(listed?.shown.map((shown) => shown.id)).toEqual(['t3', 't2', 't1']);
    expect(listed?.more).toBe(0);
    expect(threatsInView(null)).toBeNull();
  });

  it('bounds a threat area by its outer ring', () => {
    expect(boundsOf(area('t', 'x', 'A', 1).geometry)).toEqual([
      [66, 29],
      [68, 31.5],
    ]);
  });

  it('names a place by its coordinates with hemispheres', () => {
    expect(formatPlace(-66.976, 30.1798)).toBe('30.18° N, 66.98° W');
  });

  it('waits for the view to settle, and keeps announcements apart', () => {
    expect(announcementDelay(10_000, -Infinity, 500, 2_000)).toBe(500);
    expect(announcementDelay(10_000, 9_000, 500, 2_000)).toBe(1_000);
  });
});
