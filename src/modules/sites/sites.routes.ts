/**
 * Protected sites over HTTP, as one plugin: create, list (search, type,
 * posture, cursor paging), read, correct, revoke and history here; people on
 * site, emergency contacts and what is nearby in sites.detail.routes.ts.
 * Thin handlers: services decide, presenters shape. Reads need the
 * 'intel:read' token scope, writes 'intel:write', as other shareable records.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../core/errors.js';
import { decodeCursor, encodeCursor } from '../../core/pagination.js';
import { originOf, requirePrincipal } from '../../app/http/request-context.js';
import type { CurrentUser } from '../identity/identity.types.js';
import { siteDetailRoutes } from './sites.detail.routes.js';
import { toAppError } from './sites.errors.js';
import { loadSiteExtras, presentSite, presentSiteVersion } from './sites.presenter.js';
import { readSite, readSiteHistory } from './sites.read.js';
import {
  revocationInputSchema,
  siteInputSchema,
  siteListQuerySchema,
  siteParamsSchema,
} from './sites.schema.js';
import {
  createSite,
  listSitesFor,
  revokeSite,
  updateSite,
  type SiteDeps,
} from './sites.service.js';

const tags = ['protection'];

export const siteRoutes: FastifyPluginAsyncZod<{ deps: SiteDeps }> = async (app, { deps }) => {
  await app.register(siteDetailRoutes, { deps });

  const readOr404 = async (id: string, reader: CurrentUser) => {
    const found = await readSite(deps, id, reader);
    if (!found) throw new AppError('NOT_FOUND');
    return { site: presentSite(found, reader, await loadSiteExtras(deps.db, [found])) };
  };

  app.post(
    '/api/sites',
    {
      config: { scope: 'intel:write' },
      schema: { tags, summary: 'Register a protected site', body: siteInputSchema },
    },
    async (request, reply) => {
      const actor = requirePrincipal(request).user;
      const created = await createSite(deps, request.body, actor, originOf(request));
      if (!created.ok) throw toAppError(created.error);
      return reply.status(201).send(await readOr404(created.value, actor));
    },
  );

  app.get(
    '/api/sites',
    {
      config: { scope: 'intel:read' },
      schema: {
        tags,
        summary: 'Protected sites the caller may read, by name',
        querystring: siteListQuerySchema,
      },
    },
    async (request) => {
      const reader = requirePrincipal(request).user;
      const { limit, cursor, ...filters } = request.query;
      let after: string[] | undefined;
      if (cursor !== undefined) {
        after = decodeCursor(cursor, 2);
        if (after === undefined) throw new AppError('BAD_REQUEST');
      }
      const page = await listSitesFor(deps, reader, filters, { limit, after });
      const extras = await loadSiteExtras(deps.db, page.rows);
      return {
        items: page.rows.map((row) => presentSite(row, reader, extras)),
        nextCursor: page.nextKey ? encodeCursor(page.nextKey) : null,
      };
    },
  );

  app.get(
    '/api/sites/:id',
    {
      config: { scope: 'intel:read' },
      schema: { tags, summary: 'One protected site', params: siteParamsSchema },
    },
    async (request) => readOr404(request.params.id, requirePrincipal(request).user),
  );

  app.put(
    '/api/sites/:id',
    {
      config: { scope: 'intel:write' },
      schema: {
        tags,
        summary: 'Correct a protected site (a new version)',
        params: siteParamsSchema,
        body: siteInputSchema,
      },
    },
    async (request) => {
      const actor = requirePrincipal(request).user;
      const { id } = request.params;
      const updated = await updateSite(deps, id, request.body, actor, originOf(request));
      if (!updated.ok) throw toAppError(updated.error);
      return readOr404(id, actor);
    },
  );

  app.post(
    '/api/sites/:id/revoke',
    {
      config: { scope: 'intel:write' },
      schema: {
        tags,
        summary: 'Revoke a protected site (a final version; it leaves every list)',
        params: siteParamsSchema,
        body: revocationInputSchema,
      },
    },
    async (request) => {
      const actor = requirePrincipal(request).user;
      const { id } = request.params;
      const revoked = await revokeSite(deps, id, request.body.reason, actor, originOf(request));
      if (!revoked.ok) throw toAppError(revoked.error);
      return readOr404(id, actor);
    },
  );

  app.get(
    '/api/sites/:id/history',
    {
      config: { scope: 'intel:read' },
      schema: {
        tags,
        summary: 'Every version the caller may read, newest first',
        params: siteParamsSchema,
      },
    },
    async (request) => {
      const reader = requirePrincipal(request).user;
      const versions = await readSiteHistory(deps, request.params.id, reader);
      if (!versions) throw new AppError('NOT_FOUND');
      return { versions: versions.map((version) => presentSiteVersion(version, reader)) };
    },
  );
};
