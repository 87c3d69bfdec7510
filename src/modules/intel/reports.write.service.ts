/**
 * Writing threat reports: a new report is a draft; every correction is a new
 * version. Owns the rules that only the originating organisation's editors
 * write a report, that its threat actors exist and are readable by the
 * author, and that a revoked report is not edited. Never tells a reader that
 * an unreadable report exists.
 */
import { isoNow } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import { canEdit, canRead, markingProblem, readScope } from '../../core/policy/index.js';
import { fail, ok, type Result } from '../../core/result.js';
import { inTransaction } from '../../storage/executor.js';
import type { CurrentUser, RequestOrigin } from '../identity/identity.types.js';
import { storeRecordVersion, toShareable } from '../records/records.repository.js';
import { nextModified } from '../records/versions.js';
import { findReadableThreatActors } from './actors.repository.js';
import {
  actorOf,
  asShareable,
  bodyOf,
  nextVersionOf,
  parseBody,
  versionOf,
  type IntelDeps,
} from './intel.records.js';
import type { ThreatReportInput } from './intel.schema.js';
import type { ReportStatus } from '../../core/vocabulary/intel.js';
import { reportRow } from './reports.area.js';
import { findThreatReportForEdit, saveThreatReportRow } from './reports.repository.js';

export type ThreatReportError =
  'forbidden' | 'not_found' | 'invalid_release' | 'unknown_threat_actor' | 'wrong_status';

/** The report's own fields as kept in the record body (and sent to peers), with its status. */
export function reportBody(input: ThreatReportInput, status: ReportStatus, publishedAt?: string) {
  return {
    ...bodyOf(input),
    threatActorIds: [...new Set(input.threatActorIds)],
    status,
    ...(publishedAt === undefined ? {} : { publishedAt }),
  };
}

/**
 * What full-text search finds a report by. Drafts are indexed too, so that
 * their authors find them: report searches run through the threat_reports
 * query (reports.repository.ts), which applies the draft rule. Any search
 * straight over `records` must apply that rule as well.
 */
export function reportSearchText(body: Record<string, unknown>): string {
  const mo = body.modusOperandi as { description?: unknown } | undefined;
  return [body.title, body.narrative, mo?.description]
    .filter((part): part is string => typeof part === 'string' && part !== '')
    .join('\n');
}

/** Unknown and unreadable actors get the same answer, so the check reveals nothing. */
async function actorsReadable(deps: IntelDeps, ids: readonly string[], author: CurrentUser) {
  const unique = [...new Set(ids)];
  const found = await findReadableThreatActors(deps.db, readScope(author), unique);
  return found.filter((a) => canRead(author, toShareable(a.record))).length === unique.length;
}

export async function createThreatReport(
  deps: IntelDeps,
  input: ThreatReportInput,
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<string, ThreatReportError>> {
  const now = isoNow(deps.clock);
  const id = newId('threat-report');
  const body = reportBody(input, 'draft');
  const version = {
    ...versionOf('threat-report', id, input, body, actor, { created: now, modified: now }),
    searchText: reportSearchText(body),
  };
  // A release list that does not fit the marking would lock readers out silently: refuse it instead.
  if (markingProblem(asShareable(version)) !== undefined) return fail('invalid_release');
  if (!canEdit(actor, asShareable(version))) return fail('forbidden');
  if (!(await actorsReadable(deps, input.threatActorIds, actor))) {
    return fail('unknown_threat_actor');
  }
  await inTransaction(deps.db, async (trx) => {
    await storeRecordVersion(trx, version, now);
    await saveThreatReportRow(trx, reportRow(id, input, 'draft'));
    await deps.audit.record(
      {
        action: 'record.created',
        outcome: 'success',
        actor: actorOf(actor),
        target: { type: 'threat-report', id },
        address: origin?.address,
        requestId: origin?.requestId,
        details: { marking: version.marking, status: 'draft' },
      },
      trx,
    );
  });
  return ok(id);
}

export async function updateThreatReport(
  deps: IntelDeps,
  id: string,
  input: ThreatReportInput,
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<string, ThreatReportError>> {
  const current = await findThreatReportForEdit(deps.db, id);
  // canEdit covers drafts too: whoever may not edit a draft may not read it.
  if (!current || !canRead(actor, toShareable(current.record))) return fail('not_found');
  const status = current.status as ReportStatus;
  if (!canEdit(actor, toShareable(current.record))) {
    return fail(status === 'draft' ? 'not_found' : 'forbidden');
  }
  if (status === 'revoked') return fail('wrong_status');
  const modified = nextModified(deps.clock.now(), current.record.modified);
  const publishedAt = parseBody(current.record.body).publishedAt;
  const body = reportBody(input, status, typeof publishedAt === 'string' ? publishedAt : undefined);
  const searchText = reportSearchText(body);
  const version = {
    ...nextVersionOf(current.record, input, body, modified, false),
    searchText,
  };
  if (markingProblem(asShareable(version)) !== undefined) return fail('invalid_release');
  if (!(await actorsReadable(deps, input.threatActorIds, actor))) {
    return fail('unknown_threat_actor');
  }
  await inTransaction(deps.db, async (trx) => {
    await storeRecordVersion(trx, version, isoNow(deps.clock));
    await saveThreatReportRow(trx, reportRow(id, input, status));
    await deps.audit.record(
      {
        action: 'record.updated',
        outcome: 'success',
        actor: actorOf(actor),
        target: { type: 'threat-report', id },
        address: origin?.address,
        requestId: origin?.requestId,
        details: { marking: version.marking, modified, status },
      },
      trx,
    );
  });
  return ok(modified);
}
