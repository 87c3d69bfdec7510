/**
 * Sends a list export (CSV or GeoJSON) as a stream, after auditing it: an
 * export is a bulk read, so who exported what, with which filters, is on
 * record before the first byte leaves. The lines come from the module's own
 * exporter, which applies the read filter.
 */
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuditLog } from '../../modules/audit/audit.service.js';
import type { CurrentUser } from '../../modules/identity/identity.types.js';
import { originOf } from './request-context.js';

export type ExportFormat = 'csv' | 'geojson';

export async function sendExport(
  request: FastifyRequest,
  reply: FastifyReply,
  audit: AuditLog,
  reader: CurrentUser,
  what: { type: string; format: ExportFormat; lines: AsyncIterable<string> },
): Promise<FastifyReply> {
  await audit.record({
    action: 'record.exported',
    outcome: 'success',
    actor: { userId: reader.userId, orgId: reader.orgId },
    ...originOf(request),
    details: { type: what.type, format: what.format, query: request.query },
  });
  return reply
    .type(what.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/geo+json')
    .header('content-disposition', `attachment; filename="${what.type}s.${what.format}"`)
    .send(Readable.from(what.lines));
}
