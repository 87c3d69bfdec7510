/**
 * Authenticates every request before its body is read: a session cookie or
 * an `Authorization: Bearer tdm_…` token. Private routes (the default) refuse
 * anonymous requests; token requests need the scope the route names;
 * cookie requests with unsafe methods must come from this node's own origin.
 */
import type { FastifyContextConfig, FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import {
  authenticateSession,
  authenticateToken,
} from '../../modules/identity/authenticate.service.js';
import type { IdentityDeps } from '../../modules/identity/identity.types.js';
import { originOf } from './request-context.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface AuthenticationOptions {
  cookieName: string;
  /** Origins allowed to send unsafe cookie requests (besides the request's own host). */
  allowedOrigins: readonly string[];
}

function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const [scheme, value] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && value ? value : undefined;
}

/** Same-origin check: the Origin header must name this node (by configuration or by the Host it was sent to). */
function originAllowed(request: FastifyRequest, allowed: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

export function installAuthentication(
  app: FastifyInstance,
  identity: IdentityDeps,
  options: AuthenticationOptions,
): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('mfaPending', false);

  app.addHook('onRequest', async (request) => {
    // No matched route: the not-found handler answers (404, or the web app's index page).
    const config: FastifyContextConfig =
      request.routeOptions.url === undefined
        ? { public: true }
        : (request.routeOptions.config ?? {});
    const bearer = bearerOf(request);
    const cookie = request.cookies[options.cookieName];

    if (
      !SAFE_METHODS.has(request.method) &&
      !bearer &&
      !originAllowed(request, options.allowedOrigins)
    ) {
      // Browsers always send Origin on unsafe requests; a missing or foreign one is refused.
      if (cookie || !config.public || request.headers.origin) {
        await identity.audit.record({
          action: 'auth.origin_rejected',
          outcome: 'denied',
          ...originOf(request),
          details: {
            origin: request.headers.origin ?? null,
            path: request.routeOptions.url ?? null,
          },
        });
        throw new AppError('ORIGIN_REJECTED');
      }
    }

    if (bearer) {
      const principal = await authenticateToken(identity, bearer, originOf(request));
      if (!principal) throw new AppError('TOKEN_INVALID');
      if (
        !config.public &&
        (config.scope === undefined ||
          principal.scopes === 'session' ||
          !principal.scopes.includes(config.scope))
      ) {
        await identity.audit.record({
          action: 'token.scope_denied',
          outcome: 'denied',
          actor: { userId: principal.user.userId, orgId: principal.user.orgId },
          target: principal.tokenId ? { type: 'api_token', id: principal.tokenId } : undefined,
          ...originOf(request),
          details: {
            needed: config.scope ?? 'session_only',
            path: request.routeOptions.url ?? null,
          },
        });
        throw new AppError('TOKEN_SCOPE_INSUFFICIENT');
      }
      request.principal = principal;
      return;
    }

    if (cookie) {
      const authenticated = await authenticateSession(identity, cookie);
      if (authenticated) {
        request.mfaPending = authenticated.mfaPending;
        if (!authenticated.mfaPending || config.allowMfaPending)
          request.principal = authenticated.principal;
      }
    }
    if (!config.public && !request.principal) {
      throw new AppError(request.mfaPending ? 'MFA_REQUIRED' : 'AUTHENTICATION_REQUIRED');
    }
  });
}
