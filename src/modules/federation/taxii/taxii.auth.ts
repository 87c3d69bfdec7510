/**
 * Who is calling the TAXII API. Runs as a preHandler, after the raw body was
 * read, because a peer's signature covers the body:
 *
 * - `Authorization: Tandem-Ed25519 …`: a registered peer's signed request
 *   (peer-requests.ts), over the method, the path and query as received and
 *   the raw body; a nonce is accepted once.
 * - `Authorization: Basic …` whose password is an API token (`tdm_…`), as
 *   generic TAXII clients send it; the user name is not used. (A token sent
 *   as `Bearer` was already checked by the app's authentication hook.)
 *
 * Tokens need `intel:read` to read and `intel:write` to POST. Every refusal
 * is audited (`federation.refused`); failed credentials count against the
 * address like failed logins (identity/throttle.ts), under the same key as
 * the app's Bearer failures, and a locked address is refused before any
 * credential is checked. Never accepts a session cookie: TAXII clients are
 * not browsers.
 */
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { AppError, type ErrorCode } from '../../../core/errors.js';
import { originOf } from '../../../app/http/request-context.js';
import type { AuditEvent } from '../../audit/audit.schema.js';
import { authenticateToken, API_TOKEN_PREFIX } from '../../identity/authenticate.service.js';
import type { TokenScope } from '../../identity/identity.schema.js';
import type { Principal } from '../../identity/identity.types.js';
import {
  addressThrottleRule,
  credentialAddressKey,
  lockedForSeconds,
  recordFailure,
} from '../../identity/throttle.js';
import {
  authenticatePeerRequest,
  isPeerAuthorization,
  parsePeerAuthorization,
} from '../peer-requests.js';
import type { TaxiiPrincipal } from './taxii.contract.js';
import type { TaxiiDeps } from './taxii.deps.js';
import { acceptsTaxii } from './taxii.media.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the TAXII authentication preHandler. */
    taxiiPrincipal: TaxiiPrincipal | null;
  }
}

/** Why a TAXII request was refused, as audited. */
export type RefusalReason =
  'throttled' | 'credentials_missing' | 'token_invalid' | 'signature_invalid' | 'replayed';

const REFUSAL_CODES: Record<RefusalReason, ErrorCode> = {
  throttled: 'TOO_MANY_ATTEMPTS',
  credentials_missing: 'AUTHENTICATION_REQUIRED',
  token_invalid: 'TOKEN_INVALID',
  signature_invalid: 'PEER_SIGNATURE_INVALID',
  replayed: 'PEER_REQUEST_REPLAYED',
};

// Shared with the app's Bearer check: Basic, Bearer and signatures draw on one budget per address.
const addressKey = (request: FastifyRequest) => credentialAddressKey(request.ip);

/**
 * The audit entry of a refused TAXII request. The app's authentication hook
 * writes it too, for a bad Bearer token on a TAXII route, so that every
 * TAXII refusal reads the same whichever layer refused it.
 */
export function taxiiRefusalEvent(
  request: FastifyRequest,
  reason: RefusalReason,
  options: { keyId?: string; locked?: boolean } = {},
): AuditEvent {
  return {
    action: 'federation.refused',
    outcome: 'denied',
    ...originOf(request),
    details: {
      reason,
      method: request.method,
      path: request.routeOptions.url ?? null,
      ...(options.keyId !== undefined ? { keyId: options.keyId } : {}),
      ...(options.locked ? { locked: 'address' } : {}),
    },
  };
}

async function refuse(
  deps: TaxiiDeps,
  request: FastifyRequest,
  reason: RefusalReason,
  options: { retryAfterSeconds?: number; keyId?: string } = {},
): Promise<never> {
  // Missing credentials are how clients first ask; only wrong ones count as guesses.
  const counts = reason !== 'throttled' && reason !== 'credentials_missing';
  const locked = counts
    ? await recordFailure(
        deps.db,
        deps.clock,
        addressKey(request),
        addressThrottleRule(deps.identity.settings),
      )
    : false;
  await deps.audit.record(taxiiRefusalEvent(request, reason, { keyId: options.keyId, locked }));
  throw new AppError(
    REFUSAL_CODES[reason],
    options.retryAfterSeconds !== undefined ? { retryAfterSeconds: options.retryAfterSeconds } : {},
  );
}

/** The API token of an `Authorization: Basic` header (its password), if it carries one. */
function basicToken(header: string | undefined): string | undefined {
  if (header === undefined || !/^basic /i.test(header)) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? '' : decoded.slice(colon + 1);
}

interface Identified {
  principal: TaxiiPrincipal;
  /** The token's scopes; peers are not limited by scopes. */
  scopes: readonly TokenScope[] | 'peer';
}

function fromToken(principal: Principal): Identified {
  return {
    principal: { kind: 'user', user: principal.user, tokenId: principal.tokenId ?? '' },
    scopes: principal.scopes === 'session' ? [] : principal.scopes,
  };
}

async function identify(deps: TaxiiDeps, request: FastifyRequest): Promise<Identified> {
  const header = request.headers.authorization;
  if (isPeerAuthorization(header)) {
    const body = Buffer.isBuffer(request.body) ? request.body : undefined;
    const result = await authenticatePeerRequest(deps.db, deps.clock, header, {
      method: request.method,
      pathAndQuery: request.url,
      body,
    });
    if (!result.ok) {
      const keyId = parsePeerAuthorization(header)?.keyId.slice(0, 100);
      return refuse(deps, request, result.error, keyId !== undefined ? { keyId } : {});
    }
    return { principal: { kind: 'peer', peer: result.value }, scopes: 'peer' };
  }
  const token = basicToken(header);
  if (token !== undefined) {
    const principal = token.startsWith(API_TOKEN_PREFIX)
      ? await authenticateToken(deps.identity, token, originOf(request))
      : undefined;
    if (!principal) return refuse(deps, request, 'token_invalid');
    return fromToken(principal);
  }
  const bearer: Principal | null = request.principal;
  if (bearer?.via === 'token') return fromToken(bearer);
  return refuse(deps, request, 'credentials_missing');
}

async function checkScope(
  deps: TaxiiDeps,
  request: FastifyRequest,
  identified: Identified,
  needed: readonly TokenScope[],
): Promise<void> {
  const { principal, scopes } = identified;
  if (principal.kind === 'peer' || scopes === 'peer') return;
  if (needed.some((scope) => scopes.includes(scope))) return;
  await deps.audit.record({
    action: 'token.scope_denied',
    outcome: 'denied',
    actor: { userId: principal.user.userId, orgId: principal.user.orgId },
    target: { type: 'api_token', id: principal.tokenId },
    ...originOf(request),
    details: { needed: needed.join(' or '), path: request.routeOptions.url ?? null },
  });
  throw new AppError('TOKEN_SCOPE_INSUFFICIENT');
}

/**
 * The preHandler of a TAXII route: refuses locked addresses, authenticates,
 * checks the token's scope (any of `scopes`) and the Accept header.
 */
export function taxiiAuthentication(
  deps: TaxiiDeps,
  scopes: readonly TokenScope[],
): preHandlerAsyncHookHandler {
  return async (request) => {
    const retryAfterSeconds = await lockedForSeconds(deps.db, deps.clock, addressKey(request));
    if (retryAfterSeconds > 0) await refuse(deps, request, 'throttled', { retryAfterSeconds });
    const identified = await identify(deps, request);
    await checkScope(deps, request, identified, scopes);
    if (!acceptsTaxii(request.headers.accept)) throw new AppError('NOT_ACCEPTABLE');
    request.taxiiPrincipal = identified.principal;
  };
}

/** The principal the preHandler authenticated (every TAXII route has it). */
export function taxiiPrincipalOf(request: FastifyRequest): TaxiiPrincipal {
  if (!request.taxiiPrincipal) throw new AppError('AUTHENTICATION_REQUIRED');
  return request.taxiiPrincipal;
}
