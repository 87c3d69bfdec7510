/** Threat report areas for the map layer (thin: see reports.read.service.ts). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requirePrincipal } from '../../app/http/request-context.js';
import type { IntelDeps } from './intel.records.js';
import { presentThreatArea } from './intel.presenter.js';
import { MAX_MAP_AREAS, reportMapQuerySchema } from './reports.query.js';
import { filtersOf } from './reports.read.routes.js';
import { threatAreasInView } from './reports.read.service.js';

export const threatReportMapRoutes: FastifyPluginAsyncZod<{ deps: IntelDeps }> = async (
  app,
  { deps },
) => {
  app.get(
    '/api/threat-reports/map',
    {
      config: { scope: 'intel:read' },
      schema: {
        tags: ['intel'],
        summary:
          'Threat report areas that meet a map view, as a GeoJSON FeatureCollection (circles as polygons)',
        querystring: reportMapQuerySchema,
      },
    },
    async (request) => {
      const { west, south, east, north } = request.query;
      const { rows, truncated } = await threatAreasInView(
        deps,
        requirePrincipal(request).user,
        filtersOf(request.query, deps.capabilities),
        { west, south, east, north },
        MAX_MAP_AREAS,
      );
      return {
        type: 'FeatureCollection' as const,
        features: rows.map(presentThreatArea),
        truncated,
      };
    },
  );
};
