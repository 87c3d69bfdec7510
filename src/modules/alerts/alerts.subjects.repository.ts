/**
 * The matcher's reads: a trigger's query row and record, and the sites and
 * movements whose stored fence cover (geofence_cells) holds any of a set of
 * cells — one indexed query per subject kind, subject rows included, so a
 * match costs two round trips. Raw rows without the sharing policy: the
 * matcher addresses alerts to organisations, and whoever reads an alert is
 * checked against both records then (alerts.visibility.ts).
 *
 * The sites and movements modules export equivalent raw readers
 * (findSitesByIds, findMovementsByIds); these join the cover lookup into the
 * same statement because the budget is 10 ms per incident.
 */
import type { Executor } from '../../storage/executor.js';
import type { IncidentsTable } from '../incidents/incidents.tables.js';
import type { ThreatReportsTable } from '../intel/intel.tables.js';
import type { MovementsTable } from '../movements/movements.tables.js';
import type { SitesTable } from '../sites/sites.tables.js';

/** A movement row and the record body that holds its route. */
export type MovementCandidate = MovementsTable & { body: string };

/** The record columns a trigger needs, read in the same statement as its query row. */
export interface TriggerRecord {
  record_modified: string;
  record_stored_at: string;
  record_revoked: number;
  record_body: string;
}

/**
 * An incident's query row with its record's version, in ONE statement: read
 * apart, a correction committed in between could pair one version's row
 * with another's version stamp.
 */
export async function findIncidentTrigger(
  executor: Executor,
  id: string,
): Promise<(IncidentsTable & TriggerRecord) | undefined> {
  return executor
    .selectFrom('incidents')
    .innerJoin('records', 'records.id', 'incidents.id')
    .selectAll('incidents')
    .select([
      'records.modified as record_modified',
      'records.stored_at as record_stored_at',
      'records.revoked as record_revoked',
      'records.body as record_body',
    ])
    .where('incidents.id', '=', id)
    .executeTakeFirst();
}

/** A threat report's query row with its record's version, in one statement (as above). */
export async function findThreatTrigger(
  executor: Executor,
  id: string,
): Promise<(ThreatReportsTable & TriggerRecord) | undefined> {
  return executor
    .selectFrom('threat_reports')
    .innerJoin('records', 'records.id', 'threat_reports.id')
    .selectAll('threat_reports')
    .select([
      'records.modified as record_modified',
      'records.stored_at as record_stored_at',
      'records.revoked as record_revoked',
      'records.body as record_body',
    ])
    .where('threat_reports.id', '=', id)
    .executeTakeFirst();
}

/**
 * Sites (not revoked, recorded by `existingAt`) whose cover holds any of
 * `cells`. A site recorded after the trigger learns of it from its nearby
 * list, not from an alert: the news was already there when it was recorded.
 */
export async function sitesInCells(
  executor: Executor,
  cells: readonly string[],
  existingAt: string,
): Promise<SitesTable[]> {
  if (cells.length === 0) return [];
  return executor
    .selectFrom('sites')
    .innerJoin('records', 'records.id', 'sites.id')
    .selectAll('sites')
    .where('sites.id', 'in', (eb) =>
      eb.selectFrom('geofence_cells').select('subject_id').where('cell', 'in', cells),
    )
    .where('records.revoked', '=', 0)
    .where('records.created', '<=', existingAt)
    .execute();
}

export interface MovementFilter {
  states: readonly string[];
  /** Only movements requested by this instant (a later one weighs the trigger in its risk). */
  existingAt: string;
  /** Only movements planned to arrive at or after this instant. */
  arrivingFrom?: string;
  /** Only movements whose planned window overlaps [from, until]. */
  window?: { from: string; until: string };
}

/** Movements (not revoked, in one of `states`) whose corridor cover holds any of `cells`. */
export async function movementsInCells(
  executor: Executor,
  cells: readonly string[],
  filter: MovementFilter,
): Promise<MovementCandidate[]> {
  if (cells.length === 0) return [];
  const { arrivingFrom, window } = filter;
  return executor
    .selectFrom('movements')
    .innerJoin('records', 'records.id', 'movements.id')
    .selectAll('movements')
    .select('records.body')
    .where('movements.id', 'in', (eb) =>
      eb.selectFrom('geofence_cells').select('subject_id').where('cell', 'in', cells),
    )
    .where('movements.state', 'in', filter.states)
    .where('records.revoked', '=', 0)
    .where('records.created', '<=', filter.existingAt)
    .$if(arrivingFrom !== undefined, (qb) =>
      qb.where('movements.planned_arrival', '>=', arrivingFrom ?? ''),
    )
    .$if(window !== undefined, (qb) =>
      qb
        .where('movements.planned_arrival', '>=', window?.from ?? '')
        .where('movements.planned_departure', '<=', window?.until ?? ''),
    )
    .execute();
}
