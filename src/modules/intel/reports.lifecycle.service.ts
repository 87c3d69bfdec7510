/**
 * A threat report's status: draft -> published -> revoked, each step a new
 * version. Publishing is what lets anyone outside the originating
 * organisation's editors read it; revoking keeps the history and takes it out
 * of lists. A draft cannot be revoked: that would publish it as revoked, and a
 * draft the author gives up simply stays unpublished.
 */
import { isoNow } from '../../core/clock.js';
import { canEdit, canRead } from '../../core/policy/index.js';
import { fail, ok, type Result } from '../../core/result.js';
import { inTransaction } from '../../storage/executor.js';
import type { CurrentUser, RequestOrigin } from '../identity/identity.types.js';
import { storeRecordVersion, toShareable } from '../records/records.repository.js';
import { nextModified } from '../records/versions.js';
import { actorOf, nextVersionOf, parseBody, sharingOf, type IntelDeps } from './intel.records.js';
import type { ReportStatus } from '../../core/vocabulary/intel.js';
import {
  findThreatReportForEdit,
  setThreatReportStatus,
  type ThreatReportWithRecord,
} from './reports.repository.js';
import { reportSearchText, type ThreatReportError } from './reports.write.service.js';

async function editable(
  deps: IntelDeps,
  id: string,
  actor: CurrentUser,
): Promise<Result<ThreatReportWithRecord, ThreatReportError>> {
  const current = await findThreatReportForEdit(deps.db, id);
  if (!current || !canRead(actor, toShareable(current.record))) return fail('not_found');
  if (!canEdit(actor, toShareable(current.record))) {
    // Only editors of the originating organisation see a draft at all.
    return fail(current.status === 'draft' ? 'not_found' : 'forbidden');
  }
  return ok(current);
}

async function moveTo(
  deps: IntelDeps,
  current: ThreatReportWithRecord,
  status: ReportStatus,
  actor: CurrentUser,
  origin: RequestOrigin | undefined,
): Promise<string> {
  const now = isoNow(deps.clock);
  const modified = nextModified(deps.clock.now(), current.record.modified);
  const body = {
    ...parseBody(current.record.body),
    status,
    ...(status === 'published' ? { publishedAt: now } : {}),
  };
  const searchText = reportSearchText(body);
  const version = {
    ...nextVersionOf(
      current.record,
      sharingOf(current.record),
      body,
      modified,
      status === 'revoked',
    ),
    searchText,
  };
  await inTransaction(deps.db, async (trx) => {
    await storeRecordVersion(trx, version, now);
    await setThreatReportStatus(trx, current.id, status);
    await deps.audit.record(
      {
        action: status === 'published' ? 'record.published' : 'record.revoked',
        outcome: 'success',
        actor: actorOf(actor),
        target: { type: 'threat-report', id: current.id },
        address: origin?.address,
        requestId: origin?.requestId,
        details: { marking: version.marking, modified },
      },
      trx,
    );
  });
  return modified;
}

export async function publishThreatReport(
  deps: IntelDeps,
  id: string,
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<string, ThreatReportError>> {
  const current = await editable(deps, id, actor);
  if (!current.ok) return current;
  if (current.value.status !== 'draft') return fail('wrong_status');
  return ok(await moveTo(deps, current.value, 'published', actor, origin));
}

export async function revokeThreatReport(
  deps: IntelDeps,
  id: string,
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<string, ThreatReportError>> {
  const current = await editable(deps, id, actor);
  if (!current.ok) return current;
  if (current.value.status !== 'published') return fail('wrong_status');
  return ok(await moveTo(deps, current.value, 'revoked', actor, origin));
}
