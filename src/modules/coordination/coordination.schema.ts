/**
 * Zod schemas for working groups, meetings, decisions and action items at the
 * API boundary (programmes have programmes.schema.ts), the revocation of any
 * coordination record, and the types inferred from them. Sharing fields come
 * from the records module so that every shareable record accepts them alike.
 */
import { z } from 'zod';
import { ACTION_ITEM_STATUSES } from '../../core/vocabulary/coordination.js';
import { recordIdSchema } from '../intel/intel.schema.js';
import { sharingInputSchema } from '../records/sharing.schema.js';

export const COORDINATION_TYPES = [
  'working-group',
  'meeting',
  'decision',
  'action-item',
  'programme',
] as const;
export type CoordinationType = (typeof COORDINATION_TYPES)[number];

export const MAX_MINUTES_CHARS = 50_000;

export const organisationIdSchema = recordIdSchema('identity');

const orgIds = z.array(organisationIdSchema).min(1).max(100);

export const workingGroupInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().trim().max(10_000).default(''),
    /** Organisations of both countries; each must exist on this node. */
    memberOrgIds: orgIds,
    chairOrgId: organisationIdSchema,
    secretaryOrgId: organisationIdSchema,
  })
  .extend(sharingInputSchema.shape)
  .refine((g) => g.memberOrgIds.includes(g.chairOrgId), {
    message: 'the chair must be one of the members',
    path: ['chairOrgId'],
  })
  .refine((g) => g.memberOrgIds.includes(g.secretaryOrgId), {
    message: 'the secretary must be one of the members',
    path: ['secretaryOrgId'],
  });
export type WorkingGroupInput = z.infer<typeof workingGroupInputSchema>;

export const meetingInputSchema = z
  .object({
    workingGroupId: recordIdSchema('working-group'),
    date: z.iso.date(),
    place: z.string().trim().min(1).max(300),
    participantOrgIds: orgIds,
    agenda: z.string().trim().max(20_000).default(''),
    /** Markdown, rendered by the web app with its sanitising renderer; never HTML here. */
    minutes: z.string().max(MAX_MINUTES_CHARS).default(''),
  })
  .extend(sharingInputSchema.shape);
export type MeetingInput = z.infer<typeof meetingInputSchema>;

export const decisionInputSchema = z
  .object({
    meetingId: recordIdSchema('meeting'),
    text: z.string().trim().min(1).max(10_000),
  })
  .extend(sharingInputSchema.shape);
export type DecisionInput = z.infer<typeof decisionInputSchema>;

export const actionItemInputSchema = z
  .object({
    decisionId: recordIdSchema('decision'),
    title: z.string().trim().min(1).max(300),
    ownerOrgId: organisationIdSchema,
    dueDate: z.iso.date(),
    status: z.enum(ACTION_ITEM_STATUSES).default('open'),
  })
  .extend(sharingInputSchema.shape);
export type ActionItemInput = z.infer<typeof actionItemInputSchema>;

export const progressNoteInputSchema = z.object({
  text: z.string().trim().min(1).max(5_000),
});
export type ProgressNoteInput = z.infer<typeof progressNoteInputSchema>;

/** Why a record is revoked: kept in the audit entry of the revocation. */
export const revocationInputSchema = z.object({
  reason: z.string().trim().min(1).max(1_000),
});
export type RevocationInput = z.infer<typeof revocationInputSchema>;

/** A progress note as stored in the action item's body (each note is a new version). */
export interface ProgressNote {
  at: string;
  byUser: string;
  text: string;
}
