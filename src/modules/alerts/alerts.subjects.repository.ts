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
import type { RecordRow } from '../records/records.repository.js';
import type { SitesTable } from '../sites/sites.tables.js';

/** A movement row and the record body that holds its route. */
export type MovementCandidate = MovementsTable & { body: string };

const RECORD_FIELDS = [
  'id',
  'type',
  'created_by',
  'created_by_user',
  'marking',
  'marking_valid',
  'releasable_to',
  'created',
  'modified',
  'revoked',
  'received_from_peer',
  'contains_personal_data',
  'legal_basis',
  'body',
] as const;

export async function findTriggerRecord(
  executor: Executor,
  id: string,
): Promise<RecordRow | undefined> {
  return executor
    .selectFrom('records')
    .select(RECORD_FIELDS)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findIncidentRow(
  executor: Executor,
  id: string,
): Promise<IncidentsTable | undefined> {
  return executor.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findThreatReportRow(
  executor: Executor,
  id: string,
): Promise<ThreatReportsTable | undefined> {
  return executor.selectFrom('threat_reports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Sites (not revoked) whose cover holds any of `cells`. */
export async function sitesInCells(
  executor: Executor,
  cells: readonly string[],
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
    .execute();
}

export interface MovementFilter {
  states: readonly string[];
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
