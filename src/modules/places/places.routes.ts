/** Place-name search over HTTP, for the incident form's place box. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal } from '../../app/http/request-context.js';
import { searchPlaces } from './places.service.js';

const placeQuerySchema = z.object({
  q: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const placeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/places',
    {
      config: { scope: 'intel:read' },
      schema: {
        tags: ['places'],
        summary: 'Places (GeoNames cities) whose name matches, best match and largest first',
        querystring: placeQuerySchema,
      },
    },
    async (request) => {
      requirePrincipal(request);
      const items = await searchPlaces(request.query.q, request.query.limit);
      return { items };
    },
  );
};
