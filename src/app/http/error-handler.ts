/**
 * The one error handler. Catalogue errors keep their code and safe message;
 * validation failures list the fields at fault; anything else becomes a plain
 * 500 that reveals nothing and is logged with the request id.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ERRORS, type ErrorCode } from '../../core/errors.js';
import { wantsWebApp } from './web-app.js';

interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    requestId: string;
    issues?: Issue[];
  };
}

/**
 * One field at fault. `code` and `params` (zod's issue code and its limits)
 * let a client say the same thing in the user's language; `message` is the
 * English text.
 */
interface Issue {
  path: string;
  message: string;
  code?: string;
  params?: Record<string, IssueParam>;
}
type IssueParam = string | number | boolean | (string | number | boolean)[];

const ISSUE_PARAMS = ['expected', 'minimum', 'maximum', 'origin', 'format', 'values', 'inclusive'];

/** The limits of an issue worth translating: primitives (and lists of them) only, never the input. */
function issueParams(params: unknown): Record<string, IssueParam> | undefined {
  if (typeof params !== 'object' || params === null) return undefined;
  const picked: Record<string, IssueParam> = {};
  const isPrimitive = (v: unknown): v is string | number | boolean =>
    typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
  for (const key of ISSUE_PARAMS) {
    const value = (params as Record<string, unknown>)[key];
    if (isPrimitive(value)) picked[key] = value;
    else if (typeof value === 'bigint') picked[key] = Number(value);
    else if (Array.isArray(value) && value.every(isPrimitive)) picked[key] = value;
  }
  return Object.keys(picked).length > 0 ? picked : undefined;
}

/** Fastify's own client errors (bad JSON, body too large, …) mapped into the catalogue. */
function catalogueCodeFor(error: FastifyError): ErrorCode | undefined {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'PAYLOAD_TOO_LARGE';
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return error.statusCode === 404
      ? 'NOT_FOUND'
      : error.statusCode === 429
        ? 'RATE_LIMITED'
        : 'BAD_REQUEST';
  }
  return undefined;
}

/** `webIndex`: the web app's index page, answered for GETs outside the API (single-page routing). */
export function installErrorHandler(app: FastifyInstance, webIndex?: string): void {
  app.setErrorHandler<FastifyError | AppError>((error, request, reply) => {
    const requestId = String(request.id);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const validation: readonly {
        instancePath: string;
        keyword?: string;
        message?: string | undefined;
        params?: unknown;
      }[] = error.validation;
      const issues = validation.map((issue): Issue => {
        const params = issueParams(issue.params);
        return {
          path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
          message: issue.message ?? 'invalid',
          ...(issue.keyword ? { code: issue.keyword } : {}),
          ...(params ? { params } : {}),
        };
      });
      const body: ErrorBody = {
        error: {
          code: 'VALIDATION_FAILED',
          message: ERRORS.VALIDATION_FAILED.message,
          requestId,
          issues,
        },
      };
      return reply.status(400).send(body);
    }
    if (error instanceof AppError) {
      if (error.retryAfterSeconds !== undefined)
        reply.header('retry-after', String(error.retryAfterSeconds));
      const body: ErrorBody = {
        error: {
          code: error.code,
          message: error.message,
          requestId,
          ...(error.issues ? { issues: [...error.issues] } : {}),
        },
      };
      return reply.status(error.status).send(body);
    }
    const code = catalogueCodeFor(error);
    if (code) {
      const body: ErrorBody = { error: { code, message: ERRORS[code].message, requestId } };
      return reply.status(ERRORS[code].status).send(body);
    }
    request.log.error({ err: error }, 'unhandled error');
    const body: ErrorBody = {
      error: { code: 'INTERNAL', message: ERRORS.INTERNAL.message, requestId },
    };
    return reply.status(500).send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    if (webIndex !== undefined && wantsWebApp(request.method, request.url)) {
      return reply.type('text/html; charset=utf-8').send(webIndex);
    }
    const body: ErrorBody = {
      error: {
        code: 'NOT_FOUND',
        message: ERRORS.NOT_FOUND.message,
        requestId: String(request.id),
      },
    };
    return reply.status(404).send(body);
  });
}
