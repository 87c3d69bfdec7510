/** The signed-in user's own account: profile, language, MFA enrolment and API tokens. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { originOf, requirePrincipal } from '../../app/http/request-context.js';
import {
  idParamsSchema,
  mePatchSchema,
  mfaCodeSchema,
  tokenInputSchema,
} from './identity.schema.js';
import { presentCurrentUser } from './identity.presenter.js';
import type { IdentityDeps } from './identity.types.js';
import { unwrap } from './identity.errors.js';
import {
  beginMfaEnrolment,
  confirmMfaEnrolment,
  createApiToken,
  listOwnApiTokens,
  revokeApiToken,
  updateProfile,
} from './me.service.js';

export const meRoutes: FastifyPluginAsyncZod<{ identity: IdentityDeps }> = async (
  app,
  { identity },
) => {
  app.get(
    '/api/me',
    { config: { scope: 'profile:read' }, schema: { tags: ['me'], summary: 'The signed-in user' } },
    async (request) => ({
      user: presentCurrentUser(requirePrincipal(request).user),
    }),
  );

  app.patch(
    '/api/me',
    { schema: { tags: ['me'], summary: 'Change display name or language', body: mePatchSchema } },
    async (request) => ({
      user: presentCurrentUser(
        await updateProfile(identity, requirePrincipal(request).user, request.body),
      ),
    }),
  );

  app.post(
    '/api/me/mfa/setup',
    { schema: { tags: ['me'], summary: 'Start TOTP enrolment: returns the secret once' } },
    async (request) => unwrap(await beginMfaEnrolment(identity, requirePrincipal(request).user)),
  );

  app.post(
    '/api/me/mfa/enable',
    {
      schema: {
        tags: ['me'],
        summary: 'Finish TOTP enrolment with a first code',
        body: mfaCodeSchema,
      },
    },
    async (request) => ({
      user: presentCurrentUser(
        unwrap(
          await confirmMfaEnrolment(
            identity,
            requirePrincipal(request).user,
            request.body.code,
            originOf(request),
          ),
        ),
      ),
    }),
  );

  app.get(
    '/api/me/tokens',
    { schema: { tags: ['me'], summary: 'My API tokens' } },
    async (request) => ({
      items: await listOwnApiTokens(identity, requirePrincipal(request).user),
    }),
  );

  app.post(
    '/api/me/tokens',
    {
      schema: {
        tags: ['me'],
        summary: 'Create an API token: the token is shown only in this response',
        body: tokenInputSchema,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createApiToken(
            identity,
            requirePrincipal(request).user,
            request.body,
            originOf(request),
          ),
        ),
  );

  app.delete(
    '/api/me/tokens/:id',
    { schema: { tags: ['me'], summary: 'Revoke an API token', params: idParamsSchema } },
    async (request, reply) => {
      unwrap(
        await revokeApiToken(
          identity,
          requirePrincipal(request).user,
          request.params.id,
          originOf(request),
        ),
      );
      return reply.status(204).send();
    },
  );
};
