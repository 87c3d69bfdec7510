/**
 * Coordination records (working groups, meetings, decisions, action items;
 * programmes.presenter.ts adds programmes' progress on top) -> API shape.
 * The release list is shown only to the originating organisation
 * (recipients see the marking, not who else got it). A child names its
 * parents by id only: it never carries a parent's data, which the reader may
 * not be allowed to read. A record in full says whether it was revoked, as an
 * incident does; summaries need not, since lists leave revoked records out.
 */
import type { CurrentUser } from '../identity/identity.types.js';
import { parseBody, parseReleaseList } from '../intel/intel.records.js';
import type { RecordRow, RecordVersionRow } from '../records/records.repository.js';
import type { ActionItemWithRecord } from './action-items.repository.js';
import { isOverdue } from './action-items.service.js';
import type { DecisionWithRecord, MeetingWithRecord } from './meetings.repository.js';
import type { WorkingGroupWithRecord } from './working-groups.repository.js';

function releaseListFor(reader: CurrentUser, createdBy: string, releasableTo: string) {
  return reader.orgId === createdBy ? parseReleaseList(releasableTo) : undefined;
}

function sharing(record: RecordRow, reader: CurrentUser) {
  return {
    marking: record.marking,
    releasableTo: releaseListFor(reader, record.created_by, record.releasable_to),
    createdBy: record.created_by,
    createdByUser: record.created_by_user,
    created: record.created,
    modified: record.modified,
    revoked: record.revoked === 1,
  };
}

const listed = (record: RecordRow) => ({
  marking: record.marking,
  createdBy: record.created_by,
  modified: record.modified,
});

/** A working group, meeting, decision (or, with more, an action item or programme) in full. */
export function presentCoordinationRecord(record: RecordRow, reader: CurrentUser) {
  return {
    ...parseBody(record.body),
    id: record.id,
    type: record.type,
    ...sharing(record, reader),
  };
}

/** An action item in full, with whether it is overdue as of `today`. */
export function presentActionItem(record: RecordRow, reader: CurrentUser, today: string) {
  const body = parseBody(record.body);
  const due = { dueDate: String(body.dueDate), status: String(body.status) };
  return { ...presentCoordinationRecord(record, reader), overdue: isOverdue(due, today) };
}

export function presentWorkingGroupSummary(row: WorkingGroupWithRecord) {
  const body = parseBody(row.record.body);
  return {
    id: row.id,
    name: row.name,
    memberOrgIds: body.memberOrgIds,
    chairOrgId: row.chair_org_id,
    secretaryOrgId: row.secretary_org_id,
    ...listed(row.record),
  };
}

export function presentMeetingSummary(row: MeetingWithRecord) {
  return {
    id: row.id,
    workingGroupId: row.working_group_id,
    date: row.meeting_date,
    place: row.place,
    ...listed(row.record),
  };
}

export function presentDecisionSummary(row: DecisionWithRecord) {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    workingGroupId: row.working_group_id,
    text: parseBody(row.record.body).text,
    ...listed(row.record),
  };
}

export function presentActionItemSummary(row: ActionItemWithRecord, today: string) {
  return {
    id: row.id,
    decisionId: row.decision_id,
    meetingId: row.meeting_id,
    workingGroupId: row.working_group_id,
    title: row.title,
    ownerOrgId: row.owner_org_id,
    dueDate: row.due_date,
    status: row.status,
    overdue: isOverdue({ dueDate: row.due_date, status: row.status }, today),
    ...listed(row.record),
  };
}

export function presentCoordinationVersion(version: RecordVersionRow, reader: CurrentUser) {
  return {
    modified: version.modified,
    storedAt: version.stored_at,
    marking: version.marking,
    releasableTo: releaseListFor(reader, version.created_by, version.releasable_to),
    revoked: version.revoked === 1,
    record: parseBody(version.body),
  };
}
