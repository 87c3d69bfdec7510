/**
 * Query-table rows joined with their `records` row: the record columns to
 * select, and splitting a joined row back into the two. Shared by every
 * module that keeps a query table beside `records`.
 */
import type { RecordRow } from './records.repository.js';

export const RECORD_COLUMNS = [
  'records.type',
  'records.created_by',
  'records.created_by_user',
  'records.marking',
  'records.marking_valid',
  'records.releasable_to',
  'records.created',
  'records.modified',
  'records.revoked',
  'records.received_from_peer',
  'records.contains_personal_data',
  'records.legal_basis',
  'records.body',
] as const;

export type WithRecord<T extends { id: string }> = T & { record: RecordRow };

export function splitRecord<T extends { id: string }>(
  row: T & Omit<RecordRow, 'id'>,
): WithRecord<T> {
  const {
    type,
    created_by,
    created_by_user,
    marking,
    marking_valid,
    releasable_to,
    created,
    modified,
    revoked,
    received_from_peer,
    contains_personal_data,
    legal_basis,
    body,
    ...own
  } = row;
  const record: RecordRow = {
    id: row.id,
    type,
    created_by,
    created_by_user,
    marking,
    marking_valid,
    releasable_to,
    created,
    modified,
    revoked,
    received_from_peer,
    contains_personal_data,
    legal_basis,
    body,
  };
  // `own` is T without the record's columns; T declares none of them, so it is T.
  return { ...(own as unknown as T), record };
}
