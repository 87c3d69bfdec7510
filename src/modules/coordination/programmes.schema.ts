/**
 * Zod schemas for cooperation programmes at the API boundary: the programme
 * (a kind, a status, milestones, the decision that started it) and its
 * details, one shape per kind. Checks what one body can check alone — dates
 * in order, the details' kind equal to the programme's, completions within
 * the participants; whether organisations and the decision exist is the
 * service's to check.
 */
import { z } from 'zod';
import { PROGRAMME_KINDS, PROGRAMME_STATUSES } from '../../core/vocabulary/coordination.js';
import { recordIdSchema } from '../intel/intel.schema.js';
import { sharingInputSchema } from '../records/sharing.schema.js';
import { organisationIdSchema } from './coordination.schema.js';

const date = z.iso.date();
const label = (max: number) => z.string().trim().min(1).max(max);

const milestoneSchema = z.object({
  title: label(300),
  dueDate: date,
  /** The day it was done; absent while it is still to do. */
  doneOn: date.optional(),
});
export type Milestone = z.infer<typeof milestoneSchema>;

const equipmentDetails = z.object({
  kind: z.literal('equipment_transfer'),
  receivingUnit: label(300),
  items: z
    .array(
      z.object({
        name: label(200),
        quantity: z.number().int().positive().max(1_000_000),
        unit: label(50),
      }),
    )
    .min(1)
    .max(200),
});

const trainingDetails = z.object({
  kind: z.literal('training'),
  courses: z
    .array(
      z.object({
        title: label(300),
        startDate: date,
        endDate: date,
        participants: z
          .array(
            z.object({
              orgId: organisationIdSchema,
              count: z.number().int().positive().max(10_000),
            }),
          )
          .max(100),
        completed: z.number().int().min(0).max(1_000_000),
      }),
    )
    .min(1)
    .max(100),
});

const exchangeDetails = z.object({
  kind: z.literal('exchange'),
  visits: z
    .array(
      z.object({
        fromOrgId: organisationIdSchema,
        toOrgId: organisationIdSchema,
        startDate: date,
        endDate: date,
        purpose: label(1_000),
      }),
    )
    .max(200),
  postings: z
    .array(
      z.object({
        orgId: organisationIdSchema,
        hostOrgId: organisationIdSchema,
        startDate: date,
        endDate: date.optional(),
        role: label(300),
      }),
    )
    .max(200),
});

const borderDetails = z.object({
  kind: z.literal('border_cooperation'),
  crossings: z.array(label(200)).max(50),
  jointPatrols: z.array(z.object({ date, area: label(300) })).max(1_000),
  procedures: z.array(z.object({ title: label(300), agreedOn: date.optional() })).max(200),
});

export const programmeDetailsSchema = z.discriminatedUnion('kind', [
  equipmentDetails,
  trainingDetails,
  exchangeDetails,
  borderDetails,
]);
export type ProgrammeDetails = z.infer<typeof programmeDetailsSchema>;

type Issue = { path: (string | number)[]; message: string };

/** Periods whose end comes before their start, by the path of the end. */
function periodIssues(details: ProgrammeDetails): Issue[] {
  const issues: Issue[] = [];
  const check = (start: string, end: string | undefined, path: (string | number)[]) => {
    if (end !== undefined && end < start) issues.push({ path, message: 'ends before it starts' });
  };
  switch (details.kind) {
    case 'training':
      details.courses.forEach((course, i) => {
        check(course.startDate, course.endDate, ['details', 'courses', i, 'endDate']);
        const total = course.participants.reduce((sum, p) => sum + p.count, 0);
        if (course.completed > total) {
          issues.push({
            path: ['details', 'courses', i, 'completed'],
            message: 'more completions than participants',
          });
        }
      });
      break;
    case 'exchange':
      details.visits.forEach((v, i) =>
        check(v.startDate, v.endDate, ['details', 'visits', i, 'endDate']),
      );
      details.postings.forEach((p, i) =>
        check(p.startDate, p.endDate, ['details', 'postings', i, 'endDate']),
      );
      break;
    case 'equipment_transfer':
    case 'border_cooperation':
      break;
  }
  return issues;
}

export const programmeInputSchema = z
  .object({
    decisionId: recordIdSchema('decision'),
    title: label(300),
    kind: z.enum(PROGRAMME_KINDS),
    status: z.enum(PROGRAMME_STATUSES).default('planned'),
    leadOrgId: organisationIdSchema,
    partnerOrgIds: z.array(organisationIdSchema).max(100).default([]),
    /** Markdown, rendered by the web app with its sanitising renderer; never HTML here. */
    summary: z.string().max(20_000).default(''),
    startDate: date,
    endDate: date.optional(),
    milestones: z.array(milestoneSchema).max(200).default([]),
    details: programmeDetailsSchema,
  })
  .extend(sharingInputSchema.shape)
  .superRefine((programme, context) => {
    if (programme.details.kind !== programme.kind) {
      context.addIssue({
        code: 'custom',
        path: ['details', 'kind'],
        message: 'must be the same as the programme’s kind',
      });
    }
    if (programme.endDate !== undefined && programme.endDate < programme.startDate) {
      context.addIssue({ code: 'custom', path: ['endDate'], message: 'ends before it starts' });
    }
    for (const issue of periodIssues(programme.details))
      context.addIssue({ code: 'custom', ...issue });
  });
export type ProgrammeInput = z.infer<typeof programmeInputSchema>;

const paging = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
};

/** The programme board: readable programmes by start date, then id. */
export const programmeListQuerySchema = z.object({
  kind: z.enum(PROGRAMME_KINDS).optional(),
  status: z.enum(PROGRAMME_STATUSES).optional(),
  workingGroupId: recordIdSchema('working-group').optional(),
  decisionId: recordIdSchema('decision').optional(),
  leadOrgId: organisationIdSchema.optional(),
  ...paging,
});
export type ProgrammeListQuery = z.infer<typeof programmeListQuerySchema>;
