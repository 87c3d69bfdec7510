/** Incidents over HTTP: thin handlers over incidents.service.ts. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { decodeCursor, encodeCursor } from '../../core/pagination.js';
import { readScope } from '../../core/policy/index.js';
import { originOf, requirePrincipal } from '../../app/http/request-context.js';
import { countIncidentsByType, listIncidents } from './incidents.repository.js';
import { filtersOf, incidentFilterSchema, incidentListQuerySchema } from './incidents.query.js';
import { incidentInputSchema } from './incidents.schema.js';
import {
  presentIncident,
  presentIncidentSummary,
  presentIncidentVersion,
} from './incidents.presenter.js';
import {
  createIncident,
  readIncident,
  readIncidentHistory,
  revokeIncident,
  updateIncident,
  type IncidentDeps,
  type IncidentError,
} from './incidents.service.js';

/**
 * Large enough that an oversized narrative reaches validation and is refused
 * with the field named, rather than as an anonymous "too large".
 */
const INCIDENT_BODY_LIMIT = 16 * 1024 * 1024;

const idParams = z.object({ id: z.string().regex(/^incident--[0-9a-f-]{36}$/, 'an incident id') });

function toError(error: IncidentError): AppError {
  switch (error) {
    case 'forbidden':
      return new AppError('FORBIDDEN');
    case 'not_found':
      return new AppError('NOT_FOUND');
    case 'invalid_release':
      return new AppError('VALIDATION_FAILED', {
        issues: [
          {
            path: 'releasableTo',
            message: 'name organisations or groups for TLP:AMBER, people for TLP:RED',
          },
        ],
      });
  }
}

export const incidentRoutes: FastifyPluginAsyncZod<{ deps: IncidentDeps }> = async (
  app,
  { deps },
) => {
  app.get(
    '/api/incidents',
    {
      config: { scope: 'intel:read' },
      schema: {
        tags: ['incidents'],
        summary: 'Incidents the caller may read, newest first',
        querystring: incidentListQuerySchema,
      },
    },
    async (request) => {
      const reader = requirePrincipal(request).user;
      const after =
        request.query.cursor === undefined ? undefined : decodeCursor(request.query.cursor, 2);
      if (request.query.cursor !== undefined && after === undefined)
        throw new AppError('BAD_REQUEST');
      const rows = await listIncidents(
        deps.db,
        readScope(reader),
        filtersOf(request.query, deps.capabilities),
        {
          limit: request.query.limit + 1,
          after: after as [string, string] | undefined,
        },
      );
      const page = rows.slice(0, request.query.limit);
      const last = page.at(-1);
      return {
        items: page.map(presentIncidentSummary),
        nextCursor:
          rows.length > request.query.limit && last
            ? encodeCursor([last.event_date, last.id])
            : null,
      };
    },
  );

  app.get(
    '/api/incidents/facets',
    {
      config: { scope: 'intel:read' },
      schema: {
        tags: ['incidents'],
        summary: 'Counts by event type under the same filters',
        querystring: incidentFilterSchema,
      },
    },
    async (request) => {
      const counts = await countIncidentsByType(
        deps.db,
        readScope(requirePrincipal(request).user),
        filtersOf(request.query, deps.capabilities),
      );
      return { eventTypes: counts, total: counts.reduce((sum, c) => sum + c.count, 0) };
    },
  );

  app.post(
    '/api/incidents',
    {
      bodyLimit: INCIDENT_BODY_LIMIT,
      config: { scope: 'intel:write' },
      schema: { tags: ['incidents'], summary: 'Record an incident', body: incidentInputSchema },
    },
    async (request, reply) => {
      const actor = requirePrincipal(request).user;
      const created = await createIncident(deps, request.body, actor, originOf(request));
      if (!created.ok) throw toError(created.error);
      const incident = await readIncident(deps, created.value, actor);
      if (!incident) throw new AppError('INTERNAL');
      return reply.status(201).send({ incident: presentIncident(incident, actor) });
    },
  );

  app.get(
    '/api/incidents/:id',
    {
      config: { scope: 'intel:read' },
      schema: { tags: ['incidents'], summary: 'One incident', params: idParams },
    },
    async (request) => {
      const reader = requirePrincipal(request).user;
      const incident = await readIncident(deps, request.params.id, reader);
      if (!incident) throw new AppError('NOT_FOUND');
      return { incident: presentIncident(incident, reader) };
    },
  );

  app.put(
    '/api/incidents/:id',
    {
      bodyLimit: INCIDENT_BODY_LIMIT,
      config: { scope: 'intel:write' },
      schema: {
        tags: ['incidents'],
        summary: 'Correct an incident (a new version)',
        params: idParams,
        body: incidentInputSchema,
      },
    },
    async (request) => {
      const actor = requirePrincipal(request).user;
      const updated = await updateIncident(
        deps,
        request.params.id,
        request.body,
        actor,
        originOf(request),
      );
      if (!updated.ok) throw toError(updated.error);
      const incident = await readIncident(deps, request.params.id, actor);
      if (!incident) throw new AppError('NOT_FOUND');
      return { incident: presentIncident(incident, actor) };
    },
  );

  app.post(
    '/api/incidents/:id/revoke',
    {
      config: { scope: 'intel:write' },
      schema: {
        tags: ['incidents'],
        summary: 'Revoke an incident (a new version marked revoked)',
        params: idParams,
      },
    },
    async (request) => {
      const actor = requirePrincipal(request).user;
      const revoked = await revokeIncident(deps, request.params.id, actor, originOf(request));
      if (!revoked.ok) throw toError(revoked.error);
      return { modified: revoked.value };
    },
  );

  app.get(
    '/api/incidents/:id/history',
    {
      config: { scope: 'intel:read' },
      schema: {
        tags: ['incidents'],
        summary: 'Every version the caller may read, newest first',
        params: idParams,
      },
    },
    async (request) => {
      const reader = requirePrincipal(request).user;
      const versions = await readIncidentHistory(deps, request.params.id, reader);
      if (!versions) throw new AppError('NOT_FOUND');
      return { versions: versions.map((version) => presentIncidentVersion(version, reader)) };
    },
  );
};
