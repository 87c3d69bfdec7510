/**
 * Notifications over HTTP: the reader's list (newest first, paged), the
 * unread count for the badge, and read marks. Thin handlers.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { decodeCursor, encodeCursor } from '../../core/pagination.js';
import { requirePrincipal } from '../../app/http/request-context.js';
import { recordIdSchema } from '../intel/intel.schema.js';
import { presentNotification } from './notifications.presenter.js';
import {
  countUnreadFor,
  listNotificationsFor,
  markAllReadFor,
  markReadFor,
  type NotificationDeps,
} from './notifications.service.js';

const tags = ['notifications'];

const listQuerySchema = z.object({
  unread: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .default(false),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

export const notificationRoutes: FastifyPluginAsyncZod<{ deps: NotificationDeps }> = async (
  app,
  { deps },
) => {
  app.get(
    '/api/notifications',
    {
      config: { scope: 'intel:read' },
      schema: {
        tags,
        summary: "Notifications to the caller's organisation that the caller may read",
        querystring: listQuerySchema,
      },
    },
    async (request) => {
      const reader = requirePrincipal(request).user;
      const { unread, limit, cursor } = request.query;
      const before = cursor === undefined ? undefined : decodeCursor(cursor, 1)?.[0];
      if (cursor !== undefined && before === undefined) throw new AppError('BAD_REQUEST');
      const page = await listNotificationsFor(deps, reader, { unreadOnly: unread, limit, before });
      return {
        items: page.items.map(presentNotification),
        nextCursor: page.nextBefore ? encodeCursor([page.nextBefore]) : null,
        unreadCount: await countUnreadFor(deps, reader),
      };
    },
  );

  app.get(
    '/api/notifications/unread-count',
    {
      config: { scope: 'intel:read' },
      schema: {
        tags,
        summary:
          'How many notifications the caller has not read, counted up to 100 (show more than 99 as "99+")',
      },
    },
    async (request) => {
      const count = await countUnreadFor(deps, requirePrincipal(request).user);
      return { unreadCount: count };
    },
  );

  app.post(
    '/api/notifications/:id/read',
    {
      config: { scope: 'intel:read' },
      schema: {
        tags,
        summary: 'Mark one notification read for the caller',
        params: z.object({ id: recordIdSchema('notification') }),
      },
    },
    async (request, reply) => {
      const outcome = await markReadFor(deps, requirePrincipal(request).user, request.params.id);
      if (!outcome.ok) throw new AppError('NOT_FOUND');
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/notifications/read',
    {
      config: { scope: 'intel:read' },
      schema: { tags, summary: "Mark all the caller's notifications read" },
    },
    async (request, reply) => {
      await markAllReadFor(deps, requirePrincipal(request).user);
      return reply.code(204).send();
    },
  );
};
