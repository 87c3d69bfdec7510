/**
 * What working groups, meetings, decisions, action items and programmes share
 * as shareable records: reading one (SQL read filter, then canRead), its
 * history (each version under its own marking), storing a version with its
 * query row and audit entry in one transaction, and the search terms of the
 * lists. Owns the rule that only the originating organisation's editors
 * change a record; must never present a record the reader may not read, nor
 * say whether one exists.
 *
 * Revocation (coordination.revocation.ts) is final, as in STIX: a revoked
 * record takes no further version and leaves every list, but its detail and
 * history still answer (with `revoked: true`) so that links to it resolve.
 * Nothing cascades to its children: meetings of a revoked group, decisions
 * of a revoked meeting, action items and programmes of a revoked decision
 * stay, keep their parent's id and may still be corrected; a revoked parent
 * only takes no new children.
 */
import type { RawBuilder, SqlBool } from 'kysely';
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
  findReadableCoordinationRecords,
} from './coordination.repository.js';
import type { CoordinationType } from './coordination.schema.js';

/** `capabilities` turns the lists' search terms into the engine's text matches. */
export type CoordinationDeps = Pick<IntelDeps, 'db' | 'clock' | 'audit' | 'capabilities'>;
/** What reading one record needs: other modules (notifications) read through it with no more. */
type ReadDeps = Pick<CoordinationDeps, 'db'>;
type WriteDeps = Pick<CoordinationDeps, 'db' | 'clock' | 'audit'>;

/**
 * Expected outcomes of coordination writes; field problems name the field at
 * fault. 'unknown_organisation' carries that field's path as the result's detail.
 */
export type CoordinationError =
  | 'forbidden'
  | 'not_found'
  | 'invalid_release'
  | 'revoked'
  | 'unknown_member'
  | 'unknown_participant'
  | 'unknown_owner'
  | 'unknown_organisation'
  | 'unreadable_working_group'
  | 'unreadable_meeting'
  | 'unreadable_decision'
  | 'revoked_working_group'
  | 'revoked_meeting'
  | 'revoked_decision'
  | 'working_group_fixed'
  | 'meeting_fixed'
  | 'decision_fixed'
  | 'programme_decision_fixed';

/** Whether a write makes a new record or the next version of one: only a new record needs a live parent. */
export type WritePurpose = 'create' | 'update';

/** A version to store: its sharing fields, body, search text and the query row that goes with it. */
export interface CoordinationWrite {
  input: SharingInput;
  body: Record<string, unknown>;
  searchText: string;
  saveRow: (trx: Executor, id: string) => Promise<void>;
}

/** The record, revoked or not (a revoked one still answers, so that links to it resolve). */
export async function readCoordinationRecord(
  deps: ReadDeps,
  type: CoordinationType,
  id: string,
  reader: CurrentUser,
): Promise<RecordRow | undefined> {
  const found = await findReadableCoordinationRecord(deps.db, readScope(reader), type, id);
  // The SQL filter equals canRead; asking the policy again keeps this path honest.
  return found && canRead(reader, toShareable(found)) ? found : undefined;
}

/** Those of `ids` the reader may read (SQL read filter, then canRead), keyed by id. */
export async function readCoordinationRecords(
  deps: ReadDeps,
  type: CoordinationType,
  ids: readonly string[],
  reader: CurrentUser,
): Promise<Map<string, RecordRow>> {
  const found = await findReadableCoordinationRecords(deps.db, readScope(reader), type, ids);
  return new Map(
    found.filter((row) => canRead(reader, toShareable(row))).map((row) => [row.id, row]),
  );
}

/** Every version the reader may read: the current one must be readable, and each old one under its own marking. */
export async function readCoordinationHistory(
  deps: ReadDeps,
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
  deps: ReadDeps,
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

/** As recordToEdit, and refused once revoked: the record a correction, a note or a revocation changes. */
export async function recordToChange(
  deps: ReadDeps,
  type: CoordinationType,
  id: string,
  actor: CurrentUser,
): Promise<Result<RecordRow, CoordinationError>> {
  const current = await recordToEdit(deps, type, id, actor);
  return current.ok && current.value.revoked === 1 ? fail('revoked') : current;
}

/** Whether every id names an organisation known to this node. */
export async function organisationsExist(deps: ReadDeps, ids: readonly string[]): Promise<boolean> {
  const known = await existingOrganisationIds(deps.db, ids);
  return ids.every((id) => known.has(id));
}

export async function createCoordinationRecord(
  deps: WriteDeps,
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

/**
 * Stores the next version of `current`, which recordToEdit has cleared for
 * this actor. Never of a revoked record: the next version would quietly
 * un-revoke it.
 */
export async function updateCoordinationRecord(
  deps: WriteDeps,
  current: RecordRow,
  write: CoordinationWrite,
  actor: CurrentUser,
  origin?: RequestOrigin,
  details: Record<string, unknown> = {},
): Promise<Result<string, CoordinationError>> {
  if (current.revoked === 1) return fail('revoked');
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

/**
 * The text matches of a list's search: every word of `q` must occur in the
 * record's search text (trigram substrings, so Chinese and Urdu need no word
 * breaks). `table` is the list's query table, keyed by record id.
 */
export function searchMatches(
  deps: Pick<CoordinationDeps, 'capabilities'>,
  q: string | undefined,
  table: string,
): RawBuilder<SqlBool>[] {
  const words = q?.split(/\s+/u).filter((word) => word !== '') ?? [];
  return words.map((word) => deps.capabilities.recordContains(word, table));
}
