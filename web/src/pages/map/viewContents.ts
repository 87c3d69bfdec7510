/**
 * What the map's current view shows, as a short ordered list for keyboard
 * and screen-reader users ("What is in view"). Built only from the answers
 * the layers already fetched and drew: it must never ask the server for
 * anything itself, so it always agrees with the map and costs no request.
 */
import type { Polygon } from 'geojson';
import type { IncidentCluster, IncidentMapAnswer, IncidentPoint, ThreatArea } from './mapApi';

/** Enough to read through with a keyboard; beyond it, zooming in is the better way to narrow. */
export const IN_VIEW_LIMIT = 50;

export interface Capped<T> {
  shown: T[];
  /** How many more the view holds than are listed. */
  more: number;
}

export type IncidentsInView =
  | { kind: 'clusters'; total: number; clusters: Capped<IncidentCluster> }
  | { kind: 'points'; total: number; points: Capped<IncidentPoint> };

/** One activatable entry of the list; `key` finds its button again (to give focus back). */
export type InViewEntry =
  | { kind: 'threat'; key: string; area: ThreatArea }
  | { kind: 'point'; key: string; point: IncidentPoint }
  | { kind: 'cluster'; key: string; cluster: IncidentCluster };

export const entryKey = {
  threat: (area: ThreatArea) => `threat:${area.id}`,
  point: (point: IncidentPoint) => `point:${point.id}`,
  cluster: (cluster: IncidentCluster) => `cluster:${cluster.properties.cell}`,
};

function capped<T>(sorted: T[], limit: number, total = sorted.length): Capped<T> {
  const shown = sorted.slice(0, limit);
  return { shown, more: Math.max(0, total - shown.length) };
}

/**
 * Clusters largest first (where most happened); points newest first. The points' `more`
 * counts from the server's total, so incidents it left out of a truncated answer count too.
 */
export function incidentsInView(
  answer: IncidentMapAnswer | null,
  limit = IN_VIEW_LIMIT,
): IncidentsInView | null {
  if (!answer) return null;
  if (answer.kind === 'clusters') {
    const sorted = [...answer.features].sort(
      (a, b) =>
        b.properties.count - a.properties.count ||
        a.properties.cell.localeCompare(b.properties.cell),
    );
    return { kind: 'clusters', total: answer.total, clusters: capped(sorted, limit) };
  }
  const sorted = [...answer.points].sort(
    (a, b) => b.event_date.localeCompare(a.event_date) || a.id.localeCompare(b.id),
  );
  return { kind: 'points', total: answer.total, points: capped(sorted, limit, answer.total) };
}

/** The Admiralty grading as written on reports, e.g. "B2". */
export function gradingOf(area: ThreatArea): string {
  return `${area.properties.sourceReliability}${area.properties.informationCredibility}`;
}

/** Best-graded first ("A1" before "B2" before "F6"): the most trustworthy threats lead. */
export function threatsInView(
  areas: readonly ThreatArea[] | null,
  limit = IN_VIEW_LIMIT,
): Capped<ThreatArea> | null {
  if (!areas) return null;
  const sorted = [...areas].sort(
    (a, b) =>
      gradingOf(a).localeCompare(gradingOf(b)) ||
      a.properties.title.localeCompare(b.properties.title),
  );
  return capped(sorted, limit);
}

/** The box around a polygon's outer ring, as MapLibre's fitBounds takes it. */
export function boundsOf(polygon: Polygon): [[number, number], [number, number]] {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const [lon = 0, lat = 0] of polygon.coordinates[0] ?? []) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  return [
    [west, south],
    [east, north],
  ];
}

/** A coordinate for people: degrees with the hemisphere, e.g. "30.18° N". */
export function formatCoordinate(
  value: number,
  positive: string,
  negative: string,
  digits = 4,
): string {
  return `${Math.abs(value).toFixed(digits)}° ${value >= 0 ? positive : negative}`;
}

/** Where a cluster is, to about a kilometre: the view's list has no place names to offer. */
export function formatPlace(lon: number, lat: number): string {
  return `${formatCoordinate(lat, 'N', 'S', 2)}, ${formatCoordinate(lon, 'E', 'W', 2)}`;
}

/**
 * How long to wait before announcing a new summary: long enough after the
 * layers settled that a continuing pan does not announce a passing view, and
 * never sooner than `gapMs` after the previous announcement.
 */
export function announcementDelay(
  now: number,
  lastAnnouncedAt: number,
  settleMs: number,
  gapMs: number,
): number {
  return Math.max(settleMs, lastAnnouncedAt + gapMs - now);
}
