/**
 * What working groups, meetings, decisions and action items share as
 * shareable records: reading one (SQL read filter, then canRead), its history
 * (each version under its own marking), and storing a version with its query
 * row and audit entry in one transaction. Owns the rule that only the
 * originating organisation's editors change a record; must never present a
 * record the reader may not read, nor say whether one exists.
 */
import { isoNow } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import { canEdit, canRead, markingProblem, readScope } from '../../core/policy/index.js';
import { fail, ok, type Result } from '../../core/result.js';
import { inTransaction, type Executor } from '../../storage/executor.js';
import type { CurrentUser, RequestOrigin } from '../identity/identity.types.js';
import {
  actorOf,
  asShareable,
  nextVersionOf,
  versionOf,
  type IntelDeps,
} from '../intel/intel.records.js';
import {
  listRecordVersions,
  storeRecordVersion,
  toShareable,
  type RecordRow,
} from '../records/records.repository.js';
import type { SharingInput } from '../records/sharing.schema.js';
import { nextModified } from '../records/versions.js';
import {
  existingOrganisationIds,
  findCoordinationRecordForEdit,
  findReadableCoordinationRecord,
} from './coordination.repository.js';
import type { CoordinationType } from './coordination.schema.js';

export type CoordinationDeps = Pick<IntelDeps, 'db' | 'clock' | 'audit'>;

/** Expected outcomes of coordination writes; field problems name the field at fault. */
export type CoordinationError =
  | 'forbidden'
  | 'not_found'
  | 'invalid_release'
  | 'unknown_member'
  | 'unknown_participant'
  | 'unknown_owner'
  | 'unreadable_working_group'
  | 'unreadable_meeting'
  | 'unreadable_decision'
  | 'working_group_fixed'
  | 'meeting_fixed'
  | 'decision_fixed';

/** A version to store: its sharing fields, body, search text and the query row that goes with it. */
export interface CoordinationWrite {
  input: SharingInput;
  body: Record<string, unknown>;
  searchText: string;
  saveRow: (trx: Executor, id: string) => Promise<void>;
}

export async function readCoordinationRecord(
  deps: CoordinationDeps,
  type: CoordinationType,
  id: string,
  reader: CurrentUser,
): Promise<RecordRow | undefined> {
  const found = await findReadableCoordinationRecord(deps.db, readScope(reader), type, id);
  // The SQL filter equals canRead; asking the policy again keeps this path honest.
  return found && canRead(reader, toShareable(found)) ? found : undefined;
}

/** Every version the reader may read: the current one must be readable, and each old one under its own marking. */
export async function readCoordinationHistory(
  deps: CoordinationDeps,
  type: CoordinationType,
  id: string,
  reader: CurrentUser,
) {
  const current = await readCoordinationRecord(deps, type, id, reader);
  if (!current) return undefined;
  const versions = await listRecordVersions(deps.db, id);
  return versions.filter((version) =>
    canRead(
      reader,
      toShareable({
        ...version,
        id,
        received_from_peer: current.received_from_peer,
        contains_personal_data: current.contains_personal_data,
        legal_basis: current.legal_basis,
      }),
    ),
  );
}

/** The current record for an edit by `actor`: not found unless readable, forbidden unless editable. */
export async function recordToEdit(
  deps: CoordinationDeps,
  type: CoordinationType,
  id: string,
  actor: CurrentUser,
): Promise<Result<RecordRow, CoordinationError>> {
  const current = await findCoordinationRecordForEdit(deps.db, type, id);
  // Whoever may not read it learns nothing; whoever may read but not edit is told so.
  if (!current || !canRead(actor, toShareable(current))) return fail('not_found');
  if (!canEdit(actor, toShareable(current))) return fail('forbidden');
  return ok(current);
}

/** Whether every id names an organisation known to this node. */
export async function organisationsExist(
  deps: CoordinationDeps,
  ids: readonly string[],
): Promise<boolean> {
  const known = await existingOrganisationIds(deps.db, ids);
  return ids.every((id) => known.has(id));
}

export async function createCoordinationRecord(
  deps: CoordinationDeps,
  type: CoordinationType,
  write: CoordinationWrite,
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<string, CoordinationError>> {
  const now = isoNow(deps.clock);
  const id = newId(type);
  const version = {
    ...versionOf(type, id, write.input, write.body, actor, { created: now, modified: now }),
    searchText: write.searchText,
  };
  if (markingProblem(asShareable(version)) !== undefined) return fail('invalid_release');
  if (!canEdit(actor, asShareable(version))) return fail('forbidden');
  await inTransaction(deps.db, async (trx) => {
    await storeRecordVersion(trx, version, now);
    await write.saveRow(trx, id);
    await deps.audit.record(
      {
        action: 'record.created',
        outcome: 'success',
        actor: actorOf(actor),
        target: { type, id },
        address: origin?.address,
        requestId: origin?.requestId,
        details: { marking: version.marking },
      },
      trx,
    );
  });
  return ok(id);
}

/** Stores the next version of `current`, which recordToEdit has cleared for this actor. */
export async function updateCoordinationRecord(
  deps: CoordinationDeps,
  current: RecordRow,
  write: CoordinationWrite,
  actor: CurrentUser,
  origin?: RequestOrigin,
  details: Record<string, unknown> = {},
): Promise<Result<string, CoordinationError>> {
  const modified = nextModified(deps.clock.now(), current.modified);
  const version = {
    ...nextVersionOf(current, write.input, write.body, modified, false),
    searchText: write.searchText,
  };
  if (markingProblem(asShareable(version)) !== undefined) return fail('invalid_release');
  await inTransaction(deps.db, async (trx) => {
    await storeRecordVersion(trx, version, isoNow(deps.clock));
    await write.saveRow(trx, current.id);
    await deps.audit.record(
      {
        action: 'record.updated',
        outcome: 'success',
        actor: actorOf(actor),
        target: { type: current.type, id: current.id },
        address: origin?.address,
        requestId: origin?.requestId,
        details: { marking: version.marking, modified, ...details },
      },
      trx,
    );
  });
  return ok(modified);
}

/**
 * Trims SQL rows to a page, keeps those canRead allows (the SQL filter is
 * proven equal, so none should drop), and keys the cursor on the last SQL
 * row so that pages never skip or repeat a row.
 */
export function pageOf<Row extends { record: RecordRow }>(
  rows: Row[],
  limit: number,
  reader: CurrentUser,
  keyOf: (row: Row) => string[],
): { rows: Row[]; nextKey: string[] | undefined } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page.filter((row) => canRead(reader, toShareable(row.record))),
    nextKey: rows.length > limit && last ? keyOf(last) : undefined,
  };
}
