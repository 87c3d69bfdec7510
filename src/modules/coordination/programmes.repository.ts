/**
 * The only SQL for the programmes query table: the programme board. Every
 * list applies the sharing policy's read filter.
 */
import type { RawBuilder, SqlBool } from 'kysely';
import type { ReadScope } from '../../core/policy/index.js';
import type { Executor } from '../../storage/executor.js';
import { readableBy } from '../records/records.repository.js';
import { RECORD_COLUMNS, splitRecord, type WithRecord } from '../records/records.joined.js';
import type { ProgrammesTable } from './programmes.tables.js';

export type ProgrammeRow = ProgrammesTable;
export type ProgrammeWithRecord = WithRecord<ProgrammeRow>;

export interface ProgrammeFilters {
  kind?: string | undefined;
  status?: string | undefined;
  workingGroupId?: string | undefined;
  decisionId?: string | undefined;
  leadOrgId?: string | undefined;
  /** Search matches, all of which must hold (see StorageCapabilities.recordContains). */
  textMatches?: RawBuilder<SqlBool>[] | undefined;
}

export async function saveProgrammeRow(trx: Executor, row: ProgrammeRow): Promise<void> {
  await trx
    .insertInto('programmes')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...row }))
    .execute();
}

/** By start date, then id; `after` is the (start_date, id) of the last row of the previous page. */
export async function listProgrammes(
  executor: Executor,
  scope: ReadScope,
  filters: ProgrammeFilters,
  page: { limit: number; after?: readonly string[] | undefined },
): Promise<ProgrammeWithRecord[]> {
  const { kind, status, workingGroupId, decisionId, leadOrgId, textMatches } = filters;
  const after = page.after;
  const rows = await executor
    .selectFrom('programmes')
    .innerJoin('records', 'records.id', 'programmes.id')
    .where(readableBy(scope))
    .where('records.revoked', '=', 0)
    .selectAll('programmes')
    .select(RECORD_COLUMNS)
    .$if(kind !== undefined, (qb) => qb.where('programmes.kind', '=', kind ?? ''))
    .$if(status !== undefined, (qb) => qb.where('programmes.status', '=', status ?? ''))
    .$if(workingGroupId !== undefined, (qb) =>
      qb.where('programmes.working_group_id', '=', workingGroupId ?? ''),
    )
    .$if(decisionId !== undefined, (qb) =>
      qb.where('programmes.decision_id', '=', decisionId ?? ''),
    )
    .$if(leadOrgId !== undefined, (qb) => qb.where('programmes.lead_org_id', '=', leadOrgId ?? ''))
    .$if(textMatches !== undefined, (qb) =>
      (textMatches ?? []).reduce((q, match) => q.where(match), qb),
    )
    .$if(after !== undefined, (qb) => {
      const [start = '', id = ''] = after ?? [];
      return qb.where((eb) =>
        eb.or([
          eb('programmes.start_date', '>', start),
          eb.and([eb('programmes.start_date', '=', start), eb('programmes.id', '>', id)]),
        ]),
      );
    })
    .orderBy('programmes.start_date')
    .orderBy('programmes.id')
    .limit(page.limit)
    .execute();
  return rows.map((row) => splitRecord<ProgrammeRow>(row));
}
