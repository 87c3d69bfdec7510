/** Exports of filtered threat-report lists (CSV, GeoJSON), streamed and audited. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requirePrincipal } from '../../app/http/request-context.js';
import { sendExport } from '../../app/http/streamed-export.js';
import type { IntelDeps } from './intel.records.js';
import { exportReportsCsv, exportReportsGeoJson } from './reports.export.js';
import { reportExportQuerySchema } from './reports.query.js';
import { filtersOf } from './reports.read.routes.js';

export const threatReportExportRoutes: FastifyPluginAsyncZod<{ deps: IntelDeps }> = async (
  app,
  { deps },
) => {
  for (const format of ['csv', 'geojson'] as const) {
    app.get(
      `/api/threat-reports/export.${format}`,
      {
        config: { scope: 'intel:read' },
        schema: {
          tags: ['intel'],
          summary: `The filtered threat reports the caller may read, as ${format === 'csv' ? 'CSV' : 'GeoJSON (areas as polygons)'}`,
          querystring: reportExportQuerySchema,
        },
      },
      async (request, reply) => {
        const reader = requirePrincipal(request).user;
        const filters = filtersOf(request.query, deps.capabilities);
        return sendExport(request, reply, deps.audit, reader, {
          type: 'threat-report',
          format,
          lines:
            format === 'csv'
              ? exportReportsCsv(deps, reader, filters)
              : exportReportsGeoJson(deps, reader, filters),
        });
      },
    );
  }
};
