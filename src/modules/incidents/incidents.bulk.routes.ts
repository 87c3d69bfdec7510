/**
 * Bulk incident ingest over HTTP: up to 5,000 incidents in one request,
 * validated as a whole (issues name the row: `incidents.12.place.lat`) and
 * written in ONE transaction, so a refused or failed request writes nothing.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { originOf, requirePrincipal } from '../../app/http/request-context.js';
import { incidentInputSchema } from './incidents.schema.js';
import type { IncidentDeps } from './incidents.service.js';
import { ingestIncidents, type IngestRejection } from './ingest.service.js';

export const MAX_BULK_INCIDENTS = 5_000;

const bulkBodySchema = z.object({
  incidents: z.array(incidentInputSchema).min(1).max(MAX_BULK_INCIDENTS),
  /** Where the incidents came from (a feed, a file): kept in the audit entry. */
  source: z.string().trim().min(1).max(300).optional(),
});

/** 5,000 incidents with long narratives are far above Fastify's 1 MB default. */
const BULK_BODY_LIMIT = 64 * 1024 * 1024;

function toError(rejection: IngestRejection): AppError {
  switch (rejection.error) {
    case 'forbidden':
      return new AppError('FORBIDDEN', {
        issues: [
          { path: `incidents.${rejection.index}`, message: 'you may not record this incident' },
        ],
      });
    case 'invalid_release':
      return new AppError('VALIDATION_FAILED', {
        issues: [
          {
            path: `incidents.${rejection.index}.releasableTo`,
            message: 'name organisations or groups for TLP:AMBER, people for TLP:RED',
          },
        ],
      });
  }
}

export const incidentBulkRoutes: FastifyPluginAsyncZod<{ deps: IncidentDeps }> = async (
  app,
  { deps },
) => {
  app.post(
    '/api/incidents/bulk',
    {
      bodyLimit: BULK_BODY_LIMIT,
      config: { scope: 'intel:write' },
      schema: {
        tags: ['incidents'],
        summary: `Record up to ${MAX_BULK_INCIDENTS} incidents at once; all or nothing`,
        body: bulkBodySchema,
      },
    },
    async (request, reply) => {
      const actor = requirePrincipal(request).user;
      const { incidents, source } = request.body;
      // One batch for the whole request: a refusal or a failure leaves nothing behind.
      const outcome = await ingestIncidents(deps, incidents, actor, {
        batchSize: incidents.length,
        source,
        origin: originOf(request),
      });
      if (!outcome.ok) throw toError(outcome);
      return reply.status(201).send({ ids: outcome.value, count: outcome.value.length });
    },
  );
};
