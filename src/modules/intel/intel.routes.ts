/**
 * The intelligence module's routes, registered as one plugin: threat actors,
 * threat reports, corroborations and the sharing preview. Reads need the
 * 'intel:read' token scope, writes 'intel:write'.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { threatActorRoutes } from './actors.routes.js';
import { corroborationRoutes } from './corroborations.routes.js';
import type { IntelDeps } from './intel.records.js';
import { threatReportExportRoutes } from './reports.export.routes.js';
import { threatReportMapRoutes } from './reports.map.routes.js';
import { threatReportReadRoutes } from './reports.read.routes.js';
import { threatReportWriteRoutes } from './reports.write.routes.js';

export const intelRoutes: FastifyPluginAsyncZod<{ deps: IntelDeps }> = async (app, { deps }) => {
  await app.register(threatActorRoutes, { deps });
  await app.register(threatReportReadRoutes, { deps });
  await app.register(threatReportMapRoutes, { deps });
  await app.register(threatReportExportRoutes, { deps });
  await app.register(threatReportWriteRoutes, { deps });
  await app.register(corroborationRoutes, { deps });
};
