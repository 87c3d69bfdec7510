/**
 * SQL shared by the coordination record types: reading one record of a type
 * through the sharing policy's read filter, the unfiltered look-up behind the
 * originator's edit checks, and which organisations exist. Each type's query
 * table has its own repository.
 */
import type { ReadScope } from '../../core/policy/index.js';
import type { Executor } from '../../storage/executor.js';
import { RECORD_ROW_COLUMNS, readableBy, type RecordRow } from '../records/records.repository.js';
import type { CoordinationType } from './coordination.schema.js';

/** The record if this reader may read it; an unknown id and an unreadable one look the same. */
export async function findReadableCoordinationRecord(
  executor: Executor,
  scope: ReadScope,
  type: CoordinationType,
  id: string,
): Promise<RecordRow | undefined> {
  return executor
    .selectFrom('records')
    .select(RECORD_ROW_COLUMNS)
    .where('records.id', '=', id)
    .where('records.type', '=', type)
    .where(readableBy(scope))
    .executeTakeFirst();
}

/** Those of `ids` this reader may read, in one query (lists of references: notifications). */
export async function findReadableCoordinationRecords(
  executor: Executor,
  scope: ReadScope,
  type: CoordinationType,
  ids: readonly string[],
): Promise<RecordRow[]> {
  if (ids.length === 0) return [];
  return executor
    .selectFrom('records')
    .select(RECORD_ROW_COLUMNS)
    .where('records.id', 'in', [...new Set(ids)])
    .where('records.type', '=', type)
    .where(readableBy(scope))
    .execute();
}

/** The record whatever the reader: for the originator's edit checks only, never for presenting. */
export async function findCoordinationRecordForEdit(
  executor: Executor,
  type: CoordinationType,
  id: string,
): Promise<RecordRow | undefined> {
  return executor
    .selectFrom('records')
    .select(RECORD_ROW_COLUMNS)
    .where('id', '=', id)
    .where('type', '=', type)
    .executeTakeFirst();
}

/** Which of `ids` name organisations known to this node. */
export async function existingOrganisationIds(
  executor: Executor,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await executor
    .selectFrom('organisations')
    .select('id')
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Set(rows.map((row) => row.id));
}
