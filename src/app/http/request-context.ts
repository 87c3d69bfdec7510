/**
 * What every route can declare about itself, and what the authentication
 * hook attaches to every request. Routes are private by default: a route
 * must say `public: true` to be reachable without signing in, and must name
 * a token scope to be reachable with an API token.
 */
import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import { AppError } from '../../core/errors.js';
import type { Principal, RequestOrigin } from '../../modules/identity/identity.types.js';
import type { TokenScope } from '../../modules/identity/identity.schema.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without signing in. */
    public?: boolean;
    /** Reachable by a session that has passed the password but not yet the MFA step. */
    allowMfaPending?: boolean;
    /** The API token scope this route needs; without it, tokens are refused. */
    scope?: TokenScope;
  }
  interface FastifyRequest {
    principal: Principal | null;
    mfaPending: boolean;
  }
}

export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('AUTHENTICATION_REQUIRED');
  return request.principal;
}

export function originOf(request: FastifyRequest): RequestOrigin {
  return { address: request.ip, requestId: String(request.id) };
}
