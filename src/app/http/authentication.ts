/**
 * Authenticates every request before its body is read: a session cookie or
 * an `Authorization: Bearer tdm_…` token. Private routes (the default) refuse
 * anonymous requests; token requests need the scope the route names;
 * cookie requests with unsafe methods must come from this node's own origin.
 * A bad token is a guessed credential: audited, and counted against the
 * address like a failed login (locked addresses are refused before any token
 * is looked up). The token itself is never logged.
 */
import type { FastifyContextConfig, FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import {
  authenticateSession,
  authenticateToken,
} from '../../modules/identity/authenticate.service.js';
import type { IdentityDeps } from '../../modules/identity/identity.types.js';
import {
  addressThrottleRule,
  credentialAddressKey,
  lockedForSeconds,
  recordFailure,
} from '../../modules/identity/throttle.js';
import { taxiiRefusalEvent } from '../../modules/federation/taxii/taxii.auth.js';
import { TAXII_PREFIX } from '../../modules/federation/taxii/taxii.routes.js';
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

/**
 * Audits a Bearer token refused for its address or for itself. TAXII routes
 * record it as the TAXII preHandler records its own refusals, so a TAXII
 * client's failures read the same whether it sent Bearer or Basic.
 */
async function auditBearerRefusal(
  identity: IdentityDeps,
  request: FastifyRequest,
  reason: 'throttled' | 'token_invalid',
  locked = false,
): Promise<void> {
  const path = request.routeOptions.url;
  if (path?.startsWith(`${TAXII_PREFIX}/`)) {
    await identity.audit.record(taxiiRefusalEvent(request, reason, { locked }));
    return;
  }
  await identity.audit.record({
    action: reason === 'throttled' ? 'token.throttled' : 'token.invalid',
    outcome: 'denied',
    ...originOf(request),
    details: { path: path ?? null, ...(locked ? { locked: 'address' } : {}) },
  });
}

/** Refuses a Bearer request from an address locked for failed credentials (TAXII Basic and signatures count too). */
async function refuseLockedAddress(identity: IdentityDeps, request: FastifyRequest): Promise<void> {
  const key = credentialAddressKey(request.ip);
  const retryAfterSeconds = await lockedForSeconds(identity.db, identity.clock, key);
  if (retryAfterSeconds === 0) return;
  await auditBearerRefusal(identity, request, 'throttled');
  throw new AppError('TOO_MANY_ATTEMPTS', { retryAfterSeconds });
}

/** An unknown, revoked or expired token: one failure against the address, audited. */
async function refuseInvalidToken(identity: IdentityDeps, request: FastifyRequest): Promise<never> {
  const locked = await recordFailure(
    identity.db,
    identity.clock,
    credentialAddressKey(request.ip),
    addressThrottleRule(identity.settings),
  );
  await auditBearerRefusal(identity, request, 'token_invalid', locked);
  throw new AppError('TOKEN_INVALID');
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
      await refuseLockedAddress(identity, request);
      const principal = await authenticateToken(identity, bearer, originOf(request));
      if (!principal) return refuseInvalidToken(identity, request);
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
