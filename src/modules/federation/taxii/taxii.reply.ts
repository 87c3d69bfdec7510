/** Answers in the TAXII 2.1 media type, exactly as TAXII names it. */
import type { FastifyReply } from 'fastify';
import { TAXII_MEDIA_TYPE } from './taxii.media.js';

/**
 * Sends JSON text as `application/taxii+json;version=2.1`. As bytes, because
 * for a string Fastify rewrites a JSON media type (adds a charset and quotes
 * the version), which strict TAXII clients do not recognise.
 */
export function sendTaxiiText(
  reply: FastifyReply,
  json: string,
  headers: Record<string, string> = {},
): FastifyReply {
  return reply.headers(headers).type(TAXII_MEDIA_TYPE).send(Buffer.from(json, 'utf8'));
}
