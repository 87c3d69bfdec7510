/** Reading threat reports over HTTP: list, detail (with corroboration counts) and history. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { decodeCursor, encodeCursor } from '../../core/pagination.js';
import { requirePrincipal } from '../../app/http/request-context.js';
import type { IntelDeps } from './intel.records.js';
import {
  presentThreatReport,
  presentThreatReportSummary,
  presentThreatReportVersion,
} from './intel.presenter.js';
import { recordIdSchema } from './intel.schema.js';
import { reportListQuerySchema, type ReportListQuery } from './reports.query.js';
import { readThreatReportDetail, readThreatReportVersions } from './reports.detail.service.js';
import { listThreatReportsFor, type AreaFilter } from './reports.read.service.js';
import type { ReportFilters } from './reports.repository.js';

export const reportIdParams = z.object({ id: recordIdSchema('threat-report') });

/** The filters of a query; `capabilities` turns the search words into the engine's text matches. */
export function filtersOf(
  query: Omit<ReportListQuery, 'limit' | 'cursor' | 'lat' | 'lon' | 'radiusKm'>,
  capabilities: IntelDeps['capabilities'],
): ReportFilters {
  const words = query.q?.split(/\s+/u).filter((word) => word !== '') ?? [];
  return {
    textMatches: words.map((word) => capabilities.recordContains(word, 'threat_reports')),
    status: query.status,
    from: query.from,
    to: query.to,
    sourceReliability: query.sourceReliability,
    informationCredibility: query.informationCredibility,
    targetType: query.targetType,
    createdBy: query.orgId,
    marking: query.marking,
  };
}

function areaOf(query: ReportListQuery): AreaFilter | undefined {
  const { lat, lon, radiusKm } = query;
  // The query schema accepts the three together or none.
  return lat === undefined || lon === undefined || radiusKm === undefined
    ? undefined
    : { centre: { lat, lon }, radiusKm };
}

export const threatReportReadRoutes: FastifyPluginAsyncZod<{ deps: IntelDeps }> = async (
  app,
  { deps },
) => {
  app.get(
    '/api/threat-reports',
    {
      config: { scope: 'intel:read' },
      schema: {
        tags: ['intel'],
        summary: 'Threat reports the caller may read, latest validity first',
        querystring: reportListQuerySchema,
      },
    },
    async (request) => {
      const reader = requirePrincipal(request).user;
      const { cursor, limit } = request.query;
      const after = cursor === undefined ? undefined : decodeCursor(cursor, 2);
      if (cursor !== undefined && after === undefined) throw new AppError('BAD_REQUEST');
      const rows = await listThreatReportsFor(
        deps,
        reader,
        filtersOf(request.query, deps.capabilities),
        areaOf(request.query),
        { limit: limit + 1, after: after as [string, string] | undefined },
      );
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(presentThreatReportSummary),
        nextCursor: rows.length > limit && last ? encodeCursor([last.valid_from, last.id]) : null,
      };
    },
  );

  app.get(
    '/api/threat-reports/:id',
    {
      config: { scope: 'intel:read' },
      schema: {
        tags: ['intel'],
        summary: 'One threat report, with its corroboration counts',
        params: reportIdParams,
      },
    },
    async (request) => {
      const reader = requirePrincipal(request).user;
      const detail = await readThreatReportDetail(deps, request.params.id, reader);
      if (!detail) throw new AppError('NOT_FOUND');
      return {
        threatReport: presentThreatReport(detail.report, reader, detail.actors, detail.counts),
      };
    },
  );

  app.get(
    '/api/threat-reports/:id/history',
    {
      config: { scope: 'intel:read' },
      schema: {
        tags: ['intel'],
        summary: 'Every version the caller may read, newest first',
        params: reportIdParams,
      },
    },
    async (request) => {
      const reader = requirePrincipal(request).user;
      const history = await readThreatReportVersions(deps, request.params.id, reader);
      if (!history) throw new AppError('NOT_FOUND');
      return {
        versions: history.versions.map((version) =>
          presentThreatReportVersion(version, reader, history.readableActorIds),
        ),
      };
    },
  );
};
