/**
 * Alerts over HTTP: the caller's inbox, one alert, its CAP 1.2 message, and
 * acknowledgement. Thin handlers: visibility and rules live in the service;
 * an alert the caller may not see answers 404 everywhere.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { decodeCursor, encodeCursor } from '../../core/pagination.js';
import { originOf, requirePrincipal } from '../../app/http/request-context.js';
import { recordIdSchema } from '../intel/intel.schema.js';
import { CAP_CONTENT_TYPE, renderCapXml } from './alerts.cap-xml.js';
import { presentAlert } from './alerts.presenter.js';
import type { AlertDeps } from './alerts.raise.js';
import { acknowledgeAlert, listAlertsFor, readAlert } from './alerts.service.js';

const tags = ['alerts'];
const params = z.object({ id: recordIdSchema('alert') });

const listQuerySchema = z.object({
  open: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  subjectId: recordIdSchema('site', 'movement').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

/** CAP's sender: this node's host name, without the characters CAP forbids there. */
const senderOf = (hostname: string) =>
  `tandem@${hostname.replace(/[^A-Za-z0-9.-]/g, '') || 'localhost'}`;

export const alertRoutes: FastifyPluginAsyncZod<{ deps: AlertDeps }> = async (app, { deps }) => {
  app.get(
    '/api/alerts',
    {
      config: { scope: 'intel:read' },
      schema: {
        tags,
        summary: 'Alerts the caller may see, newest first (open=true: not yet acknowledged)',
        querystring: listQuerySchema,
      },
    },
    async (request) => {
      const reader = requirePrincipal(request).user;
      const { open, subjectId, limit, cursor } = request.query;
      const before = cursor === undefined ? undefined : decodeCursor(cursor, 1)?.[0];
      if (cursor !== undefined && before === undefined) throw new AppError('BAD_REQUEST');
      const page = await listAlertsFor(deps, reader, { open, subjectId, before, limit });
      return {
        items: page.items.map(presentAlert),
        nextCursor: page.nextBefore ? encodeCursor([page.nextBefore]) : null,
      };
    },
  );

  app.get(
    '/api/alerts/:id',
    { config: { scope: 'intel:read' }, schema: { tags, summary: 'One alert', params } },
    async (request) => {
      const found = await readAlert(deps, request.params.id, requirePrincipal(request).user);
      if (!found) throw new AppError('NOT_FOUND');
      return { alert: presentAlert(found) };
    },
  );

  app.get(
    '/api/alerts/:id.cap.xml',
    {
      config: { scope: 'intel:read' },
      schema: { tags, summary: 'One alert as a CAP 1.2 message (XML)', params },
    },
    async (request, reply) => {
      const found = await readAlert(deps, request.params.id, requirePrincipal(request).user);
      if (!found) throw new AppError('NOT_FOUND');
      return reply
        .type(CAP_CONTENT_TYPE)
        .header('content-disposition', `inline; filename="${found.row.id}.cap.xml"`)
        .send(renderCapXml(found, senderOf(request.hostname)));
    },
  );

  app.post(
    '/api/alerts/:id/acknowledge',
    {
      config: { scope: 'intel:write' },
      schema: { tags, summary: 'Acknowledge an alert (stops its escalation)', params },
    },
    async (request) => {
      const actor = requirePrincipal(request).user;
      const outcome = await acknowledgeAlert(deps, request.params.id, actor, originOf(request));
      if (!outcome.ok) {
        throw new AppError(
          outcome.error === 'not_found'
            ? 'NOT_FOUND'
            : outcome.error === 'forbidden'
              ? 'FORBIDDEN'
              : 'ALREADY_ACKNOWLEDGED',
        );
      }
      return { alert: presentAlert(outcome.value) };
    },
  );
};
