/**
 * Objects POSTed into an administrator-defined collection: each must be a
 * STIX 2.1 object (`type`, an `id` of that type, `spec_version` 2.1) or it is
 * a failure in the status; a version is (id, modified | created | ''), and a
 * version already stored (or repeated in the request) is a success without a
 * second row. The objects, the status resource and the audit entry are
 * written in one transaction. Whether the caller may write here was decided
 * before (taxii.collections.ts); this file never decides it.
 */
import { isoNow, type Clock } from '../../../core/clock.js';
import { inTransaction, type Executor } from '../../../storage/executor.js';
import type { AuditLog } from '../../audit/audit.service.js';
import type { CurrentUser, RequestOrigin } from '../../identity/identity.types.js';
import type { CollectionRow } from './collections.repository.js';
import { insertStixObjects, type StixObjectRow } from './stix-objects.repository.js';
import { insertStatus, type StatusRow } from './statuses.repository.js';
import type { StatusDetail, StatusDetails } from './taxii.contract.js';
import type { EnvelopeObject } from './taxii.envelope.js';
import { isTimestamp } from './taxii.query.js';
import { newStatusRow } from './taxii.status.js';

export interface IngestDeps {
  db: Executor;
  clock: Clock;
  audit: AuditLog;
}

const STIX_ID =
  /^([a-z0-9][a-z0-9-]*[a-z0-9]|[a-z0-9])--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAX_TYPE_LENGTH = 250;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Checked =
  | { ok: true; id: string; type: string; version: string; specVersion: string }
  | { ok: false; detail: StatusDetail };

/** Whether one POSTed value can be stored, and under which version. */
export function checkStixObject(value: unknown): Checked {
  if (!isRecord(value))
    return { ok: false, detail: { id: '', version: '', message: 'not a JSON object' } };
  const id = typeof value.id === 'string' ? value.id : '';
  const modified = value.modified;
  const created = value.created;
  const version =
    typeof modified === 'string' ? modified : typeof created === 'string' ? created : '';
  const refuse = (message: string): Checked => ({ ok: false, detail: { id, version, message } });
  const type = value.type;
  if (typeof type !== 'string' || type.length === 0 || type.length > MAX_TYPE_LENGTH) {
    return refuse('type is missing');
  }
  const match = STIX_ID.exec(id);
  if (!match || match[1] !== type) return refuse('id must be <type>--<uuid> of the object type');
  if (value.spec_version !== '2.1') return refuse('spec_version must be 2.1');
  if (modified !== undefined && (typeof modified !== 'string' || !isTimestamp(modified))) {
    return refuse('modified must be a timestamp');
  }
  if (created !== undefined && (typeof created !== 'string' || !isTimestamp(created))) {
    return refuse('created must be a timestamp');
  }
  return { ok: true, id, type, version, specVersion: '2.1' };
}

export async function addToStoredCollection(
  deps: IngestDeps,
  collection: CollectionRow,
  objects: readonly EnvelopeObject[],
  actor: CurrentUser,
  origin: RequestOrigin,
): Promise<StatusRow> {
  const dateAdded = isoNow(deps.clock);
  const details: StatusDetails = { successes: [], failures: [], pendings: [] };
  const rows: StixObjectRow[] = [];
  const seen = new Set<string>();
  for (const object of objects) {
    const checked = checkStixObject(object.value);
    if (!checked.ok) {
      details.failures.push(checked.detail);
      continue;
    }
    details.successes.push({ id: checked.id, version: checked.version });
    const key = `${checked.id}\n${checked.version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({
      collection_id: collection.id,
      id: checked.id,
      version: checked.version,
      type: checked.type,
      spec_version: checked.specVersion,
      date_added: dateAdded,
      body: object.json,
    });
  }
  const status = newStatusRow(actor.userId, dateAdded, details);
  await inTransaction(deps.db, async (trx) => {
    const added = await insertStixObjects(trx, rows);
    await insertStatus(trx, status);
    await deps.audit.record(
      {
        action: 'taxii.objects_added',
        outcome: details.successes.length > 0 || objects.length === 0 ? 'success' : 'failure',
        actor: { userId: actor.userId, orgId: actor.orgId },
        target: { type: 'taxii_collection', id: collection.id },
        ...origin,
        details: {
          status: status.id,
          total: objects.length,
          added,
          alreadyStored: details.successes.length - added,
          failed: details.failures.length,
        },
      },
      trx,
    );
  });
  return status;
}
