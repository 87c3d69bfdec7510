/**
 * The programme form's state and the API's ProgrammeInput made from it.
 * Numbers stay text while typed; each kind keeps its own details draft, so
 * that trying another kind and coming back loses nothing. The checks are
 * the server's (programmes.schema), reported at the same field paths.
 */
import type {
  Milestone,
  Programme,
  ProgrammeDetails,
  ProgrammeInput,
  ProgrammeKind,
  ProgrammeStatus,
} from '../../../api/programmes';
import type { SharingFields } from '../../../api/coordination';
import { sharingInput, sharingOf } from '../sharingDefaults';

export interface DetailsDrafts {
  equipment_transfer: {
    receivingUnit: string;
    items: { name: string; quantity: string; unit: string }[];
  };
  training: {
    courses: {
      title: string;
      startDate: string;
      endDate: string;
      participants: { orgId: string; count: string }[];
      completed: string;
    }[];
  };
  exchange: {
    visits: {
      fromOrgId: string;
      toOrgId: string;
      startDate: string;
      endDate: string;
      purpose: string;
    }[];
    postings: {
      orgId: string;
      hostOrgId: string;
      startDate: string;
      endDate: string;
      role: string;
    }[];
  };
  border_cooperation: {
    crossings: string[];
    jointPatrols: { date: string; area: string }[];
    procedures: { title: string; agreedOn: string }[];
  };
}

export interface ProgrammeDraft extends SharingFields {
  decisionId: string;
  title: string;
  kind: ProgrammeKind;
  status: ProgrammeStatus;
  leadOrgId: string;
  partnerOrgIds: string[];
  summary: string;
  startDate: string;
  endDate: string;
  milestones: { title: string; dueDate: string; doneOn: string }[];
  details: DetailsDrafts;
}

export const BLANK_DETAILS: DetailsDrafts = {
  equipment_transfer: { receivingUnit: '', items: [{ name: '', quantity: '', unit: '' }] },
  training: {
    courses: [{ title: '', startDate: '', endDate: '', participants: [], completed: '0' }],
  },
  exchange: { visits: [], postings: [] },
  border_cooperation: { crossings: [], jointPatrols: [], procedures: [] },
};

export function blankProgramme(
  decisionId: string,
  leadOrgId: string,
  sharing: SharingFields,
): ProgrammeDraft {
  return {
    decisionId,
    title: '',
    kind: 'equipment_transfer',
    status: 'planned',
    leadOrgId,
    partnerOrgIds: [],
    summary: '',
    startDate: '',
    endDate: '',
    milestones: [],
    details: BLANK_DETAILS,
    ...sharing,
  };
}

const text = (n: number) => String(n);

function detailsDraftOf(details: ProgrammeDetails): Partial<DetailsDrafts> {
  switch (details.kind) {
    case 'equipment_transfer':
      return {
        equipment_transfer: {
          receivingUnit: details.receivingUnit,
          items: details.items.map((item) => ({ ...item, quantity: text(item.quantity) })),
        },
      };
    case 'training':
      return {
        training: {
          courses: details.courses.map((course) => ({
            ...course,
            participants: course.participants.map((p) => ({
              orgId: p.orgId,
              count: text(p.count),
            })),
            completed: text(course.completed),
          })),
        },
      };
    case 'exchange':
      return {
        exchange: {
          visits: details.visits,
          postings: details.postings.map((p) => ({ ...p, endDate: p.endDate ?? '' })),
        },
      };
    case 'border_cooperation':
      return {
        border_cooperation: {
          crossings: details.crossings,
          jointPatrols: details.jointPatrols,
          procedures: details.procedures.map((p) => ({
            title: p.title,
            agreedOn: p.agreedOn ?? '',
          })),
        },
      };
  }
}

export function draftFromProgramme(programme: Programme): ProgrammeDraft {
  return {
    decisionId: programme.decisionId,
    title: programme.title,
    kind: programme.kind,
    status: programme.status,
    leadOrgId: programme.leadOrgId,
    partnerOrgIds: programme.partnerOrgIds,
    summary: programme.summary,
    startDate: programme.startDate,
    endDate: programme.endDate ?? '',
    milestones: programme.milestones.map((m) => ({ ...m, doneOn: m.doneOn ?? '' })),
    details: { ...BLANK_DETAILS, ...detailsDraftOf(programme.details) },
    ...sharingOf(programme),
  };
}

const optional = <K extends string>(key: K, value: string) =>
  (value ? { [key]: value } : {}) as Partial<Record<K, string>>;
const trimmed = (value: string) => value.trim();

function detailsInput(draft: ProgrammeDraft): ProgrammeDetails {
  const d = draft.details;
  switch (draft.kind) {
    case 'equipment_transfer':
      return {
        kind: draft.kind,
        receivingUnit: trimmed(d.equipment_transfer.receivingUnit),
        items: d.equipment_transfer.items.map((item) => ({
          name: trimmed(item.name),
          quantity: Number(item.quantity),
          unit: trimmed(item.unit),
        })),
      };
    case 'training':
      return {
        kind: draft.kind,
        courses: d.training.courses.map((course) => ({
          title: trimmed(course.title),
          startDate: course.startDate,
          endDate: course.endDate,
          participants: course.participants.map((p) => ({
            orgId: p.orgId,
            count: Number(p.count),
          })),
          completed: Number(course.completed),
        })),
      };
    case 'exchange':
      return {
        kind: draft.kind,
        visits: d.exchange.visits.map((v) => ({ ...v, purpose: trimmed(v.purpose) })),
        postings: d.exchange.postings.map(({ endDate, ...p }) => ({
          ...p,
          role: trimmed(p.role),
          ...optional('endDate', endDate),
        })),
      };
    case 'border_cooperation':
      return {
        kind: draft.kind,
        crossings: d.border_cooperation.crossings.map(trimmed),
        jointPatrols: d.border_cooperation.jointPatrols.map((p) => ({
          date: p.date,
          area: trimmed(p.area),
        })),
        procedures: d.border_cooperation.procedures.map((p) => ({
          title: trimmed(p.title),
          ...optional('agreedOn', p.agreedOn),
        })),
      };
  }
}

export function inputFromProgrammeDraft(draft: ProgrammeDraft): ProgrammeInput {
  return {
    decisionId: draft.decisionId,
    title: trimmed(draft.title),
    kind: draft.kind,
    status: draft.status,
    leadOrgId: draft.leadOrgId,
    partnerOrgIds: draft.partnerOrgIds,
    summary: draft.summary,
    startDate: draft.startDate,
    ...optional('endDate', draft.endDate),
    milestones: draft.milestones.map((m): Milestone => ({
      title: trimmed(m.title),
      dueDate: m.dueDate,
      ...optional('doneOn', m.doneOn),
    })),
    details: detailsInput(draft),
    ...sharingInput(draft),
  };
}
