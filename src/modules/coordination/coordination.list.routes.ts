/**
 * Coordination lists over HTTP — working groups, meetings of a group,
 * decisions of a meeting, the action tracker across groups, each with the
 * `q` search — and progress notes on an action item. Thin handlers over the
 * services. (The programme board is programmes.routes.ts's.)
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { decodeCursor, encodeCursor } from '../../core/pagination.js';
import { originOf, requirePrincipal } from '../../app/http/request-context.js';
import { recordIdSchema } from '../intel/intel.schema.js';
import { appendProgressNote, listActionItemsFor, todayOf } from './action-items.service.js';
import { toAppError } from './coordination.errors.js';
import {
  presentActionItem,
  presentActionItemSummary,
  presentDecisionSummary,
  presentMeetingSummary,
  presentWorkingGroupSummary,
} from './coordination.presenter.js';
import {
  actionItemListQuerySchema,
  decisionListQuerySchema,
  meetingListQuerySchema,
  workingGroupListQuerySchema,
} from './coordination.query.js';
import { readCoordinationRecord, type CoordinationDeps } from './coordination.records.js';
import { progressNoteInputSchema } from './coordination.schema.js';
import { listDecisionsFor, listMeetingsFor } from './meetings.service.js';
import { listWorkingGroupsFor } from './working-groups.service.js';

const tags = ['coordination'];

/** The sort key in a cursor; a malformed cursor is a bad request. */
function afterOf(cursor: string | undefined, length: number): string[] | undefined {
  if (cursor === undefined) return undefined;
  const key = decodeCursor(cursor, length);
  if (key === undefined) throw new AppError('BAD_REQUEST');
  return key;
}

const nextCursor = (key: string[] | undefined) => (key ? encodeCursor(key) : null);

export const coordinationListRoutes: FastifyPluginAsyncZod<{ deps: CoordinationDeps }> = async (
  app,
  { deps },
) => {
  app.get(
    '/api/working-groups',
    {
      config: { scope: 'intel:read' },
      schema: {
        tags,
        summary: 'Working groups the caller may read',
        querystring: workingGroupListQuerySchema,
      },
    },
    async (request) => {
      const reader = requirePrincipal(request).user;
      const { q, limit, cursor } = request.query;
      const page = await listWorkingGroupsFor(
        deps,
        reader,
        { q },
        { limit, after: afterOf(cursor, 2) },
      );
      return {
        items: page.rows.map(presentWorkingGroupSummary),
        nextCursor: nextCursor(page.nextKey),
      };
    },
  );

  app.get(
    '/api/meetings',
    {
      config: { scope: 'intel:read' },
      schema: {
        tags,
        summary: 'Meetings the caller may read, newest first',
        querystring: meetingListQuerySchema,
      },
    },
    async (request) => {
      const reader = requirePrincipal(request).user;
      const { workingGroupId, q, limit, cursor } = request.query;
      const page = await listMeetingsFor(
        deps,
        reader,
        { workingGroupId, q },
        { limit, after: afterOf(cursor, 2) },
      );
      return { items: page.rows.map(presentMeetingSummary), nextCursor: nextCursor(page.nextKey) };
    },
  );

  app.get(
    '/api/decisions',
    {
      config: { scope: 'intel:read' },
      schema: {
        tags,
        summary: 'Decisions the caller may read, as recorded',
        querystring: decisionListQuerySchema,
      },
    },
    async (request) => {
      const reader = requirePrincipal(request).user;
      const { meetingId, q, limit, cursor } = request.query;
      const after = afterOf(cursor, 1)?.[0];
      const page = await listDecisionsFor(deps, reader, { meetingId, q }, { limit, after });
      return { items: page.rows.map(presentDecisionSummary), nextCursor: nextCursor(page.nextKey) };
    },
  );

  app.get(
    '/api/action-items',
    {
      config: { scope: 'intel:read' },
      schema: {
        tags,
        summary: 'The action tracker across groups: readable items by due date',
        querystring: actionItemListQuerySchema,
      },
    },
    async (request) => {
      const reader = requirePrincipal(request).user;
      const { limit, cursor, ...filters } = request.query;
      const page = await listActionItemsFor(deps, reader, filters, {
        limit,
        after: afterOf(cursor, 2),
      });
      const today = todayOf(deps.clock);
      return {
        items: page.rows.map((row) => presentActionItemSummary(row, today)),
        nextCursor: nextCursor(page.nextKey),
      };
    },
  );

  app.post(
    '/api/action-items/:id/notes',
    {
      config: { scope: 'intel:write' },
      schema: {
        tags,
        summary: 'Append a progress note to an action item (a new version)',
        params: z.object({ id: recordIdSchema('action-item') }),
        body: progressNoteInputSchema,
      },
    },
    async (request, reply) => {
      const actor = requirePrincipal(request).user;
      const { id } = request.params;
      const appended = await appendProgressNote(
        deps,
        id,
        request.body.text,
        actor,
        originOf(request),
      );
      if (!appended.ok) throw toAppError(appended.error, appended.detail);
      const found = await readCoordinationRecord(deps, 'action-item', id, actor);
      if (!found) throw new AppError('NOT_FOUND');
      return reply
        .status(201)
        .send({ actionItem: presentActionItem(found, actor, todayOf(deps.clock)) });
    },
  );
};
