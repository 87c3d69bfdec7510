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
import { announceRecordChanges } from '../records/record-changes.repository.js';
import type {
  RecordChangesTable,
  RecordReleasesTable,
  RecordSearchTable,
  RecordsTable,
} from '../records/records.tables.js';
import type { IncidentsTable } from './incidents.tables.js';

/** Column order of each table's INSERT; rows are given as value arrays in this order. */
export const RECORD_COLUMNS = [
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
  'stored_at',
  'stored_by_user',
] as const satisfies readonly (keyof RecordsTable)[];

export const RELEASE_COLUMNS = [
  'record_id',
  'grantee',
] as const satisfies readonly (keyof RecordReleasesTable)[];

export const SEARCH_COLUMNS = [
  'record_id',
  'text',
] as const satisfies readonly (keyof RecordSearchTable)[];

export const CHANGE_COLUMNS = [
  'id',
  'record_id',
  'record_type',
  'modified',
  'queued_at',
] as const satisfies readonly (keyof RecordChangesTable)[];

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

type Value = BulkValue;

/** Rows for the four tables, each a value array in the matching *_COLUMNS order. */
export interface IncidentBulkRows {
  records: Value[][];
  releases: Value[][];
  search: Value[][];
  incidents: Value[][];
  /** The record-change queue entries (alerts match imported incidents too). */
  changes: Value[][];
}

/** Inserts one batch in the caller's transaction; parents before children for the foreign keys. */
export async function insertIncidentRows(
  trx: Executor,
  rows: IncidentBulkRows,
  insertRows: BulkInsert,
): Promise<void> {
  await insertRows(trx, 'records', RECORD_COLUMNS, rows.records);
  await insertRows(trx, 'record_releases', RELEASE_COLUMNS, rows.releases);
  await insertRows(trx, 'record_search', SEARCH_COLUMNS, rows.search);
  await insertRows(trx, 'incidents', INCIDENT_COLUMNS, rows.incidents);
  await insertRows(trx, 'record_changes', CHANGE_COLUMNS, rows.changes);
  announceRecordChanges(trx);
}
