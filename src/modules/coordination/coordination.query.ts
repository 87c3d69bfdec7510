/**
 * The list queries of coordination records: filters, search and paging as
 * the API accepts them (the programme board's filters are programmes.schema.ts's).
 */
import { z } from 'zod';
import { recordIdSchema } from '../intel/intel.schema.js';
import { ACTION_ITEM_STATUSES } from '../../core/vocabulary/coordination.js';
import { organisationIdSchema } from './coordination.schema.js';
import { programmeListQuerySchema } from './programmes.schema.js';

const paging = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
};

/** Words that must all occur in the record's search text, in any language (searchMatches). */
const search = { q: z.string().trim().min(2).max(200).optional() };

export const workingGroupListQuerySchema = z.object({ ...search, ...paging });

export const meetingListQuerySchema = z.object({
  workingGroupId: recordIdSchema('working-group').optional(),
  ...search,
  ...paging,
});

export const decisionListQuerySchema = z.object({
  meetingId: recordIdSchema('meeting').optional(),
  ...search,
  ...paging,
});

/** The action tracker across groups: ordered by due date, then id. */
export const actionItemListQuerySchema = z.object({
  ownerOrgId: organisationIdSchema.optional(),
  status: z.enum(ACTION_ITEM_STATUSES).optional(),
  /** Items due strictly before this day. */
  dueBefore: z.iso.date().optional(),
  /** true: only overdue items; false: only items that are not overdue. */
  overdue: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  workingGroupId: recordIdSchema('working-group').optional(),
  decisionId: recordIdSchema('decision').optional(),
  ...search,
  ...paging,
});
export type ActionItemListQuery = z.infer<typeof actionItemListQuerySchema>;

/** The programme board: its filters, and the search every coordination list has. */
export const programmeBoardQuerySchema = programmeListQuerySchema.extend(search);
export type ProgrammeBoardQuery = z.infer<typeof programmeBoardQuerySchema>;
