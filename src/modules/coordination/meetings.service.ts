/**
 * Meetings of a working group and the decisions recorded against them. Owns
 * the rules that a writer records a meeting only for a group they may read
 * (and a decision only for a meeting they may read), that participants
 * exist, and that a meeting never changes group nor a decision its meeting:
 * their children copy those links for the tracker's filters.
 */
import { readScope } from '../../core/policy/index.js';
import { fail, ok, type Result } from '../../core/result.js';
import type { CurrentUser, RequestOrigin } from '../identity/identity.types.js';
import { bodyOf, parseBody } from '../intel/intel.records.js';
import {
  createCoordinationRecord,
  organisationsExist,
  pageOf,
  readCoordinationRecord,
  recordToChange,
  searchMatches,
  updateCoordinationRecord,
  type CoordinationDeps,
  type CoordinationError,
  type CoordinationWrite,
  type WritePurpose,
} from './coordination.records.js';
import type { DecisionInput, MeetingInput } from './coordination.schema.js';
import {
  findMeetingRow,
  listDecisions,
  listMeetings,
  saveDecisionRow,
  saveMeetingRow,
  type MeetingRow,
} from './meetings.repository.js';

async function meetingWrite(
  deps: CoordinationDeps,
  input: MeetingInput,
  actor: CurrentUser,
  purpose: WritePurpose,
): Promise<Result<CoordinationWrite, CoordinationError>> {
  const group = await readCoordinationRecord(deps, 'working-group', input.workingGroupId, actor);
  // One answer for unknown and unreadable groups: it must not reveal which.
  if (!group) return fail('unreadable_working_group');
  // A revoked group keeps its meetings (they may be corrected) but takes no new one.
  if (purpose === 'create' && group.revoked === 1) return fail('revoked_working_group');
  if (!(await organisationsExist(deps, input.participantOrgIds)))
    return fail('unknown_participant');
  return ok(meetingVersion(input));
}

/** The version and query row of a meeting whose group and participants have been checked. */
export function meetingVersion(input: MeetingInput): CoordinationWrite {
  return {
    input,
    body: bodyOf(input),
    searchText: [input.place, input.agenda, input.minutes].filter((p) => p !== '').join('\n'),
    saveRow: (trx, id) =>
      saveMeetingRow(trx, {
        id,
        working_group_id: input.workingGroupId,
        meeting_date: input.date,
        place: input.place,
      }),
  };
}

export async function createMeeting(
  deps: CoordinationDeps,
  input: MeetingInput,
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<string, CoordinationError>> {
  const write = await meetingWrite(deps, input, actor, 'create');
  if (!write.ok) return write;
  return createCoordinationRecord(deps, 'meeting', write.value, actor, origin);
}

export async function updateMeeting(
  deps: CoordinationDeps,
  id: string,
  input: MeetingInput,
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<string, CoordinationError>> {
  const current = await recordToChange(deps, 'meeting', id, actor);
  if (!current.ok) return current;
  if (parseBody(current.value.body).workingGroupId !== input.workingGroupId) {
    return fail('working_group_fixed');
  }
  const write = await meetingWrite(deps, input, actor, 'update');
  if (!write.ok) return write;
  return updateCoordinationRecord(deps, current.value, write.value, actor, origin);
}

async function decisionWrite(
  deps: CoordinationDeps,
  input: DecisionInput,
  actor: CurrentUser,
  purpose: WritePurpose,
): Promise<Result<CoordinationWrite, CoordinationError>> {
  const meeting = await readCoordinationRecord(deps, 'meeting', input.meetingId, actor);
  const meetingRow = meeting ? await findMeetingRow(deps.db, input.meetingId) : undefined;
  if (!meeting || !meetingRow) return fail('unreadable_meeting');
  if (purpose === 'create' && meeting.revoked === 1) return fail('revoked_meeting');
  return ok(decisionVersion(input, meetingRow));
}

/** The version and query row; the group is copied from the meeting, which never changes group. */
export function decisionVersion(
  input: DecisionInput,
  meeting: Pick<MeetingRow, 'working_group_id'>,
): CoordinationWrite {
  return {
    input,
    body: bodyOf(input),
    searchText: input.text,
    saveRow: (trx, id) =>
      saveDecisionRow(trx, {
        id,
        meeting_id: input.meetingId,
        working_group_id: meeting.working_group_id,
      }),
  };
}

export async function createDecision(
  deps: CoordinationDeps,
  input: DecisionInput,
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<string, CoordinationError>> {
  const write = await decisionWrite(deps, input, actor, 'create');
  if (!write.ok) return write;
  return createCoordinationRecord(deps, 'decision', write.value, actor, origin);
}

export async function updateDecision(
  deps: CoordinationDeps,
  id: string,
  input: DecisionInput,
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<string, CoordinationError>> {
  const current = await recordToChange(deps, 'decision', id, actor);
  if (!current.ok) return current;
  if (parseBody(current.value.body).meetingId !== input.meetingId) return fail('meeting_fixed');
  const write = await decisionWrite(deps, input, actor, 'update');
  if (!write.ok) return write;
  return updateCoordinationRecord(deps, current.value, write.value, actor, origin);
}

export async function listMeetingsFor(
  deps: CoordinationDeps,
  reader: CurrentUser,
  filters: { workingGroupId?: string | undefined; q?: string | undefined },
  page: { limit: number; after?: readonly string[] | undefined },
) {
  const { q, ...rest } = filters;
  const rows = await listMeetings(
    deps.db,
    readScope(reader),
    { ...rest, textMatches: searchMatches(deps, q, 'meetings') },
    { ...page, limit: page.limit + 1 },
  );
  return pageOf(rows, page.limit, reader, (row) => [row.meeting_date, row.id]);
}

export async function listDecisionsFor(
  deps: CoordinationDeps,
  reader: CurrentUser,
  filters: { meetingId?: string | undefined; q?: string | undefined },
  page: { limit: number; after?: string | undefined },
) {
  const { q, ...rest } = filters;
  const rows = await listDecisions(
    deps.db,
    readScope(reader),
    { ...rest, textMatches: searchMatches(deps, q, 'decisions') },
    { ...page, limit: page.limit + 1 },
  );
  return pageOf(rows, page.limit, reader, (row) => [row.id]);
}
