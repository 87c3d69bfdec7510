/**
 * The days of the situation report page, and the box its map shows.
 * Reports are per UTC day (incidents are dated by day), so every day here
 * is a `YYYY-MM-DD` in UTC.
 */

const DAY_MS = 86_400_000;

/** A real calendar day written `YYYY-MM-DD` (2026-02-31 is not one). */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

/** The day asked for in the address (`?date=`), or undefined for "today". */
export function dayFromSearch(search: string): string | undefined {
  const date = new URLSearchParams(search).get('date') ?? '';
  return isCalendarDay(date) ? date : undefined;
}

/** The day `days` after `date` (before it when negative). */
export function shiftDay(date: string, days: number): string {
  return new Date(new Date(`${date}T00:00:00.000Z`).getTime() + days * DAY_MS)
    .toISOString()
    .slice(0, 10);
}

/** Today in UTC by this browser's clock. */
export function utcToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export interface Bounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** The box around the points ([lon, lat]), or null for none. Non-finite points are skipped. */
export function boundsOf(points: readonly (readonly [number, number])[]): Bounds | null {
  let bounds: Bounds | null = null;
  for (const [lon, lat] of points) {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    bounds = bounds
      ? {
          west: Math.min(bounds.west, lon),
          south: Math.min(bounds.south, lat),
          east: Math.max(bounds.east, lon),
          north: Math.max(bounds.north, lat),
        }
      : { west: lon, south: lat, east: lon, north: lat };
  }
  return bounds;
}
