/**
 * Revoking a coordination record, STIX style: a new version with
 * `revoked: true`, same body and sharing, and an audit entry carrying the
 * reason. Only the originating organisation's editors revoke (as they edit),
 * and only once: revocation is final, so a revoked record takes no further
 * version (recordToChange). The query row stays as it is; lists leave the
 * record out by `records.revoked`, while its detail and history still answer.
 * Nothing cascades to children: see coordination.records.ts.
 */
import { isoNow } from '../../core/clock.js';
import { ok, type Result } from '../../core/result.js';
import { inTransaction } from '../../storage/executor.js';
import type { CurrentUser, RequestOrigin } from '../identity/identity.types.js';
import { actorOf, nextVersionOf, parseBody, sharingOf } from '../intel/intel.records.js';
import { storeRecordVersion } from '../records/records.repository.js';
import { nextModified } from '../records/versions.js';
import {
  recordToChange,
  type CoordinationDeps,
  type CoordinationError,
} from './coordination.records.js';
import type { CoordinationType } from './coordination.schema.js';

/** Returns the revoked version's `modified`. */
export async function revokeCoordinationRecord(
  deps: Pick<CoordinationDeps, 'db' | 'clock' | 'audit'>,
  type: CoordinationType,
  id: string,
  reason: string,
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<string, CoordinationError>> {
  const current = await recordToChange(deps, type, id, actor);
  if (!current.ok) return current;
  const record = current.value;
  const modified = nextModified(deps.clock.now(), record.modified);
  // No search text: the stored one stays, and lists leave revoked records out anyway.
  const version = nextVersionOf(record, sharingOf(record), parseBody(record.body), modified, true);
  await inTransaction(deps.db, async (trx) => {
    await storeRecordVersion(trx, version, isoNow(deps.clock));
    await deps.audit.record(
      {
        action: 'record.revoked',
        outcome: 'success',
        actor: actorOf(actor),
        target: { type, id },
        address: origin?.address,
        requestId: origin?.requestId,
        details: { marking: version.marking, modified, reason },
      },
      trx,
    );
  });
  return ok(modified);
}
