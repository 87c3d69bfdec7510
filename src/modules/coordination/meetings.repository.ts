/**
 * The only SQL for the meeting and decision query tables. Every list applies
 * the sharing policy's read filter; the row look-ups by id do not, and serve
 * only to copy a parent's links into a child the writer may already read.
 */
import type { RawBuilder, SqlBool } from 'kysely';
import type { ReadScope } from '../../core/policy/index.js';
import type { Executor } from '../../storage/executor.js';
import { readableBy } from '../records/records.repository.js';
import { RECORD_COLUMNS, splitRecord, type WithRecord } from '../records/records.joined.js';
import type { DecisionsTable, MeetingsTable } from './coordination.tables.js';

export type MeetingRow = MeetingsTable;
export type MeetingWithRecord = WithRecord<MeetingRow>;
export type DecisionRow = DecisionsTable;
export type DecisionWithRecord = WithRecord<DecisionRow>;

/** Search matches, all of which must hold (see StorageCapabilities.recordContains). */
type TextMatches = RawBuilder<SqlBool>[] | undefined;

export async function saveMeetingRow(trx: Executor, row: MeetingRow): Promise<void> {
  await trx
    .insertInto('meetings')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...row }))
    .execute();
}

export async function saveDecisionRow(trx: Executor, row: DecisionRow): Promise<void> {
  await trx
    .insertInto('decisions')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...row }))
    .execute();
}

/** Only after the caller has checked that the reader may read this meeting. */
export async function findMeetingRow(executor: Executor, id: string) {
  return executor.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Only after the caller has checked that the reader may read this decision. */
export async function findDecisionRow(executor: Executor, id: string) {
  return executor.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Newest first; `after` is the (meeting_date, id) of the last row of the previous page. */
export async function listMeetings(
  executor: Executor,
  scope: ReadScope,
  filters: { workingGroupId?: string | undefined; textMatches?: TextMatches },
  page: { limit: number; after?: readonly string[] | undefined },
): Promise<MeetingWithRecord[]> {
  const { workingGroupId, textMatches } = filters;
  const after = page.after;
  const rows = await executor
    .selectFrom('meetings')
    .innerJoin('records', 'records.id', 'meetings.id')
    .where(readableBy(scope))
    .where('records.revoked', '=', 0)
    .selectAll('meetings')
    .select(RECORD_COLUMNS)
    .$if(workingGroupId !== undefined, (qb) =>
      qb.where('meetings.working_group_id', '=', workingGroupId ?? ''),
    )
    .$if(textMatches !== undefined, (qb) =>
      (textMatches ?? []).reduce((q, match) => q.where(match), qb),
    )
    .$if(after !== undefined, (qb) => {
      const [date = '', id = ''] = after ?? [];
      return qb.where((eb) =>
        eb.or([
          eb('meetings.meeting_date', '<', date),
          eb.and([eb('meetings.meeting_date', '=', date), eb('meetings.id', '<', id)]),
        ]),
      );
    })
    .orderBy('meetings.meeting_date', 'desc')
    .orderBy('meetings.id', 'desc')
    .limit(page.limit)
    .execute();
  return rows.map((row) => splitRecord<MeetingRow>(row));
}

/** In the order they were recorded (ids are time-ordered); `after` is the last id of the previous page. */
export async function listDecisions(
  executor: Executor,
  scope: ReadScope,
  filters: { meetingId?: string | undefined; textMatches?: TextMatches },
  page: { limit: number; after?: string | undefined },
): Promise<DecisionWithRecord[]> {
  const { meetingId, textMatches } = filters;
  const after = page.after;
  const rows = await executor
    .selectFrom('decisions')
    .innerJoin('records', 'records.id', 'decisions.id')
    .where(readableBy(scope))
    .where('records.revoked', '=', 0)
    .selectAll('decisions')
    .select(RECORD_COLUMNS)
    .$if(meetingId !== undefined, (qb) => qb.where('decisions.meeting_id', '=', meetingId ?? ''))
    .$if(textMatches !== undefined, (qb) =>
      (textMatches ?? []).reduce((q, match) => q.where(match), qb),
    )
    .$if(after !== undefined, (qb) => qb.where('decisions.id', '>', after ?? ''))
    .orderBy('decisions.id')
    .limit(page.limit)
    .execute();
  return rows.map((row) => splitRecord<DecisionRow>(row));
}
