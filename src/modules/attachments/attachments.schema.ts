/**
 * Zod schemas at the attachments API boundary. The upload form is described
 * for the OpenAPI document only: @fastify/multipart leaves the body to the
 * handler, which reads the file as a stream, so the body arrives here empty
 * (Fastify validates an absent body as null).
 */
import { z } from 'zod';
import { recordIdSchema } from '../intel/intel.schema.js';
import { ALLOWED_MEDIA_TYPES } from './attachments.types.js';
import { UPLOAD_FIELD } from './attachments.upload.js';

export const attachmentIdParamsSchema = z.object({ id: recordIdSchema('attachment') });

/**
 * Accepts whatever Fastify hands over (null: the file is still unread); the
 * metadata is the form as the OpenAPI document shows it. The handler checks
 * the real form as it streams.
 */
export const uploadFormSchema = z.unknown().meta({
  type: 'object',
  properties: {
    [UPLOAD_FIELD]: {
      type: 'string',
      format: 'binary',
      description: `One file: ${ALLOWED_MEDIA_TYPES.join(', ')}; its type is sniffed from the bytes and must agree with the declared type and the name's extension.`,
    },
  },
  required: [UPLOAD_FIELD],
});
