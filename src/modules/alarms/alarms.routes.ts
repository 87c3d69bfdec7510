/**
 * Alarms over HTTP, thin handlers: the caller's visible alarms (newest
 * first), one alarm (404 when not visible, whether or not it exists), and
 * acknowledging one. Visibility and every rule live in alarms.read.ts and
 * alarms.acknowledge.ts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../core/errors.js';
import { decodeCursor, encodeCursor } from '../../core/pagination.js';
import { originOf, requirePrincipal } from '../../app/http/request-context.js';
import { acknowledgeAlarm, type AcknowledgeError } from './alarms.acknowledge.js';
import { alarmForReader, listAlarmsFor } from './alarms.read.js';
import { alarmListQuerySchema, alarmParamsSchema } from './alarms.schema.js';
import type { AlarmDeps } from './alarms.service.js';

const tags = ['alarms'];

function toAppError(error: AcknowledgeError): AppError {
  switch (error) {
    case 'not_found':
      return new AppError('NOT_FOUND');
    case 'forbidden':
      return new AppError('FORBIDDEN');
    case 'already_acknowledged':
      return new AppError('ALREADY_ACKNOWLEDGED');
  }
}

export const alarmRoutes: FastifyPluginAsyncZod<{ deps: AlarmDeps }> = async (app, { deps }) => {
  app.get(
    '/api/alarms',
    {
      config: { scope: 'intel:read' },
      schema: {
        tags,
        summary: 'Alarms the caller sees at their current level, newest first',
        querystring: alarmListQuerySchema,
      },
    },
    async (request) => {
      const reader = requirePrincipal(request).user;
      const { open, limit, cursor } = request.query;
      let afterId: string | undefined;
      if (cursor !== undefined) {
        afterId = decodeCursor(cursor, 1)?.[0];
        if (afterId === undefined) throw new AppError('BAD_REQUEST');
      }
      const page = await listAlarmsFor(deps, reader, { open }, { limit, afterId });
      return {
        items: page.items,
        nextCursor: page.nextAfterId ? encodeCursor([page.nextAfterId]) : null,
      };
    },
  );

  app.get(
    '/api/alarms/:id',
    {
      config: { scope: 'intel:read' },
      schema: { tags, summary: 'One alarm the caller sees', params: alarmParamsSchema },
    },
    async (request) => {
      const alarm = await alarmForReader(deps, request.params.id, requirePrincipal(request).user);
      if (!alarm) throw new AppError('NOT_FOUND');
      return alarm;
    },
  );

  app.post(
    '/api/alarms/:id/acknowledge',
    {
      config: { scope: 'intel:write' },
      schema: {
        tags,
        summary: 'Acknowledge an alarm: its escalation stops',
        params: alarmParamsSchema,
      },
    },
    async (request) => {
      const actor = requirePrincipal(request).user;
      const result = await acknowledgeAlarm(deps, request.params.id, actor, originOf(request));
      if (!result.ok) throw toAppError(result.error);
      return result.value;
    },
  );
};
