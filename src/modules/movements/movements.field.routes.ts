/**
 * Movement routes for what happens around the journey: the escort (its codes
 * are taken, never answered), check-ins from the field (one answer shape for
 * normal, duress and replayed check-ins), the named manifest (personal data,
 * audited on read) and the risk assessment and its override.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../core/errors.js';
import { originOf, requirePrincipal } from '../../app/http/request-context.js';
import { recordCheckin } from './movements.checkins.js';
import { toAppError } from './movements.errors.js';
import { assignEscort } from './movements.escort.js';
import { readManifest, writeManifest } from './movements.manifest.js';
import { movementDetail } from './movements.read.js';
import type { MovementDeps } from './movements.records.js';
import { presentMovement } from './movements.presenter.js';
import {
  checkinInputSchema,
  escortInputSchema,
  manifestInputSchema,
  movementParamsSchema,
  riskOverrideInputSchema,
} from './movements.schema.js';
import { assessMovementRisk, overrideRisk } from './risk.service.js';

const tags = ['movements'];
const params = movementParamsSchema;

export const movementFieldRoutes: FastifyPluginAsyncZod<{ deps: MovementDeps }> = async (
  app,
  { deps },
) => {
  const detailOr404 = async (id: string, reader: Parameters<typeof movementDetail>[2]) => {
    const detail = await movementDetail(deps, id, reader);
    if (!detail) throw new AppError('NOT_FOUND');
    return { movement: presentMovement(detail) };
  };

  app.post(
    '/api/movements/:id/escort',
    {
      config: { scope: 'intel:write' },
      schema: { tags, summary: 'Assign the escort and its codes', params, body: escortInputSchema },
    },
    async (request) => {
      const actor = requirePrincipal(request).user;
      const assigned = await assignEscort(
        deps,
        request.params.id,
        request.body,
        actor,
        originOf(request),
      );
      if (!assigned.ok) throw toAppError(assigned.error);
      return detailOr404(request.params.id, actor);
    },
  );

  app.post(
    '/api/movements/:id/checkins',
    {
      config: { scope: 'intel:write' },
      schema: {
        tags,
        summary: 'Check in from the field (idempotent by clientId)',
        params,
        body: checkinInputSchema,
      },
    },
    async (request) => {
      const actor = requirePrincipal(request).user;
      const checked = await recordCheckin(
        deps,
        request.params.id,
        request.body,
        actor,
        originOf(request),
      );
      if (!checked.ok) throw toAppError(checked.error);
      return checked.value;
    },
  );

  app.get(
    '/api/movements/:id/checkins',
    {
      config: { scope: 'intel:read' },
      schema: { tags, summary: 'Check-ins, oldest first', params },
    },
    async (request) => {
      const reader = requirePrincipal(request).user;
      const detail = await movementDetail(deps, request.params.id, reader);
      if (!detail) throw new AppError('NOT_FOUND');
      return {
        items: detail.checkins.map((c) => ({
          clientId: c.client_id,
          recordedAt: c.recorded_at,
          receivedAt: c.received_at,
          lat: c.lat,
          lon: c.lon,
          kind: c.kind,
          byUser: c.by_user,
          note: c.note,
          ...(c.duress !== undefined ? { duress: c.duress } : {}),
        })),
      };
    },
  );

  app.get(
    '/api/movements/:id/manifest',
    {
      config: { scope: 'intel:read' },
      schema: { tags, summary: 'The named manifest (personal data; audited)', params },
    },
    async (request) => {
      const read = await readManifest(
        deps,
        request.params.id,
        requirePrincipal(request).user,
        originOf(request),
      );
      if (!read.ok) throw toAppError(read.error);
      return { people: read.value };
    },
  );

  app.put(
    '/api/movements/:id/manifest',
    {
      config: { scope: 'intel:write' },
      schema: { tags, summary: 'Replace the named manifest', params, body: manifestInputSchema },
    },
    async (request) => {
      const actor = requirePrincipal(request).user;
      const written = await writeManifest(
        deps,
        request.params.id,
        request.body,
        actor,
        originOf(request),
      );
      if (!written.ok) throw toAppError(written.error);
      return { count: written.value };
    },
  );

  app.post(
    '/api/movements/:id/risk/assess',
    {
      config: { scope: 'intel:write' },
      schema: { tags, summary: 'Assess the route risk again', params },
    },
    async (request) => {
      const actor = requirePrincipal(request).user;
      const assessed = await assessMovementRisk(deps, request.params.id, actor);
      if (!assessed.ok) throw toAppError(assessed.error);
      return detailOr404(request.params.id, actor);
    },
  );

  app.post(
    '/api/movements/:id/risk/override',
    {
      config: { scope: 'intel:write' },
      schema: {
        tags,
        summary: 'Set the risk level by hand (duty officer, with a reason)',
        params,
        body: riskOverrideInputSchema,
      },
    },
    async (request) => {
      const actor = requirePrincipal(request).user;
      const set = await overrideRisk(
        deps,
        request.params.id,
        request.body,
        actor,
        originOf(request),
      );
      if (!set.ok) throw toAppError(set.error);
      return detailOr404(request.params.id, actor);
    },
  );
};
