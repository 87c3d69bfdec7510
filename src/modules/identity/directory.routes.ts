/** The people directory for TLP:RED release lists (thin: see directory.service.ts). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { originOf, requirePrincipal } from '../../app/http/request-context.js';
import { lookUpPeople } from './directory.service.js';
import { unwrap } from './identity.errors.js';
import { directoryQuerySchema } from './identity.schema.js';
import type { IdentityDeps } from './identity.types.js';

export const directoryRoutes: FastifyPluginAsyncZod<{ identity: IdentityDeps }> = async (
  app,
  { identity },
) => {
  app.get(
    '/api/directory/users',
    {
      config: { scope: 'intel:write' },
      schema: {
        tags: ['identity'],
        summary:
          'People to name on a TLP:RED release list, by name or organisation (audited as a read of personal data)',
        querystring: directoryQuerySchema,
      },
    },
    async (request) =>
      unwrap(
        await lookUpPeople(
          identity,
          request.query,
          requirePrincipal(request).user,
          originOf(request),
        ),
      ),
  );
};
