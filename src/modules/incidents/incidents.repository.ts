/**
 * The only SQL for incidents. Every read joins `records` and applies the
 * sharing policy's read filter: nothing leaves this file that the reader may
 * not see, so counts and clusters equal what canRead allows.
 */
import type { RawBuilder, SelectQueryBuilder, SqlBool } from 'kysely';
import type { ReadScope } from '../../core/policy/index.js';
import type { Executor } from '../../storage/executor.js';
import type { Database } from '../../storage/schema.js';
import { readableBy, type RecordRow } from '../records/records.repository.js';
import { RECORD_COLUMNS, splitRecord } from '../records/records.joined.js';
import type { IncidentsTable } from './incidents.tables.js';

export type IncidentRow = IncidentsTable;
export type IncidentWithRecord = IncidentRow & { record: RecordRow };

export interface IncidentFilters {
  from?: string | undefined;
  to?: string | undefined;
  eventType?: string | undefined;
  subEventType?: string | undefined;
  country?: string | undefined;
  createdBy?: string | undefined;
  marking?: string | undefined;
  siteId?: string | undefined;
  movementId?: string | undefined;
  includeRevoked?: boolean | undefined;
  /** Full-text conditions, all of which must hold (see StorageCapabilities.recordContains). */
  textMatches?: readonly RawBuilder<SqlBool>[] | undefined;
  /** A geographic pre-filter: the point's cell at one stored resolution is in this list. */
  cells?: { column: 'h3_r4' | 'h3_r6' | 'h3_r8'; cells: readonly string[] } | undefined;
}

export async function saveIncidentRow(trx: Executor, row: IncidentRow): Promise<void> {
  await trx
    .insertInto('incidents')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...row }))
    .execute();
}

/** Copies a new version's sharing columns (here: revocation) without touching the incident's fields. */
export async function markIncidentRevoked(
  trx: Executor,
  id: string,
  sharing: Pick<
    IncidentRow,
    'created_by' | 'created_by_user' | 'marking' | 'marking_valid' | 'revoked'
  >,
): Promise<void> {
  await trx.updateTable('incidents').set(sharing).where('id', '=', id).execute();
}

type Scoped = SelectQueryBuilder<Database, 'incidents', object>;

/** Incidents joined with their records, narrowed by the read filter and the given filters: every query starts here. */
export function filtered(executor: Executor, scope: ReadScope, f: IncidentFilters): Scoped {
  return executor
    .selectFrom('incidents')
    .where(readableBy(scope, 'incidents'))
    .$if(!f.includeRevoked, (qb) => qb.where('incidents.revoked', '=', 0))
    .$if(f.from !== undefined, (qb) => qb.where('incidents.event_date', '>=', f.from ?? ''))
    .$if(f.to !== undefined, (qb) => qb.where('incidents.event_date', '<=', f.to ?? ''))
    .$if(f.eventType !== undefined, (qb) =>
      qb.where('incidents.event_type', '=', f.eventType ?? ''),
    )
    .$if(f.subEventType !== undefined, (qb) =>
      qb.where('incidents.sub_event_type', '=', f.subEventType ?? ''),
    )
    .$if(f.country !== undefined, (qb) => qb.where('incidents.country', '=', f.country ?? ''))
    .$if(f.createdBy !== undefined, (qb) =>
      qb.where('incidents.created_by', '=', f.createdBy ?? ''),
    )
    .$if(f.marking !== undefined, (qb) => qb.where('incidents.marking', '=', f.marking ?? ''))
    .$if(f.siteId !== undefined, (qb) => qb.where('incidents.site_id', '=', f.siteId ?? ''))
    .$if(f.movementId !== undefined, (qb) =>
      qb.where('incidents.movement_id', '=', f.movementId ?? ''),
    )
    .$if(f.textMatches !== undefined && f.textMatches.length > 0, (qb) => {
      let narrowed = qb;
      for (const match of f.textMatches ?? []) narrowed = narrowed.where(match);
      return narrowed;
    })
    .$if(f.cells !== undefined, (qb) => {
      const cells = f.cells;
      if (!cells || cells.cells.length === 0) return qb.where('incidents.id', '=', '');
      return qb.where(`incidents.${cells.column}`, 'in', [...cells.cells]);
    });
}

/** Splits a joined row; the incident keeps its copy of the sharing columns. */
function split(row: IncidentRow & Omit<RecordRow, 'id'>): IncidentWithRecord {
  const { record, ...incident } = splitRecord<IncidentRow>(row);
  const { created_by, created_by_user, marking, marking_valid, revoked } = record;
  return { ...incident, created_by, created_by_user, marking, marking_valid, revoked, record };
}

/** Newest first; `after` is the (event_date, id) of the last row of the previous page. */
export async function listIncidents(
  executor: Executor,
  scope: ReadScope,
  filters: IncidentFilters,
  page: { limit: number; after?: readonly [string, string] | undefined },
): Promise<IncidentWithRecord[]> {
  const after = page.after;
  const rows = await filtered(executor, scope, filters)
    .innerJoin('records', 'records.id', 'incidents.id')
    .selectAll('incidents')
    .select(RECORD_COLUMNS)
    .$if(after !== undefined, (qb) => {
      const [date = '', id = ''] = after ?? [];
      return qb.where((eb) =>
        eb.or([
          eb('incidents.event_date', '<', date),
          eb.and([eb('incidents.event_date', '=', date), eb('incidents.id', '<', id)]),
        ]),
      );
    })
    .orderBy('incidents.event_date', 'desc')
    .orderBy('incidents.id', 'desc')
    .limit(page.limit)
    .execute();
  return rows.map(split);
}

export async function findIncident(
  executor: Executor,
  scope: ReadScope,
  id: string,
): Promise<IncidentWithRecord | undefined> {
  const row = await filtered(executor, scope, { includeRevoked: true })
    .innerJoin('records', 'records.id', 'incidents.id')
    .selectAll('incidents')
    .select(RECORD_COLUMNS)
    .where('incidents.id', '=', id)
    .executeTakeFirst();
  return row ? split(row) : undefined;
}

/** The incident whatever the reader: for the originator's edit checks only, never for presenting. */
export async function findIncidentForEdit(
  executor: Executor,
  id: string,
): Promise<IncidentWithRecord | undefined> {
  const row = await executor
    .selectFrom('incidents')
    .innerJoin('records', 'records.id', 'incidents.id')
    .selectAll('incidents')
    .select(RECORD_COLUMNS)
    .where('incidents.id', '=', id)
    .executeTakeFirst();
  return row ? split(row) : undefined;
}

export async function countIncidentsByType(
  executor: Executor,
  scope: ReadScope,
  filters: IncidentFilters,
): Promise<{ eventType: string; count: number }[]> {
  const rows = await filtered(executor, scope, filters)
    .select(['incidents.event_type as eventType', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('incidents.event_type')
    .orderBy('incidents.event_type')
    .execute();
  return rows.map((row) => ({ eventType: row.eventType, count: Number(row.count) }));
}
