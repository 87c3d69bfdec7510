/** Writing threat reports over HTTP: create (a draft), correct, publish, revoke. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../core/errors.js';
import { originOf, requirePrincipal } from '../../app/http/request-context.js';
import type { CurrentUser } from '../identity/identity.types.js';
import { toAppError } from './intel.errors.js';
import type { IntelDeps } from './intel.records.js';
import { presentThreatReport } from './intel.presenter.js';
import { threatReportInputSchema } from './intel.schema.js';
import { readThreatReportDetail } from './reports.detail.service.js';
import { publishThreatReport, revokeThreatReport } from './reports.lifecycle.service.js';
import { reportIdParams } from './reports.read.routes.js';
import { createThreatReport, updateThreatReport } from './reports.write.service.js';

/**
 * Large enough that an oversized narrative or polygon reaches validation and
 * is refused with the field named, rather than as an anonymous "too large".
 */
const REPORT_BODY_LIMIT = 4 * 1024 * 1024;

export const threatReportWriteRoutes: FastifyPluginAsyncZod<{ deps: IntelDeps }> = async (
  app,
  { deps },
) => {
  const present = async (id: string, reader: CurrentUser) => {
    const detail = await readThreatReportDetail(deps, id, reader);
    if (!detail) throw new AppError('NOT_FOUND');
    return {
      threatReport: presentThreatReport(detail.report, reader, detail.actors, detail.counts),
    };
  };

  app.post(
    '/api/threat-reports',
    {
      bodyLimit: REPORT_BODY_LIMIT,
      config: { scope: 'intel:write' },
      schema: {
        tags: ['intel'],
        summary: 'Write a threat report (a draft until published)',
        body: threatReportInputSchema,
      },
    },
    async (request, reply) => {
      const actor = requirePrincipal(request).user;
      const created = await createThreatReport(deps, request.body, actor, originOf(request));
      if (!created.ok) throw toAppError(created.error);
      return reply.status(201).send(await present(created.value, actor));
    },
  );

  app.put(
    '/api/threat-reports/:id',
    {
      bodyLimit: REPORT_BODY_LIMIT,
      config: { scope: 'intel:write' },
      schema: {
        tags: ['intel'],
        summary: 'Correct a threat report (a new version)',
        params: reportIdParams,
        body: threatReportInputSchema,
      },
    },
    async (request) => {
      const actor = requirePrincipal(request).user;
      const updated = await updateThreatReport(
        deps,
        request.params.id,
        request.body,
        actor,
        originOf(request),
      );
      if (!updated.ok) throw toAppError(updated.error);
      return present(request.params.id, actor);
    },
  );

  app.post(
    '/api/threat-reports/:id/publish',
    {
      config: { scope: 'intel:write' },
      schema: {
        tags: ['intel'],
        summary: 'Publish a draft to its audience (a new version)',
        params: reportIdParams,
      },
    },
    async (request) => {
      const actor = requirePrincipal(request).user;
      const published = await publishThreatReport(
        deps,
        request.params.id,
        actor,
        originOf(request),
      );
      if (!published.ok) throw toAppError(published.error);
      return present(request.params.id, actor);
    },
  );

  app.post(
    '/api/threat-reports/:id/revoke',
    {
      config: { scope: 'intel:write' },
      schema: {
        tags: ['intel'],
        summary: 'Revoke a published report (a new version marked revoked)',
        params: reportIdParams,
      },
    },
    async (request) => {
      const actor = requirePrincipal(request).user;
      const revoked = await revokeThreatReport(deps, request.params.id, actor, originOf(request));
      if (!revoked.ok) throw toAppError(revoked.error);
      return { modified: revoked.value };
    },
  );
};
