/**
 * Programmes -> API shape: the stored programme with its milestone progress
 * as of today. The release list follows presentCoordinationRecord's rule; a
 * programme names its decision, meeting and group by id only.
 */
import type { CurrentUser } from '../identity/identity.types.js';
import { parseBody } from '../intel/intel.records.js';
import type { RecordRow } from '../records/records.repository.js';
import { presentCoordinationRecord } from './coordination.presenter.js';
import type { ProgrammeWithRecord } from './programmes.repository.js';
import type { Milestone } from './programmes.schema.js';
import { milestoneProgress } from './programmes.service.js';

/** The milestones of a stored body; the body was validated when written, so only its shape is checked. */
function milestonesOf(body: Record<string, unknown>): Milestone[] {
  if (!Array.isArray(body.milestones)) return [];
  return (body.milestones as unknown[]).filter(
    (m): m is Milestone =>
      typeof m === 'object' &&
      m !== null &&
      typeof (m as Milestone).title === 'string' &&
      typeof (m as Milestone).dueDate === 'string',
  );
}

/** A programme in full, with its overdue milestones and next milestone as of `today`. */
export function presentProgramme(record: RecordRow, reader: CurrentUser, today: string) {
  const body = parseBody(record.body);
  const progress = milestoneProgress(milestonesOf(body), String(body.status), today);
  return { ...presentCoordinationRecord(record, reader), ...progress };
}

/** A programme on the board: everything but the summary and the details. */
export function presentProgrammeSummary(row: ProgrammeWithRecord, today: string) {
  const body = parseBody(row.record.body);
  const milestones = milestonesOf(body);
  return {
    id: row.id,
    decisionId: row.decision_id,
    meetingId: row.meeting_id,
    workingGroupId: row.working_group_id,
    title: row.title,
    kind: row.kind,
    status: row.status,
    leadOrgId: row.lead_org_id,
    partnerOrgIds: Array.isArray(body.partnerOrgIds) ? body.partnerOrgIds : [],
    startDate: row.start_date,
    endDate: row.end_date ?? undefined,
    milestones,
    ...milestoneProgress(milestones, row.status, today),
    marking: row.record.marking,
    createdBy: row.record.created_by,
    modified: row.record.modified,
  };
}
