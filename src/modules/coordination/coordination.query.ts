/** The list queries of coordination records: filters and paging as the API accepts them. */
import { z } from 'zod';
import { recordIdSchema } from '../intel/intel.schema.js';
import { ACTION_ITEM_STATUSES, organisationIdSchema } from './coordination.schema.js';

const paging = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
};

export const workingGroupListQuerySchema = z.object(paging);

export const meetingListQuerySchema = z.object({
  workingGroupId: recordIdSchema('working-group').optional(),
  ...paging,
});

export const decisionListQuerySchema = z.object({
  meetingId: recordIdSchema('meeting').optional(),
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
  ...paging,
});
export type ActionItemListQuery = z.infer<typeof actionItemListQuerySchema>;
