/**
 * Received working groups, meetings, decisions, action items and programmes:
 * the body through the module's schema, then the module's own version (body,
 * search text, query row). Children copy their parent's meeting and group
 * for the tracker's filters; when the parent is not held here (it was not
 * released to this node, or has not arrived yet) those copies stay empty:
 * the child is stored and readable, and only a filter by group misses it.
 *
 * Must never: refuse a record for naming organisations this node does not
 * know (the coordination tables do not reference them), nor for a parent it
 * may not read: the originator checked its own readers.
 */
import { z } from 'zod';
import { ok, type Result } from '../../../core/result.js';
import type { Executor } from '../../../storage/executor.js';
import { actionItemVersion } from '../../coordination/action-items.service.js';
import type { CoordinationWrite } from '../../coordination/coordination.records.js';
import {
  actionItemInputSchema,
  decisionInputSchema,
  meetingInputSchema,
  progressNoteInputSchema,
  workingGroupInputSchema,
} from '../../coordination/coordination.schema.js';
import { decisionVersion, meetingVersion } from '../../coordination/meetings.service.js';
import { findDecisionRow, findMeetingRow } from '../../coordination/meetings.repository.js';
import { programmeInputSchema } from '../../coordination/programmes.schema.js';
import { programmeVersion } from '../../coordination/programmes.service.js';
import { workingGroupVersion } from '../../coordination/working-groups.service.js';
import { recordIdSchema } from '../../intel/intel.schema.js';
import type { RecordVersionInput } from '../../records/records.repository.js';
import {
  parseReceived,
  parseReceivedBody,
  storeReadingType,
  type ReceivedPreparer,
  type ReceivedType,
} from './received-version.js';

/** A parent link this node cannot fill in (see the header). */
const UNKNOWN_PARENT = '';

/** A preparer from a function that checks the body and returns the module's version. */
function preparerOf(
  versionOf: (
    trx: Executor,
    version: RecordVersionInput,
  ) => Promise<Result<CoordinationWrite, string>>,
): ReceivedPreparer {
  return async (trx, version) => {
    const write = await versionOf(trx, version);
    if (!write.ok) return write;
    return ok({
      body: write.value.body,
      searchText: write.value.searchText,
      saveRows: (trx, record) => write.value.saveRow(trx, record.id),
    });
  };
}

const receiveWorkingGroup = preparerOf(async (_trx, version) => {
  const input = parseReceivedBody(workingGroupInputSchema, version);
  return input.ok ? ok(workingGroupVersion(input.value)) : input;
});

const receiveMeeting = preparerOf(async (_trx, version) => {
  const input = parseReceivedBody(meetingInputSchema, version);
  return input.ok ? ok(meetingVersion(input.value)) : input;
});

const receiveDecision = preparerOf(async (trx, version) => {
  const input = parseReceivedBody(decisionInputSchema, version);
  if (!input.ok) return input;
  const meeting = await findMeetingRow(trx, input.value.meetingId);
  return ok(
    decisionVersion(input.value, { working_group_id: meeting?.working_group_id ?? UNKNOWN_PARENT }),
  );
});

/** Progress notes as action-items.service.ts appends them to the body. */
const progressNotesSchema = z.object({
  progressNotes: z
    .array(
      z.object({
        at: z.iso.datetime(),
        byUser: z.string().max(200),
        text: progressNoteInputSchema.shape.text,
      }),
    )
    .max(1_000)
    .default([]),
});

const receiveActionItem = preparerOf(async (trx, version) => {
  const input = parseReceivedBody(actionItemInputSchema, version);
  if (!input.ok) return input;
  const notes = parseReceived(progressNotesSchema, version.body);
  if (!notes.ok) return notes;
  const decision = await findDecisionRow(trx, input.value.decisionId);
  const links = decision ?? { meeting_id: UNKNOWN_PARENT, working_group_id: UNKNOWN_PARENT };
  return ok(actionItemVersion(input.value, links, notes.value.progressNotes));
});

/** The decision's meeting and group, which programmes.service.ts copies into the body. */
const programmeLinksSchema = z.object({
  meetingId: recordIdSchema('meeting'),
  workingGroupId: recordIdSchema('working-group'),
});

const receiveProgramme = preparerOf(async (_trx, version) => {
  const input = parseReceivedBody(programmeInputSchema, version);
  if (!input.ok) return input;
  const links = parseReceived(programmeLinksSchema, version.body);
  if (!links.ok) return links;
  return ok(
    programmeVersion(input.value, {
      meeting_id: links.value.meetingId,
      working_group_id: links.value.workingGroupId,
    }),
  );
});

export const COORDINATION_TYPES = {
  'working-group': storeReadingType(receiveWorkingGroup),
  meeting: storeReadingType(receiveMeeting),
  decision: storeReadingType(receiveDecision),
  'action-item': storeReadingType(receiveActionItem),
  programme: storeReadingType(receiveProgramme),
} as const satisfies Record<string, ReceivedType>;
