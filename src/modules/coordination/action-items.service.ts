/**
 * Action items: work derived from a decision, owned by one organisation, due
 * on a day, with a status and progress notes. Owns the overdue rule (due
 * before today by the injectable clock, and neither done nor dropped) and
 * who may append a note: the originator's editors, and the owning
 * organisation's editors who may read the item — the owner reports progress
 * on its own work, but only the originator changes the item itself.
 */
import { isoNow, type Clock } from '../../core/clock.js';
import { readScope } from '../../core/policy/index.js';
import { fail, ok, type Result } from '../../core/result.js';
import type { CurrentUser, RequestOrigin } from '../identity/identity.types.js';
import { bodyOf, editsForOwnOrganisation, parseBody, sharingOf } from '../intel/intel.records.js';
import type { RecordRow } from '../records/records.repository.js';
import { listActionItems, saveActionItemRow } from './action-items.repository.js';
import {
  createCoordinationRecord,
  organisationsExist,
  pageOf,
  readCoordinationRecord,
  recordToChange,
  recordToEdit,
  searchMatches,
  updateCoordinationRecord,
  type CoordinationDeps,
  type CoordinationError,
  type CoordinationWrite,
  type WritePurpose,
} from './coordination.records.js';
import { CLOSED_STATUSES, type ActionItemStatus } from '../../core/vocabulary/coordination.js';
import type { ActionItemInput, ProgressNote } from './coordination.schema.js';
import type { ActionItemListQuery } from './coordination.query.js';
import { findDecisionRow, type DecisionRow } from './meetings.repository.js';

/** Today as an ISO date (UTC), by the clock the node runs on. */
export const todayOf = (clock: Clock) => isoNow(clock).slice(0, 10);

export function isOverdue(item: { dueDate: string; status: string }, today: string): boolean {
  return item.dueDate < today && !CLOSED_STATUSES.includes(item.status as ActionItemStatus);
}

/** The notes of a stored version: kept across edits, which never send them. */
export function notesOf(body: Record<string, unknown>): ProgressNote[] {
  return Array.isArray(body.progressNotes) ? (body.progressNotes as ProgressNote[]) : [];
}

/** Checks what the writer names: a decision they may read, an owner that exists. */
async function actionItemWrite(
  deps: CoordinationDeps,
  input: ActionItemInput,
  actor: CurrentUser,
  notes: ProgressNote[],
  purpose: WritePurpose,
): Promise<Result<CoordinationWrite, CoordinationError>> {
  const decision = await readCoordinationRecord(deps, 'decision', input.decisionId, actor);
  const decisionRow = decision ? await findDecisionRow(deps.db, input.decisionId) : undefined;
  // One answer for unknown and unreadable decisions: it must not reveal which.
  if (!decision || !decisionRow) return fail('unreadable_decision');
  // A revoked decision keeps its items (they may be corrected and noted) but takes no new one.
  if (purpose === 'create' && decision.revoked === 1) return fail('revoked_decision');
  if (!(await organisationsExist(deps, [input.ownerOrgId]))) return fail('unknown_owner');
  return ok(actionItemVersion(input, decisionRow, notes));
}

/** The version and query row; the meeting and group are copied from the decision for the tracker. */
export function actionItemVersion(
  input: ActionItemInput,
  decision: Pick<DecisionRow, 'meeting_id' | 'working_group_id'>,
  notes: ProgressNote[],
): CoordinationWrite {
  return {
    input,
    body: { ...bodyOf(input), progressNotes: notes },
    searchText: [input.title, ...notes.map((note) => note.text)].join('\n'),
    saveRow: (trx, id) =>
      saveActionItemRow(trx, {
        id,
        decision_id: input.decisionId,
        meeting_id: decision.meeting_id,
        working_group_id: decision.working_group_id,
        title: input.title,
        owner_org_id: input.ownerOrgId,
        due_date: input.dueDate,
        status: input.status,
      }),
  };
}

export async function createActionItem(
  deps: CoordinationDeps,
  input: ActionItemInput,
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<string, CoordinationError>> {
  const write = await actionItemWrite(deps, input, actor, [], 'create');
  if (!write.ok) return write;
  return createCoordinationRecord(deps, 'action-item', write.value, actor, origin);
}

export async function updateActionItem(
  deps: CoordinationDeps,
  id: string,
  input: ActionItemInput,
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<string, CoordinationError>> {
  const current = await recordToChange(deps, 'action-item', id, actor);
  if (!current.ok) return current;
  const body = parseBody(current.value.body);
  if (body.decisionId !== input.decisionId) return fail('decision_fixed');
  const write = await actionItemWrite(deps, input, actor, notesOf(body), 'update');
  if (!write.ok) return write;
  return updateCoordinationRecord(deps, current.value, write.value, actor, origin);
}

/** Appends a note as a new version; the item's other fields and sharing stay as they are. */
export async function appendProgressNote(
  deps: CoordinationDeps,
  id: string,
  text: string,
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<string, CoordinationError>> {
  const current = await noteTarget(deps, id, actor);
  if (!current.ok) return current;
  const body = parseBody(current.value.body);
  const input = { ...(body as ActionItemInput), ...sharingOf(current.value) };
  // The links were checked when the item was written; the owner may not read the decision itself.
  const decision = await findDecisionRow(deps.db, input.decisionId);
  if (!decision) return fail('not_found');
  const note: ProgressNote = { at: isoNow(deps.clock), byUser: actor.userId, text };
  const write = actionItemVersion(input, decision, [...notesOf(body), note]);
  return updateCoordinationRecord(deps, current.value, write, actor, origin, { note: true });
}

async function noteTarget(
  deps: CoordinationDeps,
  id: string,
  actor: CurrentUser,
): Promise<Result<RecordRow, CoordinationError>> {
  const editable = await recordToEdit(deps, 'action-item', id, actor);
  if (editable.ok || editable.error === 'not_found') return editable;
  const readable = await readCoordinationRecord(deps, 'action-item', id, actor);
  const ownsIt = readable && parseBody(readable.body).ownerOrgId === actor.orgId;
  return ownsIt && editsForOwnOrganisation(actor) ? ok(readable) : fail('forbidden');
}

export async function listActionItemsFor(
  deps: CoordinationDeps,
  reader: CurrentUser,
  query: Omit<ActionItemListQuery, 'limit' | 'cursor'>,
  page: { limit: number; after?: readonly string[] | undefined },
) {
  const { overdue, q, ...filters } = query;
  const rows = await listActionItems(
    deps.db,
    readScope(reader),
    {
      ...filters,
      overdue: overdue === undefined ? undefined : { is: overdue, today: todayOf(deps.clock) },
      textMatches: searchMatches(deps, q, 'action_items'),
    },
    { ...page, limit: page.limit + 1 },
  );
  return pageOf(rows, page.limit, reader, (row) => [row.due_date, row.id]);
}
