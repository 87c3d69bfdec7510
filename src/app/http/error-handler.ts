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
    issues?: { path: string; message: string }[];
  };
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
      const validation: readonly { instancePath: string; message?: string | undefined }[] =
        error.validation;
      const issues = validation.map((issue) => ({
        path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: issue.message ?? 'invalid',
      }));
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
