/**
 * Route risk as a pure function: a score 0–100 and a level from what lies in
 * a movement's corridor and time window, with every contributor and its
 * points so that the movement page can explain the number.
 *
 * - Incidents (last 90 days): severity (event type, fatalities) × recency
 *   (exponential decay, 30-day time constant) × nearness (half weight at the
 *   edge of the search radius).
 * - Threat reports valid during the journey: a base weighted by the
 *   Admiralty grading, source reliability A–F × information credibility 1–6.
 * - Night travel: any part of the journey between 18:00 and 06:00 in
 *   Asia/Karachi (UTC+5 all year, no daylight saving).
 * - Posture: the higher posture of the origin and destination sites.
 *
 * Owns the weights; must never do I/O or read the clock (`now` is given).
 */
import type { PostureLevel, RiskLevel } from '../../core/vocabulary/protection.js';

export interface RiskIncident {
  id: string;
  title: string;
  eventDate: string;
  eventType: string;
  fatalities: number | null;
  distanceKm: number;
}

export interface RiskThreat {
  id: string;
  title: string;
  sourceReliability: string;
  informationCredibility: number;
  distanceKm: number;
}

export interface RiskInputs {
  now: Date;
  plannedDeparture: string;
  plannedArrival: string;
  incidents: readonly RiskIncident[];
  threats: readonly RiskThreat[];
  postures: readonly PostureLevel[];
  /** The radius incidents were searched in (nearness is relative to it). */
  searchRadiusKm: number;
}

export interface RiskContributor {
  kind: 'incident' | 'threat-report' | 'night' | 'posture';
  /** The record behind it (incidents, threat reports); readers see it only if they may read it. */
  id?: string;
  title: string;
  distanceKm?: number;
  points: number;
}

export interface RiskAssessment {
  score: number;
  level: RiskLevel;
  contributors: RiskContributor[];
}

const DAY_MS = 86_400_000;
const KARACHI_OFFSET_MS = 5 * 3_600_000;

const EVENT_SEVERITY: Readonly<Record<string, number>> = {
  'Explosions/Remote violence': 12,
  Battles: 10,
  'Violence against civilians': 10,
  Riots: 5,
  Protests: 2,
  'Strategic developments': 2,
};
const RELIABILITY: Readonly<Record<string, number>> = {
  A: 1,
  B: 0.85,
  C: 0.65,
  D: 0.45,
  E: 0.25,
  F: 0.4,
};
const CREDIBILITY: Readonly<Record<number, number>> = {
  1: 1,
  2: 0.85,
  3: 0.65,
  4: 0.4,
  5: 0.2,
  6: 0.4,
};
export const THREAT_BASE_POINTS = 30;
export const NIGHT_POINTS = 10;
const POSTURE_POINTS: Readonly<Record<PostureLevel, number>> = {
  normal: 0,
  heightened: 5,
  high: 10,
  critical: 20,
};

const round1 = (n: number) => Math.round(n * 10) / 10;

export function levelOf(score: number): RiskLevel {
  if (score < 25) return 'low';
  if (score < 50) return 'medium';
  if (score < 75) return 'high';
  return 'critical';
}

export function incidentPoints(incident: RiskIncident, now: Date, radiusKm: number): number {
  const severity =
    (EVENT_SEVERITY[incident.eventType] ?? 3) + Math.min(12, 1.5 * (incident.fatalities ?? 0));
  const ageDays = Math.max(0, (now.getTime() - new Date(incident.eventDate).getTime()) / DAY_MS);
  const recency = Math.exp(-ageDays / 30);
  const nearness = 1 - 0.5 * Math.min(1, Math.max(0, incident.distanceKm / radiusKm));
  return severity * recency * nearness;
}

export function threatPoints(threat: RiskThreat): number {
  const reliability = RELIABILITY[threat.sourceReliability] ?? 0.4;
  const credibility = CREDIBILITY[threat.informationCredibility] ?? 0.4;
  return THREAT_BASE_POINTS * reliability * credibility;
}

/** True when any part of [departure, arrival] falls between 18:00 and 06:00 in Karachi. */
export function travelsAtNight(departure: string, arrival: string): boolean {
  const start = new Date(departure).getTime() + KARACHI_OFFSET_MS;
  const end = new Date(arrival).getTime() + KARACHI_OFFSET_MS;
  // In shifted time, "local midnight" is a multiple of a day; nights run 18:00 → 06:00.
  for (let day = Math.floor(start / DAY_MS) - 1; day * DAY_MS <= end; day++) {
    const nightStart = day * DAY_MS + 18 * 3_600_000;
    const nightEnd = nightStart + 12 * 3_600_000;
    if (start < nightEnd && end > nightStart) return true;
  }
  return false;
}

export function assessRisk(inputs: RiskInputs): RiskAssessment {
  const contributors: RiskContributor[] = [];
  for (const incident of inputs.incidents) {
    const points = incidentPoints(incident, inputs.now, inputs.searchRadiusKm);
    if (points >= 0.05) {
      contributors.push({
        kind: 'incident',
        id: incident.id,
        title: incident.title,
        distanceKm: round1(incident.distanceKm),
        points: round1(points),
      });
    }
  }
  for (const threat of inputs.threats) {
    contributors.push({
      kind: 'threat-report',
      id: threat.id,
      title: threat.title,
      distanceKm: round1(threat.distanceKm),
      points: round1(threatPoints(threat)),
    });
  }
  if (travelsAtNight(inputs.plannedDeparture, inputs.plannedArrival)) {
    contributors.push({
      kind: 'night',
      title: 'Travel between 18:00 and 06:00',
      points: NIGHT_POINTS,
    });
  }
  const posture = inputs.postures.reduce<PostureLevel>(
    (highest, p) => (POSTURE_POINTS[p] > POSTURE_POINTS[highest] ? p : highest),
    'normal',
  );
  if (POSTURE_POINTS[posture] > 0) {
    contributors.push({
      kind: 'posture',
      title: `Site posture: ${posture}`,
      points: POSTURE_POINTS[posture],
    });
  }
  contributors.sort((a, b) => b.points - a.points);
  const total = contributors.reduce((sum, c) => sum + c.points, 0);
  const score = Math.min(100, Math.round(total));
  return { score, level: levelOf(score), contributors };
}
