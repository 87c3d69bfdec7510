/** Reading the audit log (node administrators only; every read is itself audited). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../core/errors.js';
import { originOf, requirePrincipal } from '../../app/http/request-context.js';
import { isNodeAdmin } from '../identity/identity.authorization.js';
import { searchAuditLog } from './audit.repository.js';
import { auditQuerySchema } from './audit.schema.js';
import type { AuditLog } from './audit.service.js';
import type { Executor } from '../../storage/executor.js';
import { presentAuditEntry } from './audit.presenter.js';

export const auditRoutes: FastifyPluginAsyncZod<{ db: Executor; audit: AuditLog }> = async (
  app,
  { db, audit },
) => {
  app.get(
    '/api/audit',
    {
      config: { scope: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'Audit log entries, newest first',
        querystring: auditQuerySchema,
      },
    },
    async (request) => {
      const actor = requirePrincipal(request).user;
      if (!isNodeAdmin(actor)) throw new AppError('FORBIDDEN');
      const entries = await searchAuditLog(db, request.query);
      await audit.record({
        action: 'audit.read',
        outcome: 'success',
        actor: { userId: actor.userId, orgId: actor.orgId },
        ...originOf(request),
        details: { query: request.query, count: entries.length },
      });
      const last = entries.at(-1);
      return {
        items: entries.map(presentAuditEntry),
        nextCursor: entries.length === request.query.limit && last ? String(last.seq) : null,
      };
    },
  );
};
