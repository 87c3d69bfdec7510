/**
 * The only SQL for threat reports. Every read that may reach a user applies
 * the sharing policy's read filter and the draft rule: a draft is read only by
 * the editors of its originating organisation, whatever its marking. Nothing
 * leaves this file that the reader may not see, so counts equal what the
 * policy allows.
 */
import type { RawBuilder, SelectQueryBuilder, SqlBool } from 'kysely';
import type { LatLonBox } from '../../core/geo/index.js';
import type { ReadScope } from '../../core/policy/index.js';
import type { Executor } from '../../storage/executor.js';
import type { Database } from '../../storage/schema.js';
import { readableBy } from '../records/records.repository.js';
import { RECORD_COLUMNS, splitRecord, type WithRecord } from '../records/records.joined.js';
import type { ThreatReportsTable } from './intel.tables.js';
import type { ReportStatus } from '../../core/vocabulary/intel.js';

export type ThreatReportRow = ThreatReportsTable;
export type ThreatReportWithRecord = WithRecord<ThreatReportRow>;

/** The read filter plus the organisation whose drafts the reader edits (none for non-editors). */
export interface ReportScope {
  read: ReadScope;
  draftsOf: string | undefined;
}

export interface ReportFilters {
  status?: ReportStatus | undefined;
  /** Reports valid at some time in [from, to]. */
  from?: string | undefined;
  to?: string | undefined;
  sourceReliability?: readonly string[] | undefined;
  informationCredibility?: readonly number[] | undefined;
  targetType?: string | undefined;
  createdBy?: string | undefined;
  marking?: string | undefined;
  /** Full-text matches, all of which must hold (see StorageCapabilities.recordContains). */
  textMatches?: readonly RawBuilder<SqlBool>[] | undefined;
  /** Reports whose area's bounding box meets this box (a map view). */
  bounds?: LatLonBox | undefined;
  /** A geographic pre-filter on the area centre's cell at one stored resolution. */
  cells?: { column: 'h3_r4' | 'h3_r6' | 'h3_r8'; cells: readonly string[] } | undefined;
}

export async function saveThreatReportRow(trx: Executor, row: ThreatReportRow): Promise<void> {
  await trx
    .insertInto('threat_reports')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...row }))
    .execute();
}

export async function setThreatReportStatus(
  trx: Executor,
  id: string,
  status: ReportStatus,
): Promise<void> {
  await trx.updateTable('threat_reports').set({ status }).where('id', '=', id).execute();
}

type Scoped = SelectQueryBuilder<Database, 'threat_reports' | 'records', object>;

function visible(executor: Executor, scope: ReportScope): Scoped {
  const draftsOf = scope.draftsOf;
  return executor
    .selectFrom('threat_reports')
    .innerJoin('records', 'records.id', 'threat_reports.id')
    .where(readableBy(scope.read))
    .where((eb) =>
      draftsOf === undefined
        ? eb('threat_reports.status', '<>', 'draft')
        : eb.or([
            eb('threat_reports.status', '<>', 'draft'),
            eb('records.created_by', '=', draftsOf),
          ]),
    );
}

function filtered(executor: Executor, scope: ReportScope, f: ReportFilters): Scoped {
  const { sourceReliability: reliability, informationCredibility: credibility, cells, bounds } = f;
  return visible(executor, scope)
    .$if(f.textMatches !== undefined, (qb) =>
      (f.textMatches ?? []).reduce((q, match) => q.where(match), qb),
    )
    .$if(bounds !== undefined, (qb) =>
      qb.where((eb) =>
        eb.and([
          eb('threat_reports.area_north', '>=', bounds?.south ?? 0),
          eb('threat_reports.area_south', '<=', bounds?.north ?? 0),
          eb('threat_reports.area_east', '>=', bounds?.west ?? 0),
          eb('threat_reports.area_west', '<=', bounds?.east ?? 0),
        ]),
      ),
    )
    .$if(f.status === undefined, (qb) => qb.where('threat_reports.status', '<>', 'revoked'))
    .$if(f.status !== undefined, (qb) => qb.where('threat_reports.status', '=', f.status ?? ''))
    .$if(f.from !== undefined, (qb) => qb.where('threat_reports.valid_until', '>=', f.from ?? ''))
    .$if(f.to !== undefined, (qb) => qb.where('threat_reports.valid_from', '<=', f.to ?? ''))
    .$if(reliability !== undefined, (qb) =>
      qb.where('threat_reports.source_reliability', 'in', [...(reliability ?? [])]),
    )
    .$if(credibility !== undefined, (qb) =>
      qb.where('threat_reports.information_credibility', 'in', [...(credibility ?? [])]),
    )
    .$if(f.targetType !== undefined, (qb) =>
      qb.where('threat_reports.target_type', '=', f.targetType ?? ''),
    )
    .$if(f.createdBy !== undefined, (qb) => qb.where('records.created_by', '=', f.createdBy ?? ''))
    .$if(f.marking !== undefined, (qb) => qb.where('records.marking', '=', f.marking ?? ''))
    .$if(cells !== undefined, (qb) => {
      if (!cells || cells.cells.length === 0) return qb.where('threat_reports.id', '=', '');
      return qb.where(`threat_reports.${cells.column}`, 'in', [...cells.cells]);
    });
}

/** Latest validity first; `after` is the (valid_from, id) of the last row of the previous page. */
export async function listThreatReports(
  executor: Executor,
  scope: ReportScope,
  filters: ReportFilters,
  page: { limit: number; after?: readonly [string, string] | undefined },
): Promise<ThreatReportWithRecord[]> {
  const after = page.after;
  const rows = await filtered(executor, scope, filters)
    .selectAll('threat_reports')
    .select(RECORD_COLUMNS)
    .$if(after !== undefined, (qb) => {
      const [from = '', id = ''] = after ?? [];
      return qb.where((eb) =>
        eb.or([
          eb('threat_reports.valid_from', '<', from),
          eb.and([eb('threat_reports.valid_from', '=', from), eb('threat_reports.id', '<', id)]),
        ]),
      );
    })
    .orderBy('threat_reports.valid_from', 'desc')
    .orderBy('threat_reports.id', 'desc')
    .limit(page.limit)
    .execute();
  return rows.map((row) => splitRecord<ThreatReportRow>(row));
}

export async function findThreatReport(
  executor: Executor,
  scope: ReportScope,
  id: string,
): Promise<ThreatReportWithRecord | undefined> {
  const row = await visible(executor, scope)
    .selectAll('threat_reports')
    .select(RECORD_COLUMNS)
    .where('threat_reports.id', '=', id)
    .executeTakeFirst();
  return row ? splitRecord<ThreatReportRow>(row) : undefined;
}

/** The report whatever the reader: for the originator's edit checks only, never for presenting. */
export async function findThreatReportForEdit(
  executor: Executor,
  id: string,
): Promise<ThreatReportWithRecord | undefined> {
  const row = await executor
    .selectFrom('threat_reports')
    .innerJoin('records', 'records.id', 'threat_reports.id')
    .selectAll('threat_reports')
    .select(RECORD_COLUMNS)
    .where('threat_reports.id', '=', id)
    .executeTakeFirst();
  return row ? splitRecord<ThreatReportRow>(row) : undefined;
}

/**
 * Published reports that may concern one day: valid at some time in
 * [from, to), or changed since `from` (a report published that day is among
 * those; the caller decides by its publication time). Never drafts, never
 * revoked reports. By id; `after` is the id of the last row of the previous page.
 */
export async function listPublishedThreatReportsForDay(
  executor: Executor,
  read: ReadScope,
  day: { from: string; to: string },
  page: { limit: number; after?: string | undefined },
): Promise<ThreatReportWithRecord[]> {
  const after = page.after;
  const rows = await visible(executor, { read, draftsOf: undefined })
    .where('threat_reports.status', '=', 'published')
    .where((eb) =>
      eb.or([
        eb.and([
          eb('threat_reports.valid_until', '>=', day.from),
          eb('threat_reports.valid_from', '<', day.to),
        ]),
        eb('records.modified', '>=', day.from),
      ]),
    )
    .$if(after !== undefined, (qb) => qb.where('threat_reports.id', '>', after ?? ''))
    .selectAll('threat_reports')
    .select(RECORD_COLUMNS)
    .orderBy('threat_reports.id')
    .limit(page.limit)
    .execute();
  return rows.map((row) => splitRecord<ThreatReportRow>(row));
}
