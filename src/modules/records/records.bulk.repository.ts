/**
 * First versions of many records at once: their `records` rows, release
 * lists, search text and record-change queue entries, inserted the fastest
 * way each engine has (storage/bulk-insert.ts). The bulk counterpart of
 * storeRecordVersion for records with no stored version: a first version is
 * the current one and replaces nothing, so there is no history row to keep,
 * no release list or search row to delete, and no upsert.
 *
 * Used by bulk incident ingest and by federation's receiving of a page of
 * peer objects. Must never: be given a record that already has a version
 * (the insert would fail on its primary key, and the caller's transaction
 * with it).
 */
import { newId } from '../../core/ids.js';
import type { BulkInsert, BulkValue } from '../../storage/bulk-insert.js';
import { capabilitiesOf } from '../../storage/capabilities.js';
import type { Executor } from '../../storage/executor.js';
import { announceRecordChanges } from './record-changes.repository.js';
import { RECORD_ROW_COLUMNS, type RecordRow } from './records.repository.js';
import type {
  RecordChangesTable,
  RecordReleasesTable,
  RecordSearchTable,
  RecordsTable,
} from './records.tables.js';

/** Column order of each table's INSERT; rows are given as value arrays in this order. */
export const RECORD_COLUMNS = [
  ...RECORD_ROW_COLUMNS,
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

/** Rows for the four tables, each a value array in the matching *_COLUMNS order. */
export interface NewRecordRows {
  records: BulkValue[][];
  releases: BulkValue[][];
  /** [record id, search text]: written through the engine's search rows (storage/search-rows.ts). */
  search: [string, string][];
  /** The record-change queue entries (the alert matcher reads them). */
  changes: BulkValue[][];
}

export function emptyNewRecordRows(): NewRecordRows {
  return { records: [], releases: [], search: [], changes: [] };
}

export interface NewRecord {
  row: RecordRow;
  /** Who may read it besides the originator: stored only when the row's marking is valid. */
  grantees: readonly string[];
  searchText: string | undefined;
  storedAt: string;
  storedByUser: string | null;
}

/** Adds one record's first version to `rows`, as storeRecordVersion would store it. */
export function addNewRecord(rows: NewRecordRows, record: NewRecord): void {
  const { row, storedAt } = record;
  rows.records.push([
    row.id,
    row.type,
    row.created_by,
    row.created_by_user,
    row.marking,
    row.marking_valid,
    row.releasable_to,
    row.created,
    row.modified,
    row.revoked,
    row.received_from_peer,
    row.contains_personal_data,
    row.legal_basis,
    row.body,
    storedAt,
    record.storedByUser,
  ]);
  if (row.marking_valid === 1) {
    for (const grantee of new Set(record.grantees)) rows.releases.push([row.id, grantee]);
  }
  if (record.searchText !== undefined) rows.search.push([row.id, record.searchText]);
  rows.changes.push([newId('record-change'), row.id, row.type, row.modified, storedAt]);
}

/**
 * Inserts the rows in the caller's transaction, records first (the other
 * tables reference them), and wakes the record-change consumers after the
 * commit. `writtenHere` is false for versions received from a peer: those
 * are not announced to peers again.
 */
export async function insertNewRecords(
  trx: Executor,
  rows: NewRecordRows,
  insertRows: BulkInsert,
  writtenHere: boolean,
): Promise<void> {
  if (rows.records.length === 0) return;
  await insertRows(trx, 'records', RECORD_COLUMNS, rows.records);
  await insertRows(trx, 'record_releases', RELEASE_COLUMNS, rows.releases);
  await capabilitiesOf(trx).searchRows.insert(trx, rows.search);
  await insertRows(trx, 'record_changes', CHANGE_COLUMNS, rows.changes);
  announceRecordChanges(trx, writtenHere);
}
