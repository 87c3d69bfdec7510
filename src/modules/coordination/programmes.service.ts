/**
 * Cooperation programmes: equipment transfers, training, exchanges and border
 * cooperation started by a decision, led by one organisation, tracked by
 * milestones. Owns the rules that a writer starts a programme only from a
 * decision they may read and never moves it to another decision, that every
 * organisation it names exists, and when a milestone is overdue (due before
 * today by the injectable clock, not done, and the programme still open).
 * The sharing rules are coordination.records.ts's.
 */
import { readScope } from '../../core/policy/index.js';
import { fail, ok, type Result } from '../../core/result.js';
import type { CurrentUser, RequestOrigin } from '../identity/identity.types.js';
import { bodyOf, parseBody } from '../intel/intel.records.js';
import { existingOrganisationIds } from './coordination.repository.js';
import {
  createCoordinationRecord,
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
import type { ProgrammeBoardQuery } from './coordination.query.js';
import { findDecisionRow, type DecisionRow } from './meetings.repository.js';
import { listProgrammes, saveProgrammeRow } from './programmes.repository.js';
import {
  CLOSED_PROGRAMME_STATUSES,
  type ProgrammeStatus,
} from '../../core/vocabulary/coordination.js';
import type { Milestone, ProgrammeDetails, ProgrammeInput } from './programmes.schema.js';

export interface MilestoneProgress {
  overdueMilestones: number;
  nextMilestone: { title: string; dueDate: string } | null;
}

/** Milestones past due and not done, and the earliest one still to do; none once the programme is closed. */
export function milestoneProgress(
  milestones: readonly Milestone[],
  status: string,
  today: string,
): MilestoneProgress {
  if (CLOSED_PROGRAMME_STATUSES.includes(status as ProgrammeStatus)) {
    return { overdueMilestones: 0, nextMilestone: null };
  }
  const open = milestones.filter((m) => m.doneOn === undefined);
  const next = [...open].sort((x, y) =>
    x.dueDate < y.dueDate ? -1 : x.dueDate > y.dueDate ? 1 : 0,
  )[0];
  return {
    overdueMilestones: open.filter((m) => m.dueDate < today).length,
    nextMilestone: next ? { title: next.title, dueDate: next.dueDate } : null,
  };
}

/** Every organisation id the programme names, with the path of its field. */
function organisationReferences(input: ProgrammeInput): [string, string][] {
  const refs: [string, string][] = [['leadOrgId', input.leadOrgId]];
  input.partnerOrgIds.forEach((id, i) => refs.push([`partnerOrgIds.${i}`, id]));
  const details = input.details;
  switch (details.kind) {
    case 'training':
      details.courses.forEach((course, c) =>
        course.participants.forEach((p, i) =>
          refs.push([`details.courses.${c}.participants.${i}.orgId`, p.orgId]),
        ),
      );
      break;
    case 'exchange':
      details.visits.forEach((v, i) => {
        refs.push([`details.visits.${i}.fromOrgId`, v.fromOrgId]);
        refs.push([`details.visits.${i}.toOrgId`, v.toOrgId]);
      });
      details.postings.forEach((p, i) => {
        refs.push([`details.postings.${i}.orgId`, p.orgId]);
        refs.push([`details.postings.${i}.hostOrgId`, p.hostOrgId]);
      });
      break;
    case 'equipment_transfer':
    case 'border_cooperation':
      break;
  }
  return refs;
}

/** The words of the details worth finding a programme by. */
function detailWords(details: ProgrammeDetails): string[] {
  switch (details.kind) {
    case 'equipment_transfer':
      return [details.receivingUnit, ...details.items.map((item) => item.name)];
    case 'training':
      return details.courses.map((course) => course.title);
    case 'exchange':
      return [...details.visits.map((v) => v.purpose), ...details.postings.map((p) => p.role)];
    case 'border_cooperation':
      return [
        ...details.crossings,
        ...details.jointPatrols.map((p) => p.area),
        ...details.procedures.map((p) => p.title),
      ];
  }
}

/** Checks what the writer names: a decision they may read, organisations that exist. */
async function programmeWrite(
  deps: CoordinationDeps,
  input: ProgrammeInput,
  actor: CurrentUser,
  purpose: WritePurpose,
): Promise<Result<CoordinationWrite, CoordinationError>> {
  const decision = await readCoordinationRecord(deps, 'decision', input.decisionId, actor);
  const decisionRow = decision ? await findDecisionRow(deps.db, input.decisionId) : undefined;
  // One answer for unknown and unreadable decisions: it must not reveal which.
  if (!decision || !decisionRow) return fail('unreadable_decision');
  // A revoked decision keeps its programmes (they may be corrected) but starts no new one.
  if (purpose === 'create' && decision.revoked === 1) return fail('revoked_decision');
  const refs = organisationReferences(input);
  const known = await existingOrganisationIds(deps.db, [...new Set(refs.map(([, id]) => id))]);
  const unknown = refs.find(([, id]) => !known.has(id));
  // The detail names the field at fault, for the error's issue path.
  if (unknown) return fail('unknown_organisation', unknown[0]);
  return ok(programmeVersion(input, decisionRow));
}

/** The version and query row; the meeting and group are copied from the decision, which never moves. */
export function programmeVersion(
  input: ProgrammeInput,
  decision: Pick<DecisionRow, 'meeting_id' | 'working_group_id'>,
): CoordinationWrite {
  const words = [input.title, input.summary, ...input.milestones.map((m) => m.title)];
  return {
    input,
    body: {
      ...bodyOf(input),
      meetingId: decision.meeting_id,
      workingGroupId: decision.working_group_id,
    },
    searchText: [...words, ...detailWords(input.details)].filter((w) => w !== '').join('\n'),
    saveRow: (trx, id) =>
      saveProgrammeRow(trx, {
        id,
        decision_id: input.decisionId,
        meeting_id: decision.meeting_id,
        working_group_id: decision.working_group_id,
        title: input.title,
        kind: input.kind,
        status: input.status,
        lead_org_id: input.leadOrgId,
        start_date: input.startDate,
        end_date: input.endDate ?? null,
      }),
  };
}

export async function createProgramme(
  deps: CoordinationDeps,
  input: ProgrammeInput,
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<string, CoordinationError>> {
  const write = await programmeWrite(deps, input, actor, 'create');
  if (!write.ok) return write;
  return createCoordinationRecord(deps, 'programme', write.value, actor, origin);
}

export async function updateProgramme(
  deps: CoordinationDeps,
  id: string,
  input: ProgrammeInput,
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<string, CoordinationError>> {
  const current = await recordToChange(deps, 'programme', id, actor);
  if (!current.ok) return current;
  if (parseBody(current.value.body).decisionId !== input.decisionId) {
    return fail('programme_decision_fixed');
  }
  const write = await programmeWrite(deps, input, actor, 'update');
  if (!write.ok) return write;
  return updateCoordinationRecord(deps, current.value, write.value, actor, origin);
}

export async function listProgrammesFor(
  deps: CoordinationDeps,
  reader: CurrentUser,
  filters: Omit<ProgrammeBoardQuery, 'limit' | 'cursor'>,
  page: { limit: number; after?: readonly string[] | undefined },
) {
  const { q, ...rest } = filters;
  const rows = await listProgrammes(
    deps.db,
    readScope(reader),
    { ...rest, textMatches: searchMatches(deps, q, 'programmes') },
    { ...page, limit: page.limit + 1 },
  );
  return pageOf(rows, page.limit, reader, (row) => [row.start_date, row.id]);
}
