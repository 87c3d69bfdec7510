/** Threat actors over HTTP: thin handlers over actors.service.ts. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { decodeCursor, encodeCursor } from '../../core/pagination.js';
import { readScope } from '../../core/policy/index.js';
import { originOf, requirePrincipal } from '../../app/http/request-context.js';
import { listThreatActors } from './actors.repository.js';
import { createThreatActor, readThreatActor, updateThreatActor } from './actors.service.js';
import { toAppError } from './intel.errors.js';
import type { IntelDeps } from './intel.records.js';
import { presentThreatActor, presentThreatActorSummary } from './intel.presenter.js';
import { recordIdSchema, threatActorInputSchema } from './intel.schema.js';

const idParams = z.object({ id: recordIdSchema('threat-actor') });
const listQuery = z.object({
  q: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});

export const threatActorRoutes: FastifyPluginAsyncZod<{ deps: IntelDeps }> = async (
  app,
  { deps },
) => {
  app.get(
    '/api/threat-actors',
    {
      config: { scope: 'intel:read' },
      schema: {
        tags: ['intel'],
        summary: 'Threat actors the caller may read, by name',
        querystring: listQuery,
      },
    },
    async (request) => {
      const reader = requirePrincipal(request).user;
      const { q, limit, cursor } = request.query;
      const after = cursor === undefined ? undefined : decodeCursor(cursor, 2);
      if (cursor !== undefined && after === undefined) throw new AppError('BAD_REQUEST');
      const rows = await listThreatActors(
        deps.db,
        readScope(reader),
        { q: q?.toLowerCase() },
        { limit: limit + 1, after: after as [string, string] | undefined },
      );
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(presentThreatActorSummary),
        nextCursor: rows.length > limit && last ? encodeCursor([last.name_folded, last.id]) : null,
      };
    },
  );

  app.post(
    '/api/threat-actors',
    {
      config: { scope: 'intel:write' },
      schema: {
        tags: ['intel'],
        summary: 'Describe a threat actor (a group, never a person)',
        body: threatActorInputSchema,
      },
    },
    async (request, reply) => {
      const actor = requirePrincipal(request).user;
      const created = await createThreatActor(deps, request.body, actor, originOf(request));
      if (!created.ok) throw toAppError(created.error);
      const found = await readThreatActor(deps, created.value, actor);
      if (!found) throw new AppError('INTERNAL');
      return reply.status(201).send({ threatActor: presentThreatActor(found, actor) });
    },
  );

  app.get(
    '/api/threat-actors/:id',
    {
      config: { scope: 'intel:read' },
      schema: { tags: ['intel'], summary: 'One threat actor', params: idParams },
    },
    async (request) => {
      const reader = requirePrincipal(request).user;
      const found = await readThreatActor(deps, request.params.id, reader);
      if (!found) throw new AppError('NOT_FOUND');
      return { threatActor: presentThreatActor(found, reader) };
    },
  );

  app.put(
    '/api/threat-actors/:id',
    {
      config: { scope: 'intel:write' },
      schema: {
        tags: ['intel'],
        summary: 'Correct a threat actor (a new version)',
        params: idParams,
        body: threatActorInputSchema,
      },
    },
    async (request) => {
      const actor = requirePrincipal(request).user;
      const updated = await updateThreatActor(
        deps,
        request.params.id,
        request.body,
        actor,
        originOf(request),
      );
      if (!updated.ok) throw toAppError(updated.error);
      const found = await readThreatActor(deps, request.params.id, actor);
      if (!found) throw new AppError('NOT_FOUND');
      return { threatActor: presentThreatActor(found, actor) };
    },
  );
};
