/** Administration of organisations and users (thin: the rules are in admin.service.ts). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../core/errors.js';
import { originOf, requirePrincipal } from '../../app/http/request-context.js';
import {
  createOrganisation,
  createUser,
  listOrganisationsFor,
  listUsersFor,
  patchUser,
} from './admin.service.js';
import { isAdmin } from './identity.authorization.js';
import {
  idParamsSchema,
  organisationInputSchema,
  organisationListQuerySchema,
  userInputSchema,
  userListQuerySchema,
  userPatchSchema,
} from './identity.schema.js';
import type { IdentityDeps } from './identity.types.js';
import { unwrap } from './identity.errors.js';

export const adminRoutes: FastifyPluginAsyncZod<{ identity: IdentityDeps }> = async (
  app,
  { identity },
) => {
  // Every signed-in user may list organisations: release lists name them.
  app.get(
    '/api/organisations',
    {
      config: { scope: 'intel:read' },
      schema: {
        tags: ['admin'],
        summary: 'Organisations known to this node',
        querystring: organisationListQuerySchema,
      },
    },
    async (request) => unwrap(await listOrganisationsFor(identity, request.query)),
  );

  app.post(
    '/api/organisations',
    {
      config: { scope: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'Register an organisation (node administrators)',
        body: organisationInputSchema,
      },
    },
    async (request, reply) => {
      const organisation = unwrap(
        await createOrganisation(
          identity,
          request.body,
          requirePrincipal(request).user,
          originOf(request),
        ),
      );
      return reply.status(201).send({ organisation });
    },
  );

  app.get(
    '/api/users',
    {
      config: { scope: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'Users (administrators; audited as a read of personal data)',
        querystring: userListQuerySchema,
      },
    },
    async (request) => {
      const actor = requirePrincipal(request).user;
      if (!isAdmin(actor)) throw new AppError('FORBIDDEN');
      return unwrap(await listUsersFor(identity, request.query, actor, originOf(request)));
    },
  );

  app.post(
    '/api/users',
    {
      config: { scope: 'admin' },
      schema: { tags: ['admin'], summary: 'Create a user', body: userInputSchema },
    },
    async (request, reply) => {
      const user = unwrap(
        await createUser(identity, request.body, requirePrincipal(request).user, originOf(request)),
      );
      return reply.status(201).send({ user });
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: { scope: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'Change roles, name, or disable a user',
        params: idParamsSchema,
        body: userPatchSchema,
      },
    },
    async (request) => ({
      user: unwrap(
        await patchUser(
          identity,
          request.params.id,
          request.body,
          requirePrincipal(request).user,
          originOf(request),
        ),
      ),
    }),
  );
};
