/** Exports of filtered threat-report lists (CSV, GeoJSON), streamed and audited. */
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { originOf, requirePrincipal } from '../../app/http/request-context.js';
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
        await deps.audit.record({
          action: 'record.exported',
          outcome: 'success',
          actor: { userId: reader.userId, orgId: reader.orgId },
          ...originOf(request),
          details: { type: 'threat-report', format, query: request.query },
        });
        const stream = Readable.from(
          format === 'csv'
            ? exportReportsCsv(deps, reader, filters)
            : exportReportsGeoJson(deps, reader, filters),
        );
        return reply
          .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/geo+json')
          .header('content-disposition', `attachment; filename="threat-reports.${format}"`)
          .send(stream);
      },
    );
  }
};
