/** Exports of filtered incident lists (CSV, GeoJSON), streamed. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requirePrincipal } from '../../app/http/request-context.js';
import { sendExport } from '../../app/http/streamed-export.js';
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
        return sendExport(request, reply, deps.audit, reader, {
          type: 'incident',
          format,
          lines:
            format === 'csv'
              ? exportCsv(deps, reader, filters)
              : exportGeoJson(deps, reader, filters),
        });
      },
    );
  }
};
