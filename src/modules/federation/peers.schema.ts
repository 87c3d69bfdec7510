/** Peers at the boundary (API and CLI): zod schemas and their types. */
import { z } from 'zod';
import { recordIdSchema } from '../intel/intel.schema.js';

const rawEd25519Key = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'an Ed25519 public key: 32 bytes, base64url (43 characters)');

export const peerInputSchema = z
  .object({
    /** The peer node's STIX identity id (its `tandem peer add` line shows it). */
    nodeId: recordIdSchema('identity'),
    name: z.string().trim().min(1).max(200),
    baseUrl: z.string().trim().min(1).max(2000),
    publicKey: rawEd25519Key,
    /** The organisations the peer hosts: the only ones it may send records for. */
    orgIds: z.array(recordIdSchema('identity')).min(1).max(500),
  })
  .strict();
export type PeerInput = z.infer<typeof peerInputSchema>;

export const peerChangesSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    baseUrl: z.string().trim().min(1).max(2000).optional(),
    orgIds: z.array(recordIdSchema('identity')).min(1).max(500).optional(),
  })
  .strict();
export type PeerChanges = z.infer<typeof peerChangesSchema>;

export const peerIdParamsSchema = z.object({ id: recordIdSchema('identity') });
