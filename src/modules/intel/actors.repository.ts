/**
 * The only SQL for threat actors. Every read that may reach a user applies
 * the sharing policy's read filter; the edit look-up does not, and its result
 * is for the originator's checks only.
 */
import { sql } from 'kysely';
import type { ReadScope } from '../../core/policy/index.js';
import { likePattern } from '../../core/pagination.js';
import type { Executor } from '../../storage/executor.js';
import { readableBy } from '../records/records.repository.js';
import { RECORD_COLUMNS, splitRecord, type WithRecord } from '../records/records.joined.js';
import type { ThreatActorsTable } from './intel.tables.js';

export type ThreatActorRow = ThreatActorsTable;
export type ThreatActorWithRecord = WithRecord<ThreatActorRow>;

export async function saveThreatActorRow(trx: Executor, row: ThreatActorRow): Promise<void> {
  await trx
    .insertInto('threat_actors')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...row }))
    .execute();
}

function readable(executor: Executor, scope: ReadScope) {
  return executor
    .selectFrom('threat_actors')
    .innerJoin('records', 'records.id', 'threat_actors.id')
    .where(readableBy(scope))
    .selectAll('threat_actors')
    .select(RECORD_COLUMNS);
}

/** By name; `after` is the (name_folded, id) of the last row of the previous page. */
export async function listThreatActors(
  executor: Executor,
  scope: ReadScope,
  filters: { q?: string | undefined },
  page: { limit: number; after?: readonly [string, string] | undefined },
): Promise<ThreatActorWithRecord[]> {
  const { q } = filters;
  const after = page.after;
  const rows = await readable(executor, scope)
    .where('records.revoked', '=', 0)
    .$if(q !== undefined, (qb) =>
      qb.where(sql<boolean>`threat_actors.name_folded like ${likePattern(q ?? '')} escape '\\'`),
    )
    .$if(after !== undefined, (qb) => {
      const [name = '', id = ''] = after ?? [];
      return qb.where((eb) =>
        eb.or([
          eb('threat_actors.name_folded', '>', name),
          eb.and([eb('threat_actors.name_folded', '=', name), eb('threat_actors.id', '>', id)]),
        ]),
      );
    })
    .orderBy('threat_actors.name_folded')
    .orderBy('threat_actors.id')
    .limit(page.limit)
    .execute();
  return rows.map((row) => splitRecord<ThreatActorRow>(row));
}

export async function findThreatActor(
  executor: Executor,
  scope: ReadScope,
  id: string,
): Promise<ThreatActorWithRecord | undefined> {
  const row = await readable(executor, scope).where('threat_actors.id', '=', id).executeTakeFirst();
  return row ? splitRecord<ThreatActorRow>(row) : undefined;
}

/** The readable, unrevoked actors among `ids`: checks a report's actor list and names it. */
export async function findReadableThreatActors(
  executor: Executor,
  scope: ReadScope,
  ids: readonly string[],
): Promise<ThreatActorWithRecord[]> {
  if (ids.length === 0) return [];
  const rows = await readable(executor, scope)
    .where('records.revoked', '=', 0)
    .where('threat_actors.id', 'in', [...ids])
    .execute();
  return rows.map((row) => splitRecord<ThreatActorRow>(row));
}

/** The actor whatever the reader: for the originator's edit checks only, never for presenting. */
export async function findThreatActorForEdit(
  executor: Executor,
  id: string,
): Promise<ThreatActorWithRecord | undefined> {
  const row = await executor
    .selectFrom('threat_actors')
    .innerJoin('records', 'records.id', 'threat_actors.id')
    .selectAll('threat_actors')
    .select(RECORD_COLUMNS)
    .where('threat_actors.id', '=', id)
    .executeTakeFirst();
  return row ? splitRecord<ThreatActorRow>(row) : undefined;
}
