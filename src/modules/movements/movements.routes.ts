/**
 * Movement routes, one plugin: the request (create, read, edit, history,
 * list) and its state changes by name (POST /api/movements/{id}/{action}).
 * Escort, check-ins, manifest and risk: movements.field.routes.ts. Thin
 * handlers: authenticate, validate, call the service, map its outcome,
 * present. Reads need the 'intel:read' token scope, writes 'intel:write'.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { originOf, requirePrincipal } from '../../app/http/request-context.js';
import type { CurrentUser } from '../identity/identity.types.js';
import { parseBody, parseReleaseList } from '../intel/intel.records.js';
import { decideMovement } from './movements.approval.js';
import { toAppError } from './movements.errors.js';
import { movementFieldRoutes } from './movements.field.routes.js';
import { presentMovement, presentMovementListItem } from './movements.presenter.js';
import { listMovementsFor, movementDetail, readMovementHistory } from './movements.read.js';
import { createMovement, updateMovement, type MovementDeps } from './movements.records.js';
import {
  movementInputSchema,
  movementListQuerySchema,
  movementParamsSchema,
  transitionInputSchema,
} from './movements.schema.js';
import { takeAction, type SimpleAction } from './movements.workflow.js';

const tags = ['movements'];
const SIMPLE_ACTIONS = [
  'submit',
  'reject',
  'return',
  'start',
  'arrive',
  'close',
  'cancel',
  'incident',
] as const;
const actionParams = movementParamsSchema.extend({
  action: z.enum([...SIMPLE_ACTIONS, 'approve']),
});

export const movementRoutes: FastifyPluginAsyncZod<{ deps: MovementDeps }> = async (
  app,
  { deps },
) => {
  await app.register(movementFieldRoutes, { deps });

  const detailOr404 = async (id: string, reader: CurrentUser) => {
    const detail = await movementDetail(deps, id, reader);
    if (!detail) throw new AppError('NOT_FOUND');
    return { movement: presentMovement(detail) };
  };

  app.post(
    '/api/movements',
    {
      config: { scope: 'intel:write' },
      schema: { tags, summary: 'Request a movement (a draft)', body: movementInputSchema },
    },
    async (request, reply) => {
      const actor = requirePrincipal(request).user;
      const created = await createMovement(deps, request.body, actor, originOf(request));
      if (!created.ok) throw toAppError(created.error);
      return reply.status(201).send(await detailOr404(created.value, actor));
    },
  );

  app.get(
    '/api/movements',
    {
      config: { scope: 'intel:read' },
      schema: {
        tags,
        summary: 'Movements by planned departure, latest first',
        querystring: movementListQuerySchema,
      },
    },
    async (request) => {
      const page = await listMovementsFor(deps, request.query, requirePrincipal(request).user);
      if (!page) throw new AppError('BAD_REQUEST');
      return { items: page.items.map(presentMovementListItem), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/movements/:id',
    {
      config: { scope: 'intel:read' },
      schema: { tags, summary: 'One movement', params: movementParamsSchema },
    },
    async (request) => detailOr404(request.params.id, requirePrincipal(request).user),
  );

  app.put(
    '/api/movements/:id',
    {
      config: { scope: 'intel:write' },
      schema: {
        tags,
        summary: 'Edit a draft or returned request (a new version)',
        params: movementParamsSchema,
        body: movementInputSchema,
      },
    },
    async (request) => {
      const actor = requirePrincipal(request).user;
      const updated = await updateMovement(
        deps,
        request.params.id,
        request.body,
        actor,
        originOf(request),
      );
      if (!updated.ok) throw toAppError(updated.error);
      return detailOr404(request.params.id, actor);
    },
  );

  app.get(
    '/api/movements/:id/history',
    {
      config: { scope: 'intel:read' },
      schema: {
        tags,
        summary: 'Every version of the request the caller may read, newest first',
        params: movementParamsSchema,
      },
    },
    async (request) => {
      const versions = await readMovementHistory(
        deps,
        request.params.id,
        requirePrincipal(request).user,
      );
      if (!versions) throw new AppError('NOT_FOUND');
      return {
        versions: versions.map((v) => ({
          modified: v.modified,
          storedAt: v.stored_at,
          marking: v.marking,
          releasableTo: parseReleaseList(v.releasable_to),
          revoked: v.revoked === 1,
          movement: parseBody(v.body),
        })),
      };
    },
  );

  app.post(
    '/api/movements/:id/:action',
    {
      config: { scope: 'intel:write' },
      schema: {
        tags,
        summary:
          'Change the state: submit, approve, reject, return, start, arrive, close, cancel, incident',
        params: actionParams,
        body: transitionInputSchema.optional(),
      },
    },
    async (request) => {
      const actor = requirePrincipal(request).user;
      const { id, action } = request.params;
      const reason = request.body?.reason;
      if (action === 'approve' || action === 'reject' || action === 'return') {
        const decided = await decideMovement(deps, id, action, actor, reason, originOf(request));
        if (!decided.ok) throw toAppError(decided.error);
        return { ...(await detailOr404(id, actor)), decision: decided.value };
      }
      const moved = await takeAction(
        deps,
        id,
        action satisfies SimpleAction,
        actor,
        reason,
        originOf(request),
      );
      if (!moved.ok) throw toAppError(moved.error);
      return detailOr404(id, actor);
    },
  );
};
