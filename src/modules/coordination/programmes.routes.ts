/**
 * Programmes over HTTP: the four record routes (create, read, correct,
 * history) through the shared recordRoutes, and the programme board. Thin:
 * the services decide; this file only maps the programme-only outcomes to
 * the error catalogue, naming the field at fault.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../core/errors.js';
import { decodeCursor, encodeCursor } from '../../core/pagination.js';
import { fail, type Result } from '../../core/result.js';
import { requirePrincipal } from '../../app/http/request-context.js';
import { todayOf } from './action-items.service.js';
import { recordRoutes } from './coordination.record.routes.js';
import type { CoordinationDeps, CoordinationError } from './coordination.records.js';
import { presentProgramme, presentProgrammeSummary } from './programmes.presenter.js';
import { programmeInputSchema, programmeListQuerySchema } from './programmes.schema.js';
import {
  createProgramme,
  listProgrammesFor,
  updateProgramme,
  type ProgrammeError,
} from './programmes.service.js';

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', { issues: [{ path, message }] });

/**
 * Throws the outcomes whose words are the programme's own, and hands the
 * shared ones back for recordRoutes to map like every other record type's.
 */
async function asCoordinationResult(
  written: Promise<Result<string, ProgrammeError>>,
): Promise<Result<string, CoordinationError>> {
  const result = await written;
  if (result.ok) return result;
  if (result.error === 'unknown_organisation') {
    throw invalid(result.detail ?? 'leadOrgId', 'names an organisation that does not exist');
  }
  if (result.error === 'decision_fixed') {
    throw invalid('decisionId', 'a programme cannot move to another decision');
  }
  return fail(result.error);
}

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
      create: (d, input, actor, origin) =>
        asCoordinationResult(createProgramme(d, input, actor, origin)),
      update: (d, id, input, actor, origin) =>
        asCoordinationResult(updateProgramme(d, id, input, actor, origin)),
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
        querystring: programmeListQuerySchema,
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
