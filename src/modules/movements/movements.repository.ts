/**
 * The only SQL for movement query rows, their transitions and approvals.
 * Every read that may reach a user applies the records read filter;
 * `findMovementForCheck` and `findMovementsByIds` do not, and exist for the
 * service's own checks and for the alert matcher, which apply the policy
 * themselves. Check-ins, codes, manifests and risk: movements.field.repository.ts.
 */
import type { RawBuilder, SqlBool } from 'kysely';
import type { ReadScope } from '../../core/policy/index.js';
import type { Executor } from '../../storage/executor.js';
import { readableBy } from '../records/records.repository.js';
import { RECORD_COLUMNS, splitRecord, type WithRecord } from '../records/records.joined.js';
import type {
  MovementApprovalsTable,
  MovementsTable,
  MovementTransitionsTable,
} from './movements.tables.js';

export type MovementRow = MovementsTable;
export type MovementWithRecord = WithRecord<MovementRow>;
export type TransitionRow = MovementTransitionsTable;
export type ApprovalRow = MovementApprovalsTable;

export async function saveMovementRow(trx: Executor, row: MovementRow): Promise<void> {
  await trx
    .insertInto('movements')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...row }))
    .execute();
}

export async function updateMovementRow(
  trx: Executor,
  id: string,
  patch: Partial<Omit<MovementRow, 'id'>>,
): Promise<void> {
  await trx.updateTable('movements').set(patch).where('id', '=', id).execute();
}

function joined(executor: Executor) {
  return executor
    .selectFrom('movements')
    .innerJoin('records', 'records.id', 'movements.id')
    .selectAll('movements')
    .select(RECORD_COLUMNS)
    .where('records.type', '=', 'movement');
}

/** The movement if this reader may read it; an unknown id and an unreadable one look the same. */
export async function findMovement(
  executor: Executor,
  scope: ReadScope,
  id: string,
): Promise<MovementWithRecord | undefined> {
  const row = await joined(executor)
    .where('movements.id', '=', id)
    .where(readableBy(scope))
    .executeTakeFirst();
  return row ? splitRecord<MovementRow>(row) : undefined;
}

/** The movement whatever the reader: for the service's checks (it asks canRead), never for presenting. */
export async function findMovementForCheck(
  executor: Executor,
  id: string,
): Promise<MovementWithRecord | undefined> {
  const row = await joined(executor).where('movements.id', '=', id).executeTakeFirst();
  return row ? splitRecord<MovementRow>(row) : undefined;
}

/** Raw query rows, no policy: for the alert matcher, which asks the policy itself. */
export async function findMovementsByIds(
  executor: Executor,
  ids: readonly string[],
): Promise<MovementRow[]> {
  if (ids.length === 0) return [];
  return executor
    .selectFrom('movements')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

export interface MovementFilters {
  state?: string | undefined;
  /** Planned departure that day, or on the road over it: [dayStart, dayEnd). */
  day?: { start: string; end: string } | undefined;
  /** Search matches, all of which must hold (see StorageCapabilities.recordContains). */
  textMatches?: readonly RawBuilder<SqlBool>[] | undefined;
}

/** One page by planned departure (latest first); `after` is the last row's (departure, id). */
export async function listMovements(
  executor: Executor,
  scope: ReadScope,
  filters: MovementFilters,
  page: { limit: number; after?: readonly string[] | undefined },
): Promise<MovementWithRecord[]> {
  const { day } = filters;
  const { after } = page;
  const rows = await joined(executor)
    .where(readableBy(scope))
    .where('records.revoked', '=', 0)
    .$if(filters.state !== undefined, (qb) => qb.where('movements.state', '=', filters.state ?? ''))
    .$if(day !== undefined, (qb) =>
      qb.where((eb) =>
        eb.and([
          eb('movements.planned_departure', '<', day?.end ?? ''),
          eb('movements.planned_arrival', '>=', day?.start ?? ''),
        ]),
      ),
    )
    .$if(filters.textMatches !== undefined, (qb) =>
      (filters.textMatches ?? []).reduce((q, match) => q.where(match), qb),
    )
    .$if(after !== undefined, (qb) => {
      const [departure = '', id = ''] = after ?? [];
      return qb.where((eb) =>
        eb.or([
          eb('movements.planned_departure', '<', departure),
          eb.and([eb('movements.planned_departure', '=', departure), eb('movements.id', '<', id)]),
        ]),
      );
    })
    .orderBy('movements.planned_departure', 'desc')
    .orderBy('movements.id', 'desc')
    .limit(page.limit)
    .execute();
  return rows.map((row) => splitRecord<MovementRow>(row));
}

export async function insertTransition(
  trx: Executor,
  row: Omit<TransitionRow, 'seq'>,
): Promise<number> {
  const last = await trx
    .selectFrom('movement_transitions')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('movement_id', '=', row.movement_id)
    .executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  await trx
    .insertInto('movement_transitions')
    .values({ ...row, seq })
    .execute();
  return seq;
}

export async function listTransitions(
  executor: Executor,
  movementId: string,
): Promise<TransitionRow[]> {
  return executor
    .selectFrom('movement_transitions')
    .selectAll()
    .where('movement_id', '=', movementId)
    .orderBy('seq')
    .execute();
}

export async function listApprovals(
  executor: Executor,
  movementId: string,
): Promise<ApprovalRow[]> {
  return executor
    .selectFrom('movement_approvals')
    .selectAll()
    .where('movement_id', '=', movementId)
    .orderBy('approved_at')
    .execute();
}

export async function insertApproval(trx: Executor, row: ApprovalRow): Promise<void> {
  await trx.insertInto('movement_approvals').values(row).execute();
}

/** A resubmitted request starts its approvals afresh. */
export async function clearApprovals(trx: Executor, movementId: string): Promise<void> {
  await trx.deleteFrom('movement_approvals').where('movement_id', '=', movementId).execute();
}
