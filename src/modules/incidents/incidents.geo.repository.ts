/**
 * Geographic and statistical reads of incidents: candidates by H3 cell (the
 * exact distance test happens in the service), cluster counts per cell, and
 * monthly counts. All start from `filtered`, so the read filter always applies.
 */
import { sql } from 'kysely';
import type { ReadScope } from '../../core/policy/index.js';
import type { Executor } from '../../storage/executor.js';
import { filtered, type IncidentFilters } from './incidents.repository.js';

export interface IncidentPoint {
  id: string;
  event_date: string;
  event_type: string;
  sub_event_type: string;
  location: string;
  lat: number;
  lon: number;
  fatalities: number | null;
  marking: string;
}

export interface Bounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** Points matching the filters (newest first), at most `limit`: the caller checks exact geometry. */
export async function listIncidentPoints(
  executor: Executor,
  scope: ReadScope,
  filters: IncidentFilters,
  limit: number,
  bounds?: Bounds,
): Promise<IncidentPoint[]> {
  return filtered(executor, scope, filters)
    .select([
      'incidents.id',
      'incidents.event_date',
      'incidents.event_type',
      'incidents.sub_event_type',
      'incidents.location',
      'incidents.lat',
      'incidents.lon',
      'incidents.fatalities',
      'incidents.marking',
    ])
    .$if(bounds !== undefined, (qb) => withinBounds(qb, bounds))
    .orderBy('incidents.event_date', 'desc')
    .orderBy('incidents.id', 'desc')
    .limit(limit)
    .execute();
}

function withinBounds<QB extends ReturnType<typeof filtered>>(
  qb: QB,
  bounds: Bounds | undefined,
): QB {
  if (!bounds) return qb;
  return qb
    .where('incidents.lat', '>=', bounds.south)
    .where('incidents.lat', '<=', bounds.north)
    .where('incidents.lon', '>=', bounds.west)
    .where('incidents.lon', '<=', bounds.east) as QB;
}

/** Counts per stored cell inside the bounds: summed by the caller into clusters, equal to the filtered total. */
export async function countIncidentsPerCell(
  executor: Executor,
  scope: ReadScope,
  filters: IncidentFilters,
  column: 'h3_r4' | 'h3_r6' | 'h3_r8',
  bounds: Bounds,
): Promise<{ cell: string; count: number }[]> {
  const rows = await withinBounds(filtered(executor, scope, filters), bounds)
    .select([`incidents.${column} as cell`, (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy(`incidents.${column}`)
    .execute();
  return rows.map((row) => ({ cell: row.cell, count: Number(row.count) }));
}

export async function countIncidentsPerMonth(
  executor: Executor,
  scope: ReadScope,
  filters: IncidentFilters,
): Promise<{ month: string; eventType: string; count: number }[]> {
  const month = sql<string>`substr(incidents.event_date, 1, 7)`;
  const rows = await filtered(executor, scope, filters)
    .select([
      month.as('month'),
      'incidents.event_type as eventType',
      (eb) => eb.fn.countAll<number>().as('count'),
    ])
    .groupBy([month, 'incidents.event_type'])
    .orderBy(month)
    .orderBy('incidents.event_type')
    .execute();
  return rows.map((row) => ({
    month: row.month,
    eventType: row.eventType,
    count: Number(row.count),
  }));
}

/** Counts per event date and marking: a daily series, with what the highest marking behind each day is. */
export async function countIncidentsPerDayAndMarking(
  executor: Executor,
  scope: ReadScope,
  filters: IncidentFilters,
): Promise<{ date: string; marking: string; count: number }[]> {
  const rows = await filtered(executor, scope, filters)
    .select([
      'incidents.event_date as date',
      'incidents.marking as marking',
      (eb) => eb.fn.countAll<number>().as('count'),
    ])
    .groupBy(['incidents.event_date', 'incidents.marking'])
    .orderBy('incidents.event_date')
    .execute();
  return rows.map((row) => ({ date: row.date, marking: row.marking, count: Number(row.count) }));
}
