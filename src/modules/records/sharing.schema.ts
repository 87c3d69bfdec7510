/** The sharing fields every shareable record accepts at the boundary. */
import { z } from 'zod';
import { TLP_MARKINGS } from '../../core/policy/types.js';

const granteeId = z
  .string()
  .regex(
    /^(identity|group|user)--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    'an organisation, group or user id',
  );

export const sharingInputSchema = z.object({
  marking: z.enum(TLP_MARKINGS),
  /** Organisations or groups for TLP:AMBER(+STRICT), users for TLP:RED; ignored for CLEAR and GREEN. */
  releasableTo: z.array(granteeId).max(200).default([]),
});
export type SharingInput = z.infer<typeof sharingInputSchema>;
