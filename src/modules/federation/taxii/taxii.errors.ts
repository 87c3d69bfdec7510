/**
 * TAXII error messages for everything under /taxii2/: the catalogue's code,
 * status and safe message (core/errors.ts) in the TAXII 2.1 error shape
 * (`title`, `description`, `error_id`, `error_code`, `http_status`), as
 * `application/taxii+json;version=2.1`. 401s name the Basic realm. Like the
 * app's own error handler, anything unexpected is a plain 500 that reveals
 * nothing.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ERRORS, type ErrorCode } from '../../../core/errors.js';
import { sendTaxiiText } from './taxii.reply.js';

export const TAXII_REALM = 'Basic realm="Tandem TAXII"';

export interface TaxiiErrorMessage {
  title: string;
  description?: string;
  error_id: string;
  error_code: ErrorCode;
  http_status: string;
}

function send(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  description?: string,
): FastifyReply {
  const status = ERRORS[code].status;
  const body: TaxiiErrorMessage = {
    title: ERRORS[code].message,
    ...(description ? { description } : {}),
    error_id: String(request.id),
    error_code: code,
    http_status: String(status),
  };
  if (status === 401) reply.header('www-authenticate', TAXII_REALM);
  return sendTaxiiText(reply.status(status), JSON.stringify(body));
}

function fastifyCodeFor(error: FastifyError): ErrorCode | undefined {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'PAYLOAD_TOO_LARGE';
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'UNSUPPORTED_MEDIA_TYPE';
  const status = error.statusCode;
  if (status === undefined || status < 400 || status >= 500) return undefined;
  if (status === 404) return 'NOT_FOUND';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  return 'BAD_REQUEST';
}

/** Installs TAXII error answers in the (encapsulated, prefixed) TAXII plugin. */
export function installTaxiiErrors(app: FastifyInstance): void {
  app.setErrorHandler<FastifyError | AppError>((error, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      return send(request, reply, 'BAD_REQUEST');
    }
    if (error instanceof AppError) {
      if (error.retryAfterSeconds !== undefined) {
        reply.header('retry-after', String(error.retryAfterSeconds));
      }
      const description = error.issues?.map((issue) => issue.message).join('; ');
      return send(request, reply, error.code, description);
    }
    const code = fastifyCodeFor(error);
    if (code) return send(request, reply, code);
    request.log.error({ err: error }, 'unhandled error');
    return send(request, reply, 'INTERNAL');
  });
  app.setNotFoundHandler((request, reply) => send(request, reply, 'NOT_FOUND'));
}
