/**
 * The only SQL for the action-item query table: the tracker across groups.
 * Every list applies the sharing policy's read filter.
 */
import type { RawBuilder, SqlBool } from 'kysely';
import type { ReadScope } from '../../core/policy/index.js';
import type { Executor } from '../../storage/executor.js';
import { readableBy } from '../records/records.repository.js';
import { RECORD_COLUMNS, splitRecord, type WithRecord } from '../records/records.joined.js';
import { CLOSED_STATUSES } from '../../core/vocabulary/coordination.js';
import type { ActionItemsTable } from './coordination.tables.js';

export type ActionItemRow = ActionItemsTable;
export type ActionItemWithRecord = WithRecord<ActionItemRow>;

export interface ActionItemFilters {
  ownerOrgId?: string | undefined;
  status?: string | undefined;
  /** Due strictly before this ISO date. */
  dueBefore?: string | undefined;
  /** Overdue (true) or not (false) as of `today`: due before today and not done or dropped. */
  overdue?: { is: boolean; today: string } | undefined;
  workingGroupId?: string | undefined;
  decisionId?: string | undefined;
  /** Search matches, all of which must hold (see StorageCapabilities.recordContains). */
  textMatches?: RawBuilder<SqlBool>[] | undefined;
}

export async function saveActionItemRow(trx: Executor, row: ActionItemRow): Promise<void> {
  await trx
    .insertInto('action_items')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...row }))
    .execute();
}

/** By due date, then id; `after` is the (due_date, id) of the last row of the previous page. */
export async function listActionItems(
  executor: Executor,
  scope: ReadScope,
  filters: ActionItemFilters,
  page: { limit: number; after?: readonly string[] | undefined },
): Promise<ActionItemWithRecord[]> {
  const { ownerOrgId, status, dueBefore, overdue, workingGroupId, decisionId, textMatches } =
    filters;
  const after = page.after;
  const rows = await executor
    .selectFrom('action_items')
    .innerJoin('records', 'records.id', 'action_items.id')
    .where(readableBy(scope))
    .where('records.revoked', '=', 0)
    .selectAll('action_items')
    .select(RECORD_COLUMNS)
    .$if(ownerOrgId !== undefined, (qb) =>
      qb.where('action_items.owner_org_id', '=', ownerOrgId ?? ''),
    )
    .$if(status !== undefined, (qb) => qb.where('action_items.status', '=', status ?? ''))
    .$if(dueBefore !== undefined, (qb) => qb.where('action_items.due_date', '<', dueBefore ?? ''))
    .$if(workingGroupId !== undefined, (qb) =>
      qb.where('action_items.working_group_id', '=', workingGroupId ?? ''),
    )
    .$if(decisionId !== undefined, (qb) =>
      qb.where('action_items.decision_id', '=', decisionId ?? ''),
    )
    .$if(textMatches !== undefined, (qb) =>
      (textMatches ?? []).reduce((q, match) => q.where(match), qb),
    )
    .$if(overdue !== undefined, (qb) =>
      qb.where((eb) => {
        const isOverdue = eb.and([
          eb('action_items.due_date', '<', overdue?.today ?? ''),
          eb('action_items.status', 'not in', [...CLOSED_STATUSES]),
        ]);
        return overdue?.is === false ? eb.not(isOverdue) : isOverdue;
      }),
    )
    .$if(after !== undefined, (qb) => {
      const [due = '', id = ''] = after ?? [];
      return qb.where((eb) =>
        eb.or([
          eb('action_items.due_date', '>', due),
          eb.and([eb('action_items.due_date', '=', due), eb('action_items.id', '>', id)]),
        ]),
      );
    })
    .orderBy('action_items.due_date')
    .orderBy('action_items.id')
    .limit(page.limit)
    .execute();
  return rows.map((row) => splitRecord<ActionItemRow>(row));
}

/** What the overdue scan needs of one item. */
export interface OverdueItemRef {
  id: string;
  owner_org_id: string;
  due_date: string;
}

/**
 * Every overdue item on the node, by id, `limit` at a time after `afterId`.
 * A node job, not a read path: it yields references only, and whoever is
 * then shown an item reads it through the policy.
 */
export async function listOverdueItemRefs(
  executor: Executor,
  today: string,
  page: { limit: number; afterId?: string | undefined },
): Promise<OverdueItemRef[]> {
  return executor
    .selectFrom('action_items')
    .innerJoin('records', 'records.id', 'action_items.id')
    .where('records.revoked', '=', 0)
    .where('action_items.due_date', '<', today)
    .where('action_items.status', 'not in', [...CLOSED_STATUSES])
    .$if(page.afterId !== undefined, (qb) => qb.where('action_items.id', '>', page.afterId ?? ''))
    .select(['action_items.id', 'action_items.owner_org_id', 'action_items.due_date'])
    .orderBy('action_items.id')
    .limit(page.limit)
    .execute();
}
