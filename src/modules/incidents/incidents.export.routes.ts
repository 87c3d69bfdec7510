/** Exports of filtered incident lists (CSV, GeoJSON), streamed. */
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { originOf, requirePrincipal } from '../../app/http/request-context.js';
import { exportCsv, exportGeoJson } from './incidents.export.js';
import { filtersOf, incidentFilterSchema } from './incidents.query.js';
import type { IncidentDeps } from './incidents.service.js';

export const incidentExportRoutes: FastifyPluginAsyncZod<{ deps: IncidentDeps }> = async (
  app,
  { deps },
) => {
  for (const format of ['csv', 'geojson'] as const) {
    app.get(
      `/api/incidents/export.${format}`,
      {
        config: { scope: 'intel:read' },
        schema: {
          tags: ['incidents'],
          summary: `The filtered incidents the caller may read, as ${format === 'csv' ? 'CSV' : 'GeoJSON'}`,
          querystring: incidentFilterSchema,
        },
      },
      async (request, reply) => {
        const reader = requirePrincipal(request).user;
        const filters = filtersOf(request.query, deps.capabilities);
        await deps.audit.record({
          action: 'record.exported',
          outcome: 'success',
          actor: { userId: reader.userId, orgId: reader.orgId },
          ...originOf(request),
          details: { format, query: request.query },
        });
        const stream = Readable.from(
          format === 'csv'
            ? exportCsv(deps, reader, filters)
            : exportGeoJson(deps, reader, filters),
        );
        return reply
          .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/geo+json')
          .header('content-disposition', `attachment; filename="incidents.${format}"`)
          .send(stream);
      },
    );
  }
};
