/** zod schemas at the alarms' HTTP boundary. */
import { z } from 'zod';
import { recordIdSchema } from '../intel/intel.schema.js';

export const alarmParamsSchema = z.object({ id: recordIdSchema('alarm') });

export const alarmListQuerySchema = z.object({
  /** true: unresolved alarms only; false: resolved ones only; absent: both. */
  open: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional(),
});
