/** The only SQL for the working-group query table. Every list applies the sharing policy's read filter. */
import type { RawBuilder, SqlBool } from 'kysely';
import type { ReadScope } from '../../core/policy/index.js';
import type { Executor } from '../../storage/executor.js';
import { readableBy } from '../records/records.repository.js';
import { RECORD_COLUMNS, splitRecord, type WithRecord } from '../records/records.joined.js';
import type { WorkingGroupsTable } from './coordination.tables.js';

export type WorkingGroupRow = WorkingGroupsTable;
export type WorkingGroupWithRecord = WithRecord<WorkingGroupRow>;

export async function saveWorkingGroupRow(trx: Executor, row: WorkingGroupRow): Promise<void> {
  await trx
    .insertInto('working_groups')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...row }))
    .execute();
}

export interface WorkingGroupFilters {
  /** Search matches, all of which must hold (see StorageCapabilities.recordContains). */
  textMatches?: RawBuilder<SqlBool>[] | undefined;
}

/** By name; `after` is the (name_folded, id) of the last row of the previous page. */
export async function listWorkingGroups(
  executor: Executor,
  scope: ReadScope,
  filters: WorkingGroupFilters,
  page: { limit: number; after?: readonly string[] | undefined },
): Promise<WorkingGroupWithRecord[]> {
  const { textMatches } = filters;
  const after = page.after;
  const rows = await executor
    .selectFrom('working_groups')
    .innerJoin('records', 'records.id', 'working_groups.id')
    .where(readableBy(scope))
    .where('records.revoked', '=', 0)
    .selectAll('working_groups')
    .select(RECORD_COLUMNS)
    .$if(textMatches !== undefined, (qb) =>
      (textMatches ?? []).reduce((q, match) => q.where(match), qb),
    )
    .$if(after !== undefined, (qb) => {
      const [name = '', id = ''] = after ?? [];
      return qb.where((eb) =>
        eb.or([
          eb('working_groups.name_folded', '>', name),
          eb.and([eb('working_groups.name_folded', '=', name), eb('working_groups.id', '>', id)]),
        ]),
      );
    })
    .orderBy('working_groups.name_folded')
    .orderBy('working_groups.id')
    .limit(page.limit)
    .execute();
  return rows.map((row) => splitRecord<WorkingGroupRow>(row));
}
