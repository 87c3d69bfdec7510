/** Zod schemas of the TAXII collection management API, and the types inferred from them. */
import { z } from 'zod';
import { sharingInputSchema } from '../../records/sharing.schema.js';

export const collectionInputSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(2000).optional(),
  })
  .extend(sharingInputSchema.shape);
export type CollectionInput = z.infer<typeof collectionInputSchema>;

export const collectionIdParamsSchema = z.object({
  id: z.uuid(),
});
