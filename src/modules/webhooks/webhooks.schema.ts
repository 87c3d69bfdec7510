/** Zod schemas for what the webhooks API accepts, and the types inferred from them. */
import { z } from 'zod';

export const webhookInputSchema = z.object({
  url: z.string().trim().min(1).max(2000),
  description: z.string().trim().max(500).optional(),
});
export type WebhookInput = z.infer<typeof webhookInputSchema>;

export const webhookIdParamsSchema = z.object({
  id: z.string().regex(/^webhook--[0-9a-f-]{36}$/, 'must be a webhook id'),
});
