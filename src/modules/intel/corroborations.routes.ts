/**
 * Corroborations over HTTP: add one, list a subject's with its counts, the
 * counts alone for an incident's detail page, and the "who will see this"
 * preview the editors of every shareable record use.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { originOf, requirePrincipal } from '../../app/http/request-context.js';
import {
  corroborationCounts,
  createCorroboration,
  readCorroboration,
  readCorroborationsOf,
  readSubject,
} from './corroborations.service.js';
import { toAppError } from './intel.errors.js';
import type { IntelDeps } from './intel.records.js';
import { presentCorroboration } from './intel.presenter.js';
import { corroborationInputSchema, recordIdSchema, sharingPreviewSchema } from './intel.schema.js';
import { previewSharing } from './sharing-preview.service.js';

const listQuery = z.object({
  subjectId: recordIdSchema('threat-report', 'incident'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const corroborationRoutes: FastifyPluginAsyncZod<{ deps: IntelDeps }> = async (
  app,
  { deps },
) => {
  app.post(
    '/api/corroborations',
    {
      config: { scope: 'intel:write' },
      schema: {
        tags: ['intel'],
        summary: 'Confirm, deny or add detail to a report or incident you can read',
        body: corroborationInputSchema,
      },
    },
    async (request, reply) => {
      const actor = requirePrincipal(request).user;
      const created = await createCorroboration(deps, request.body, actor, originOf(request));
      if (!created.ok) throw toAppError(created.error);
      const mine = await readCorroboration(deps, created.value, actor);
      if (!mine) throw new AppError('INTERNAL');
      return reply.status(201).send({ corroboration: presentCorroboration(mine, actor) });
    },
  );

  app.get(
    '/api/corroborations',
    {
      config: { scope: 'intel:read' },
      schema: {
        tags: ['intel'],
        summary: "A subject's corroborations the caller may read, newest first, with counts",
        querystring: listQuery,
      },
    },
    async (request) => {
      const reader = requirePrincipal(request).user;
      const listed = await readCorroborationsOf(
        deps,
        request.query.subjectId,
        reader,
        request.query.limit,
      );
      if (!listed) throw new AppError('NOT_FOUND');
      return {
        items: listed.items.map((row) => presentCorroboration(row, reader)),
        corroboration: listed.counts,
      };
    },
  );

  app.get(
    '/api/incidents/:id/corroboration',
    {
      config: { scope: 'intel:read' },
      schema: {
        tags: ['intel'],
        summary: "An incident's independent corroboration, counted by organisation",
        params: z.object({ id: recordIdSchema('incident') }),
      },
    },
    async (request) => {
      const reader = requirePrincipal(request).user;
      const subject = await readSubject(deps, request.params.id, reader);
      if (!subject) throw new AppError('NOT_FOUND');
      return { corroboration: await corroborationCounts(deps, subject, reader) };
    },
  );

  app.post(
    '/api/sharing/preview',
    {
      config: { scope: 'intel:write' },
      schema: {
        tags: ['intel'],
        summary: 'Who will be able to read a record you write with these sharing fields',
        body: sharingPreviewSchema,
      },
    },
    async (request) => {
      const caller = requirePrincipal(request).user;
      const preview = await previewSharing(deps.db, request.body, caller);
      if (!preview.ok) throw toAppError(preview.error);
      return preview.value;
    },
  );
};
