/**
 * The CAP 1.2 fields of an alert (OASIS Common Alerting Protocol): severity,
 * urgency and certainty from the trigger's own fields, the headline and
 * instruction for the subject, and the area the alert is about. Pure rules,
 * so that the matcher, the tests and the bench all use the same ones.
 *
 * Owns: how Tandem's incidents and threat reports map onto CAP's scales.
 * Must never: read storage or decide who sees an alert.
 */
import type { Trigger, IncidentTrigger, ThreatTrigger } from './alerts.triggers.js';
import type { SubjectMatch } from './alerts.match.js';

export type CapSeverity = 'Extreme' | 'Severe' | 'Moderate' | 'Minor' | 'Unknown';
export type CapUrgency = 'Immediate' | 'Expected' | 'Future' | 'Past' | 'Unknown';
export type CapCertainty = 'Observed' | 'Likely' | 'Possible' | 'Unlikely' | 'Unknown';

/** The CAP area as stored in `alerts.area` (JSON): CAP's own strings, ready for the XML. */
export interface CapArea {
  areaDesc: string;
  /** "lat,lon radiusKm" */
  circle?: string;
  /** "lat,lon lat,lon …", closed (first pair repeated last) */
  polygon?: string;
}

export interface CapFields {
  severity: CapSeverity;
  urgency: CapUrgency;
  certainty: CapCertainty;
  headline: string;
  instruction: string;
  area: CapArea;
}

/** ACLED event types that are violence in themselves (protests and strategic developments are not). */
const VIOLENT_EVENT_TYPES = new Set([
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
  'Riots',
]);

export function incidentSeverity(row: {
  fatalities: number | null;
  sub_event_type: string;
  event_type: string;
}): CapSeverity {
  const fatalities = row.fatalities ?? 0;
  if (fatalities >= 5 || row.sub_event_type === 'Suicide bomb') return 'Extreme';
  if (fatalities >= 1) return 'Severe';
  if (VIOLENT_EVENT_TYPES.has(row.event_type)) return 'Moderate';
  return 'Minor';
}

const SEVERITY_STEPS: readonly CapSeverity[] = ['Minor', 'Moderate', 'Severe', 'Extreme'];

/**
 * A threat's severity: its credibility sets the level (1–2 Severe, 3
 * Moderate, 4–5 Minor, 6 cannot be judged), one step higher when its target
 * type is what the subject is (a site threat at a site, a route threat on a
 * movement; threats to personnel fit both).
 */
export function threatSeverity(
  row: { information_credibility: number; target_type: string },
  subjectType: 'site' | 'movement',
): CapSeverity {
  const credibility = row.information_credibility;
  if (credibility >= 6) return 'Unknown';
  const base = credibility <= 2 ? 2 : credibility === 3 ? 1 : 0;
  const fits =
    row.target_type === 'personnel' ||
    (row.target_type === 'site' && subjectType === 'site') ||
    (row.target_type === 'route' && subjectType === 'movement');
  return SEVERITY_STEPS[Math.min(3, base + (fits ? 1 : 0))] ?? 'Unknown';
}

export function threatCertainty(credibility: number): CapCertainty {
  if (credibility <= 2) return 'Likely';
  if (credibility === 3) return 'Possible';
  if (credibility <= 5) return 'Unlikely';
  return 'Unknown';
}

export function threatUrgency(row: { valid_from: string; valid_until: string }, now: string) {
  if (row.valid_until < now) return 'Past' as const;
  return row.valid_from <= now ? ('Expected' as const) : ('Future' as const);
}

const km = (value: number) => value.toFixed(1);
const coordinate = (value: number) => value.toFixed(5).replace(/\.?0+$/u, '');

/** CAP's "lat,lon radius" (radius in km). */
export function capCircle(lat: number, lon: number, radiusKm: number): string {
  return `${coordinate(lat)},${coordinate(lon)} ${km(radiusKm)}`;
}

/** CAP's polygon: "lat,lon" pairs separated by spaces, the first repeated last. */
export function capPolygon(ring: readonly (readonly number[])[]): string {
  const pairs = ring.map(([lon = 0, lat = 0]) => `${coordinate(lat)},${coordinate(lon)}`);
  if (pairs.length > 0 && pairs[0] !== pairs.at(-1)) pairs.push(pairs[0] ?? '');
  return pairs.join(' ');
}

/** ACLED geo precision 1 (the place itself), 2 (near it), 3 (the district or province). */
const PRECISION_RADIUS_KM: Record<number, number> = { 1: 0, 2: 5, 3: 25 };

function subjectLabel(match: SubjectMatch): string {
  return match.subjectType === 'site' ? match.name : `the route of “${match.name}”`;
}

function instructionFor(match: SubjectMatch): string {
  return match.subjectType === 'site'
    ? 'Review the site’s security posture and confirm the people on site.'
    : 'Contact the escort commander and consider holding the movement until the situation is clear.';
}

function incidentFields(trigger: IncidentTrigger, match: SubjectMatch): CapFields {
  const row = trigger.row;
  const moving =
    match.subjectType === 'movement' && ['in_transit', 'overdue'].includes(match.state);
  return {
    severity: incidentSeverity(row),
    urgency: moving ? 'Immediate' : 'Expected',
    certainty: 'Observed',
    headline: `Incident within ${km(match.distanceKm)} km of ${subjectLabel(match)}`,
    instruction: instructionFor(match),
    area: {
      areaDesc: `${row.location}, ${row.country}`,
      circle: capCircle(row.lat, row.lon, PRECISION_RADIUS_KM[row.geo_precision] ?? 0),
    },
  };
}

function threatFields(trigger: ThreatTrigger, match: SubjectMatch, now: string): CapFields {
  const row = trigger.row;
  const area = trigger.area;
  const headline =
    match.distanceKm === 0
      ? `Threat area covers ${subjectLabel(match)}`
      : `Threat area within ${km(match.distanceKm)} km of ${subjectLabel(match)}`;
  return {
    severity: threatSeverity(row, match.subjectType),
    urgency: threatUrgency(row, now),
    certainty: threatCertainty(row.information_credibility),
    headline,
    instruction: instructionFor(match),
    area:
      area.kind === 'circle'
        ? { areaDesc: row.title, circle: capCircle(area.lat, area.lon, area.radiusKm) }
        : { areaDesc: row.title, polygon: capPolygon(area.polygon.coordinates[0] ?? []) },
  };
}

/** The CAP fields of the alert `trigger` raises for `match`, as of `now` (ISO). */
export function capFieldsOf(trigger: Trigger, match: SubjectMatch, now: string): CapFields {
  return trigger.kind === 'incident'
    ? incidentFields(trigger, match)
    : threatFields(trigger, match, now);
}
