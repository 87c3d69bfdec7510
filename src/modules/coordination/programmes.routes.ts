/**
 * Programmes over HTTP: the record routes (create, read, correct, revoke,
 * history) through the shared recordRoutes, and the programme board. Thin:
 * the services decide, and coordination.errors.ts words every outcome.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../core/errors.js';
import { decodeCursor, encodeCursor } from '../../core/pagination.js';
import { requirePrincipal } from '../../app/http/request-context.js';
import { todayOf } from './action-items.service.js';
import { programmeBoardQuerySchema } from './coordination.query.js';
import { recordRoutes } from './coordination.record.routes.js';
import type { CoordinationDeps } from './coordination.records.js';
import { presentProgramme, presentProgrammeSummary } from './programmes.presenter.js';
import { programmeInputSchema } from './programmes.schema.js';
import { createProgramme, listProgrammesFor, updateProgramme } from './programmes.service.js';

export const programmeRoutes: FastifyPluginAsyncZod<{ deps: CoordinationDeps }> = async (
  app,
  { deps },
) => {
  await app.register(
    recordRoutes({
      type: 'programme',
      path: '/api/programmes',
      key: 'programme',
      noun: 'cooperation programme of a decision',
      body: programmeInputSchema,
      create: createProgramme,
      update: updateProgramme,
      present: (record, reader) => presentProgramme(record, reader, todayOf(deps.clock)),
    }),
    { deps },
  );

  app.get(
    '/api/programmes',
    {
      config: { scope: 'intel:read' },
      schema: {
        tags: ['coordination'],
        summary: 'The programme board: readable programmes by start date',
        querystring: programmeBoardQuerySchema,
      },
    },
    async (request) => {
      const reader = requirePrincipal(request).user;
      const { limit, cursor, ...filters } = request.query;
      const after = cursor === undefined ? undefined : decodeCursor(cursor, 2);
      if (cursor !== undefined && after === undefined) throw new AppError('BAD_REQUEST');
      const page = await listProgrammesFor(deps, reader, filters, { limit, after });
      const today = todayOf(deps.clock);
      return {
        items: page.rows.map((row) => presentProgrammeSummary(row, today)),
        nextCursor: page.nextKey ? encodeCursor(page.nextKey) : null,
      };
    },
  );
};
