/**
 * Cooperation programmes: equipment transfers, training, exchanges and
 * border cooperation, each started by a decision and tracked by milestones —
 * the shapes of the server's programme presenter
 * (src/modules/coordination/programmes.presenter.ts) and the calls. The
 * record routes are those of every coordination record (api/coordination).
 */
import { apiRequest } from './client';
import {
  recordCalls,
  type CoordinationSharing,
  type ListedSharing,
  type SharingFields,
} from './coordination';
import type { Page } from './types';

import type { ProgrammeKind, ProgrammeStatus } from '@vocabulary/coordination';

// The server's own vocabulary (src/core/vocabulary/coordination.ts).
export {
  PROGRAMME_KINDS,
  PROGRAMME_STATUSES,
  type ProgrammeKind,
  type ProgrammeStatus,
} from '@vocabulary/coordination';

export interface Milestone {
  title: string;
  dueDate: string;
  /** The day it was done; absent while still to do. */
  doneOn?: string;
}

export interface EquipmentDetails {
  kind: 'equipment_transfer';
  receivingUnit: string;
  items: { name: string; quantity: number; unit: string }[];
}
export interface Course {
  title: string;
  startDate: string;
  endDate: string;
  participants: { orgId: string; count: number }[];
  completed: number;
}
export interface TrainingDetails {
  kind: 'training';
  courses: Course[];
}
export interface Visit {
  fromOrgId: string;
  toOrgId: string;
  startDate: string;
  endDate: string;
  purpose: string;
}
export interface Posting {
  orgId: string;
  hostOrgId: string;
  startDate: string;
  endDate?: string;
  role: string;
}
export interface ExchangeDetails {
  kind: 'exchange';
  visits: Visit[];
  postings: Posting[];
}
export interface BorderDetails {
  kind: 'border_cooperation';
  crossings: string[];
  jointPatrols: { date: string; area: string }[];
  procedures: { title: string; agreedOn?: string }[];
}
export type ProgrammeDetails = EquipmentDetails | TrainingDetails | ExchangeDetails | BorderDetails;

export interface ProgrammeInput extends SharingFields {
  decisionId: string;
  title: string;
  kind: ProgrammeKind;
  status: ProgrammeStatus;
  leadOrgId: string;
  partnerOrgIds: string[];
  /** Markdown, shown through the sanitising renderer. */
  summary: string;
  startDate: string;
  endDate?: string;
  milestones: Milestone[];
  details: ProgrammeDetails;
}

/** Milestone progress as of today on the node's clock (none for completed or cancelled programmes). */
export interface MilestoneProgress {
  overdueMilestones: number;
  nextMilestone: { title: string; dueDate: string } | null;
}

export type Programme = Omit<ProgrammeInput, keyof SharingFields> &
  CoordinationSharing &
  MilestoneProgress & {
    id: string;
    type: 'programme';
    workingGroupId: string;
    meetingId: string;
  };

export interface ProgrammeSummary extends ListedSharing, MilestoneProgress {
  id: string;
  decisionId: string;
  meetingId: string;
  workingGroupId: string;
  title: string;
  kind: ProgrammeKind;
  status: ProgrammeStatus;
  leadOrgId: string;
  partnerOrgIds: string[];
  startDate: string;
  endDate?: string;
  milestones: Milestone[];
}

export interface ProgrammeFilters {
  kind?: ProgrammeKind | undefined;
  status?: ProgrammeStatus | undefined;
  workingGroupId?: string | undefined;
  decisionId?: string | undefined;
  leadOrgId?: string | undefined;
}

export const programmes = recordCalls<ProgrammeInput, Programme>('/api/programmes', 'programme');

/** The board, by start date. */
export function listProgrammes(
  filters: ProgrammeFilters,
  page: { limit: number; cursor: string | null },
  signal?: AbortSignal,
): Promise<Page<ProgrammeSummary>> {
  return apiRequest('GET', '/api/programmes', { query: { ...filters, ...page }, signal });
}
