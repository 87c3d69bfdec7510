/**
 * The only SQL for corroborations. Every read applies the read filter to the
 * corroboration itself; callers first check that the reader may read the
 * subject, which is the other half of reading a corroboration.
 */
import type { ReadScope } from '../../core/policy/index.js';
import type { Executor } from '../../storage/executor.js';
import { readableBy } from '../records/records.repository.js';
import { RECORD_COLUMNS, splitRecord, type WithRecord } from '../records/records.joined.js';
import type { CorroborationsTable } from './intel.tables.js';
import { CORROBORATION_KINDS, type CorroborationKind } from '../../core/vocabulary/intel.js';

export type CorroborationRow = CorroborationsTable;
export type CorroborationWithRecord = WithRecord<CorroborationRow>;

export interface CorroborationCounts {
  /** Distinct organisations per kind. */
  byKind: Record<CorroborationKind, number>;
  /** Distinct organisations over all kinds. */
  organisations: number;
}

/** Inserts, or replaces the row of an earlier version (a peer may send a corroboration's next version). */
export async function saveCorroborationRow(trx: Executor, row: CorroborationRow): Promise<void> {
  await trx
    .insertInto('corroborations')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...row }))
    .execute();
}

function readableOf(executor: Executor, scope: ReadScope, subjectId: string) {
  return executor
    .selectFrom('corroborations')
    .innerJoin('records', 'records.id', 'corroborations.id')
    .where(readableBy(scope))
    .where('records.revoked', '=', 0)
    .where('corroborations.subject_id', '=', subjectId);
}

/** Newest first. */
export async function listCorroborations(
  executor: Executor,
  scope: ReadScope,
  subjectId: string,
  limit: number,
): Promise<CorroborationWithRecord[]> {
  const rows = await readableOf(executor, scope, subjectId)
    .selectAll('corroborations')
    .select(RECORD_COLUMNS)
    .orderBy('records.created', 'desc')
    .orderBy('corroborations.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => splitRecord<CorroborationRow>(row));
}

/** One corroboration the reader may read under its own marking (the subject is the caller's check). */
export async function findCorroboration(
  executor: Executor,
  scope: ReadScope,
  id: string,
): Promise<CorroborationWithRecord | undefined> {
  const row = await executor
    .selectFrom('corroborations')
    .innerJoin('records', 'records.id', 'corroborations.id')
    .where(readableBy(scope))
    .where('corroborations.id', '=', id)
    .selectAll('corroborations')
    .select(RECORD_COLUMNS)
    .executeTakeFirst();
  return row ? splitRecord<CorroborationRow>(row) : undefined;
}

/**
 * Independent corroboration: distinct organisations other than the subject's
 * originator (which cannot corroborate itself), over the corroborations the
 * reader may read.
 */
export async function countCorroborations(
  executor: Executor,
  scope: ReadScope,
  subjectId: string,
  originator: string,
): Promise<CorroborationCounts> {
  const independent = () =>
    readableOf(executor, scope, subjectId).where('records.created_by', '<>', originator);
  const perKind = await independent()
    .select([
      'corroborations.kind as kind',
      (eb) => eb.fn.count<number>('records.created_by').distinct().as('organisations'),
    ])
    .groupBy('corroborations.kind')
    .execute();
  const total = await independent()
    .select((eb) => eb.fn.count<number>('records.created_by').distinct().as('organisations'))
    .executeTakeFirst();
  const byKind = Object.fromEntries(CORROBORATION_KINDS.map((kind) => [kind, 0])) as Record<
    CorroborationKind,
    number
  >;
  for (const row of perKind) {
    if ((CORROBORATION_KINDS as readonly string[]).includes(row.kind))
      byKind[row.kind as CorroborationKind] = Number(row.organisations);
  }
  return { byKind, organisations: Number(total?.organisations ?? 0) };
}
