/** Sign in, the MFA step, sign out, the session probe and the bootstrap of the first administrator. */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { originOf, requirePrincipal } from '../../app/http/request-context.js';
import { completeMfa, login, logout } from './auth.service.js';
import { completeBootstrap, isBootstrapOpen } from './bootstrap.service.js';
import { bootstrapSchema, loginSchema, mfaCodeSchema } from './identity.schema.js';
import { presentCurrentUser } from './identity.presenter.js';
import type { IdentityDeps } from './identity.types.js';
import { unwrap } from './identity.errors.js';

export interface AuthRoutesOptions {
  identity: IdentityDeps;
  cookieName: string;
  secureCookies: boolean;
  nodeName: () => Promise<string>;
}

export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, options) => {
  const { identity, cookieName } = options;

  function setSessionCookie(reply: FastifyReply, secret: string): void {
    reply.setCookie(cookieName, secret, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: options.secureCookies,
      maxAge: identity.settings.sessionAbsoluteHours * 3600,
    });
  }

  app.get(
    '/api/session',
    {
      config: { public: true, allowMfaPending: true },
      schema: { tags: ['auth'], summary: 'Whether this browser is signed in' },
    },
    async (request) => ({
      authenticated: request.principal !== null && !request.mfaPending,
      mfaPending: request.mfaPending,
      bootstrapOpen: await isBootstrapOpen(identity),
      node: { name: await options.nodeName() },
    }),
  );

  app.post(
    '/api/auth/login',
    {
      config: { public: true },
      schema: { tags: ['auth'], summary: 'Sign in with username and password', body: loginSchema },
    },
    async (request, reply) => {
      const outcome = await login(identity, request.body, originOf(request));
      switch (outcome.kind) {
        case 'throttled':
          throw new AppError('TOO_MANY_ATTEMPTS', { retryAfterSeconds: outcome.retryAfterSeconds });
        case 'invalid':
          throw new AppError('INVALID_CREDENTIALS');
        case 'mfa_required':
          setSessionCookie(reply, outcome.sessionSecret);
          return { status: 'mfa_required' as const };
        case 'signed_in':
          setSessionCookie(reply, outcome.sessionSecret);
          return { status: 'ok' as const, user: presentCurrentUser(outcome.user) };
      }
    },
  );

  app.post(
    '/api/auth/mfa',
    {
      config: { allowMfaPending: true },
      schema: { tags: ['auth'], summary: 'Complete sign-in with a TOTP code', body: mfaCodeSchema },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const outcome = await completeMfa(identity, principal, request.body.code, originOf(request));
      switch (outcome.kind) {
        case 'throttled':
          throw new AppError('TOO_MANY_ATTEMPTS', { retryAfterSeconds: outcome.retryAfterSeconds });
        case 'invalid':
          throw new AppError('INVALID_MFA_CODE');
        case 'signed_in':
          setSessionCookie(reply, outcome.sessionSecret);
          return { status: 'ok' as const, user: presentCurrentUser(outcome.user) };
      }
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { allowMfaPending: true }, schema: { tags: ['auth'], summary: 'Sign out' } },
    async (request, reply) => {
      await logout(identity, requirePrincipal(request), originOf(request));
      reply.clearCookie(cookieName, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/bootstrap',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Create the first administrator with the one-time link',
        body: bootstrapSchema,
        response: { 201: z.object({ user: z.object({ id: z.string() }) }) },
      },
    },
    async (request, reply) => {
      const created = unwrap(await completeBootstrap(identity, request.body, originOf(request)));
      return reply.status(201).send({ user: { id: created.userId } });
    },
  );
};
