/** Geographic and statistical reads of incidents over HTTP (thin: see incidents.geo.service.ts). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { lineStringToLatLons } from '../../core/geo/index.js';
import { readScope } from '../../core/policy/index.js';
import { requirePrincipal } from '../../app/http/request-context.js';
import { countIncidentsPerMonth } from './incidents.geo.repository.js';
import {
  incidentMapView,
  incidentsAlongRoute,
  incidentsNearPoint,
} from './incidents.geo.service.js';
import {
  alongRouteBodySchema,
  filtersOf,
  incidentFilterSchema,
  mapViewQuerySchema,
  nearQuerySchema,
} from './incidents.query.js';
import type { IncidentDeps } from './incidents.service.js';

export const incidentGeoRoutes: FastifyPluginAsyncZod<{ deps: IncidentDeps }> = async (
  app,
  { deps },
) => {
  app.get(
    '/api/incidents/near',
    {
      config: { scope: 'intel:read' },
      schema: {
        tags: ['incidents'],
        summary: 'Incidents within radiusKm of a point, newest first, with their distance',
        querystring: nearQuerySchema,
      },
    },
    async (request) => {
      const { lat, lon, radiusKm, limit } = request.query;
      return incidentsNearPoint(
        deps,
        requirePrincipal(request).user,
        filtersOf(request.query, deps.capabilities),
        { lat, lon },
        radiusKm,
        limit,
      );
    },
  );

  app.post(
    '/api/incidents/along-route',
    {
      config: { scope: 'intel:read' },
      schema: {
        tags: ['incidents'],
        summary: 'Incidents within radiusKm of a route (a GeoJSON LineString), newest first',
        body: alongRouteBodySchema,
      },
    },
    async (request) => {
      const { route, radiusKm, limit } = request.body;
      return incidentsAlongRoute(
        deps,
        requirePrincipal(request).user,
        filtersOf(request.body, deps.capabilities),
        lineStringToLatLons(route),
        radiusKm,
        limit,
      );
    },
  );

  app.get(
    '/api/incidents/map',
    {
      config: { scope: 'intel:read' },
      schema: {
        tags: ['incidents'],
        summary:
          'Incidents in a map view: clusters when zoomed out (counts equal the filtered total), points when zoomed in',
        querystring: mapViewQuerySchema,
      },
    },
    async (request) => {
      const { zoom, west, south, east, north } = request.query;
      return incidentMapView(
        deps,
        requirePrincipal(request).user,
        filtersOf(request.query, deps.capabilities),
        zoom,
        {
          west,
          south,
          east,
          north,
        },
      );
    },
  );

  app.get(
    '/api/incidents/monthly',
    {
      config: { scope: 'intel:read' },
      schema: {
        tags: ['incidents'],
        summary: 'Incidents per month and event type, under the filters',
        querystring: incidentFilterSchema,
      },
    },
    async (request) => ({
      months: await countIncidentsPerMonth(
        deps.db,
        readScope(requirePrincipal(request).user),
        filtersOf(request.query, deps.capabilities),
      ),
    }),
  );
};
