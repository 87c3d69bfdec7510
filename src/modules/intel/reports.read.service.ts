/**
 * Reading threat reports under the sharing policy and the draft rule: a draft
 * is read only by the editors of its originating organisation, whatever its
 * marking. SQL applies both (reports.repository.ts); every row is asked again
 * here, so a bug in one place does not leak. Never says whether an unreadable
 * report exists.
 */
import { canEdit, canRead, readScope } from '../../core/policy/index.js';
import { cellColumn, coverCircle, type LatLon, type LatLonBox } from '../../core/geo/index.js';
import type { CurrentUser } from '../identity/identity.types.js';
import { listRecordVersions, toShareable } from '../records/records.repository.js';
import { editsForOwnOrganisation, parseBody, type IntelDeps } from './intel.records.js';
import { centreWithin } from './reports.area.js';
import {
  findThreatReport,
  listThreatReports,
  type ReportFilters,
  type ReportScope,
  type ThreatReportWithRecord,
} from './reports.repository.js';

export function reportScope(reader: CurrentUser): ReportScope {
  return {
    read: readScope(reader),
    draftsOf: editsForOwnOrganisation(reader) ? reader.orgId : undefined,
  };
}

/** canRead, and for a draft canEdit: the row-by-row statement of the SQL filter. */
export function mayReadReport(
  reader: CurrentUser,
  report: Pick<ThreatReportWithRecord, 'status' | 'record'>,
): boolean {
  const shareable = toShareable(report.record);
  return report.status === 'draft' ? canEdit(reader, shareable) : canRead(reader, shareable);
}

export async function readThreatReport(deps: IntelDeps, id: string, reader: CurrentUser) {
  const found = await findThreatReport(deps.db, reportScope(reader), id);
  return found && mayReadReport(reader, found) ? found : undefined;
}

export interface AreaFilter {
  centre: LatLon;
  radiusKm: number;
}

/**
 * One page (`limit` rows, plus one to tell whether more follow). With an area,
 * cells pick candidates and the exact distance decides; candidates are read in
 * batches until the page is full, so paging stays exact.
 */
export async function listThreatReportsFor(
  deps: IntelDeps,
  reader: CurrentUser,
  filters: ReportFilters,
  area: AreaFilter | undefined,
  page: { limit: number; after?: readonly [string, string] | undefined },
): Promise<ThreatReportWithRecord[]> {
  const scope = reportScope(reader);
  const keep = (row: ThreatReportWithRecord) =>
    mayReadReport(reader, row) &&
    (area === undefined || centreWithin(row, area.centre, area.radiusKm));
  if (area === undefined) {
    return (await listThreatReports(deps.db, scope, filters, page)).filter(keep);
  }
  const cover = coverCircle(area.centre.lat, area.centre.lon, area.radiusKm);
  const withCells = {
    ...filters,
    cells: { column: cellColumn(cover.resolution), cells: cover.cells },
  };
  const batch = Math.max(50, page.limit * 2);
  const kept: ThreatReportWithRecord[] = [];
  let after = page.after;
  for (;;) {
    const rows = await listThreatReports(deps.db, scope, withCells, { limit: batch, after });
    for (const row of rows) if (keep(row) && kept.length < page.limit) kept.push(row);
    const last = rows.at(-1);
    if (kept.length >= page.limit || rows.length < batch || !last) return kept;
    after = [last.valid_from, last.id];
  }
}

/**
 * The reports whose area meets a map view, latest validity first, at most
 * `limit`; `truncated` says that more met the view.
 */
export async function threatAreasInView(
  deps: IntelDeps,
  reader: CurrentUser,
  filters: ReportFilters,
  view: LatLonBox,
  limit: number,
): Promise<{ rows: ThreatReportWithRecord[]; truncated: boolean }> {
  const rows = await listThreatReports(
    deps.db,
    reportScope(reader),
    { ...filters, bounds: view },
    { limit: limit + 1 },
  );
  const readable = rows.filter((row) => mayReadReport(reader, row));
  return { rows: readable.slice(0, limit), truncated: rows.length > limit };
}

/**
 * Every version the reader may read: the report must be readable now, each
 * version under its own marking, and draft versions only by those who may
 * read drafts (a published report's drafts stay the originator's).
 */
export async function readThreatReportHistory(deps: IntelDeps, id: string, reader: CurrentUser) {
  const current = await readThreatReport(deps, id, reader);
  if (!current) return undefined;
  const readsDrafts = canEdit(reader, toShareable(current.record));
  const versions = await listRecordVersions(deps.db, id);
  return versions.filter((version) => {
    if (parseBody(version.body).status === 'draft' && !readsDrafts) return false;
    return canRead(
      reader,
      toShareable({
        ...version,
        id,
        received_from_peer: current.record.received_from_peer,
        contains_personal_data: current.record.contains_personal_data,
        legal_basis: current.record.legal_basis,
      }),
    );
  });
}
