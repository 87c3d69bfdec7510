/**
 * The rows of bulk incident ingest: new records, their release lists and
 * search text, the incidents query rows and their record-change queue entries, inserted the fastest way each
 * engine has (storage/bulk-insert.ts). A new record's only version is its
 * current one, which lives in `records`.
 *
 * Only for records that do not exist yet: nothing here replaces a version.
 */
import type { BulkInsert, BulkValue } from '../../storage/bulk-insert.js';
import type { Executor } from '../../storage/executor.js';
import { insertNewRecords, type NewRecordRows } from '../records/records.bulk.repository.js';
import type { IncidentsTable } from './incidents.tables.js';

export const INCIDENT_COLUMNS = [
  'id',
  'event_date',
  'time_precision',
  'event_type',
  'sub_event_type',
  'country',
  'location',
  'lat',
  'lon',
  'geo_precision',
  'h3_r4',
  'h3_r6',
  'h3_r8',
  'fatalities',
  'injured',
  'site_id',
  'movement_id',
  'language',
  'created_by',
  'created_by_user',
  'marking',
  'marking_valid',
  'revoked',
] as const satisfies readonly (keyof IncidentsTable)[];

/** An incident row as values in INCIDENT_COLUMNS order. */
export function incidentValues(row: IncidentsTable): BulkValue[] {
  return INCIDENT_COLUMNS.map((column) => row[column]);
}

/** The new records' rows and their incidents rows, each a value array in its *_COLUMNS order. */
export interface IncidentBulkRows extends NewRecordRows {
  incidents: BulkValue[][];
}

/** Inserts one batch in the caller's transaction; records before incidents for the foreign key. */
export async function insertIncidentRows(
  trx: Executor,
  rows: IncidentBulkRows,
  insertRows: BulkInsert,
): Promise<void> {
  await insertNewRecords(trx, rows, insertRows, true);
  await insertRows(trx, 'incidents', INCIDENT_COLUMNS, rows.incidents);
}
