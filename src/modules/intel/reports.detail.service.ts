/**
 * A threat report as its detail and history pages show it: the report, the
 * threat actors it names that the reader may read, and the corroboration
 * counts over what the reader may read. Undefined when the report is not
 * readable, whatever the reason.
 */
import { canRead, readScope } from '../../core/policy/index.js';
import type { CurrentUser } from '../identity/identity.types.js';
import { toShareable } from '../records/records.repository.js';
import { findReadableThreatActors } from './actors.repository.js';
import { corroborationCounts } from './corroborations.service.js';
import { parseBody, type IntelDeps } from './intel.records.js';
import { readThreatReport, readThreatReportHistory } from './reports.read.service.js';

function actorIdsIn(body: string): string[] {
  const ids = parseBody(body).threatActorIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

async function readableActors(deps: IntelDeps, ids: readonly string[], reader: CurrentUser) {
  const found = await findReadableThreatActors(deps.db, readScope(reader), [...new Set(ids)]);
  return found.filter((actor) => canRead(reader, toShareable(actor.record)));
}

export async function readThreatReportDetail(deps: IntelDeps, id: string, reader: CurrentUser) {
  const report = await readThreatReport(deps, id, reader);
  if (!report) return undefined;
  const actors = await readableActors(deps, actorIdsIn(report.record.body), reader);
  const counts = await corroborationCounts(
    deps,
    { id, createdBy: report.record.created_by },
    reader,
  );
  return { report, actors, counts };
}

export async function readThreatReportVersions(deps: IntelDeps, id: string, reader: CurrentUser) {
  const versions = await readThreatReportHistory(deps, id, reader);
  if (!versions) return undefined;
  const ids = versions.flatMap((version) => actorIdsIn(version.body));
  const actors = await readableActors(deps, ids, reader);
  return { versions, readableActorIds: new Set(actors.map((actor) => actor.id)) };
}
