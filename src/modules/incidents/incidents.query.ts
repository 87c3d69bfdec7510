/** The list query of incidents: filters and paging as the API accepts them. */
import { z } from 'zod';
import { TLP_MARKINGS } from '../../core/policy/types.js';
import { EVENT_TYPES, SUB_EVENT_TYPES } from './acled.js';

export const incidentListQuerySchema = z
  .object({
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    eventType: z.enum(EVENT_TYPES).optional(),
    subEventType: z.enum(SUB_EVENT_TYPES as [string, ...string[]]).optional(),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    orgId: z
      .string()
      .regex(/^identity--[0-9a-f-]{36}$/)
      .optional(),
    marking: z.enum(TLP_MARKINGS).optional(),
    includeRevoked: z.stringbool().default(false),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().max(500).optional(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: 'must not be before from',
    path: ['to'],
  });
export type IncidentListQuery = z.infer<typeof incidentListQuerySchema>;
