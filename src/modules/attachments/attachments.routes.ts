/**
 * The attachments routes, registered as one plugin: upload and list per
 * attachable record type (ATTACHABLE_RECORD_TYPES), download and delete by
 * attachment id. Multipart parsing is registered inside this plugin only, so
 * no other route accepts a multipart body. Reads need the 'intel:read' token
 * scope, writes 'intel:write', as for the records the files belong to.
 *
 * A download is always a file to save, never a page: it is served as the
 * sniffed type, as an attachment, with nosniff and a sandboxing CSP, so that
 * even a file a browser would render cannot run anything on this origin.
 */
import fastifyMultipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { originOf, requirePrincipal } from '../../app/http/request-context.js';
import { recordIdSchema } from '../intel/intel.schema.js';
import { toAppError, uploadError } from './attachments.errors.js';
import { contentDisposition } from './attachments.names.js';
import { presentAttachment } from './attachments.presenter.js';
import { attachmentIdParamsSchema, uploadFormSchema } from './attachments.schema.js';
import {
  addAttachment,
  attachmentParentToEdit,
  deleteAttachment,
  downloadAttachment,
  listAttachments,
  type AttachmentDeps,
} from './attachments.service.js';
import { ATTACHABLE_RECORD_TYPES } from './attachments.targets.js';
import { multipartOptions, receiveUpload } from './attachments.upload.js';

export const DOWNLOAD_CONTENT_SECURITY_POLICY = "sandbox; default-src 'none'";

/**
 * Runs after the node-wide security headers (which set the app's CSP and a
 * plain no-store) and replaces the two that differ for a file download.
 */
async function downloadHeaders(_request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  reply.header('content-security-policy', DOWNLOAD_CONTENT_SECURITY_POLICY);
  reply.header('cache-control', 'private, no-store');
  return payload;
}

export const attachmentRoutes: FastifyPluginAsyncZod<{
  deps: AttachmentDeps;
  maxBytes: number;
}> = async (app, { deps, maxBytes }) => {
  await app.register(fastifyMultipart, multipartOptions(maxBytes));
  const tags = ['attachments'];

  for (const attachable of ATTACHABLE_RECORD_TYPES) {
    const params = z.object({ id: recordIdSchema(attachable.type) });

    app.post(
      `${attachable.path}/:id/attachments`,
      {
        config: { scope: 'intel:write' },
        schema: {
          tags,
          summary: `Attach a file to a ${attachable.noun} (multipart/form-data, field 'file'; editors of the ${attachable.noun} only)`,
          consumes: ['multipart/form-data'],
          params,
          body: uploadFormSchema,
        },
      },
      async (request, reply) => {
        const actor = requirePrincipal(request).user;
        // Cleared before a byte of the file is read: nobody else's upload is even parsed.
        const parent = await attachmentParentToEdit(
          deps,
          attachable.type,
          request.params.id,
          actor,
        );
        if (!parent.ok) throw toAppError(parent.error);
        const file = await receiveUpload(request, maxBytes);
        if (!file.ok) throw uploadError(file.error, maxBytes);
        const stored = await addAttachment(
          deps,
          parent.value,
          file.value,
          actor,
          originOf(request),
        );
        if (!stored.ok) throw toAppError(stored.error, stored.detail);
        return reply.status(201).send({ attachment: presentAttachment(stored.value) });
      },
    );

    app.get(
      `${attachable.path}/:id/attachments`,
      {
        config: { scope: 'intel:read' },
        schema: {
          tags,
          summary: `The files attached to a ${attachable.noun}, newest first`,
          params,
        },
      },
      async (request) => {
        const reader = requirePrincipal(request).user;
        const listed = await listAttachments(deps, attachable.type, request.params.id, reader);
        if (!listed.ok) throw toAppError(listed.error);
        return { items: listed.value.map(presentAttachment) };
      },
    );
  }

  app.get(
    '/api/attachments/:id/content',
    {
      config: { scope: 'intel:read' },
      // A HEAD would be audited as a download without being one.
      exposeHeadRoute: false,
      onSend: downloadHeaders,
      schema: {
        tags,
        summary: 'Download a file (always as an attachment), if its record is readable',
        params: attachmentIdParamsSchema,
      },
    },
    async (request, reply) => {
      const reader = requirePrincipal(request).user;
      const found = await downloadAttachment(deps, request.params.id, reader, originOf(request));
      if (!found.ok) throw toAppError(found.error);
      const { attachment, content } = found.value;
      return reply
        .type(attachment.media_type)
        .header('content-disposition', contentDisposition(attachment.file_name))
        .header('x-content-type-options', 'nosniff')
        .header('content-length', content.length)
        .send(content);
    },
  );

  app.delete(
    '/api/attachments/:id',
    {
      config: { scope: 'intel:write' },
      schema: {
        tags,
        summary: 'Delete a file (its bytes are dropped; editors of its record only)',
        params: attachmentIdParamsSchema,
      },
    },
    async (request, reply) => {
      const actor = requirePrincipal(request).user;
      const deleted = await deleteAttachment(deps, request.params.id, actor, originOf(request));
      if (!deleted.ok) throw toAppError(deleted.error);
      return reply.status(204).send();
    },
  );
};
