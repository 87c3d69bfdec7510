/**
 * Builds the HTTP server: Fastify with zod validation and serialisation,
 * OpenAPI generated from the same schemas, the security layers every request
 * passes (headers, origin check, authentication), each module's routes and
 * the web app. Starting to listen is the caller's business.
 */
import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { auditRoutes } from '../modules/audit/audit.routes.js';
import { incidentRoutes } from '../modules/incidents/incidents.routes.js';
import { incidentBulkRoutes } from '../modules/incidents/incidents.bulk.routes.js';
import { intelRoutes } from '../modules/intel/intel.routes.js';
import { notificationRoutes } from '../modules/notifications/notifications.routes.js';
import { coordinationRoutes } from '../modules/coordination/coordination.routes.js';
import { attachmentRoutes } from '../modules/attachments/attachments.routes.js';
import { incidentGeoRoutes } from '../modules/incidents/incidents.geo.routes.js';
import { incidentExportRoutes } from '../modules/incidents/incidents.export.routes.js';
import { sitrepRoutes } from '../modules/sitrep/sitrep.routes.js';
import { siteRoutes } from '../modules/sites/sites.routes.js';
import { adminRoutes } from '../modules/identity/admin.routes.js';
import { directoryRoutes } from '../modules/identity/directory.routes.js';
import { authRoutes } from '../modules/identity/auth.routes.js';
import { meRoutes } from '../modules/identity/me.routes.js';
import { alertRoutes } from '../modules/alerts/alerts.routes.js';
import { placeRoutes } from '../modules/places/places.routes.js';
import { systemRoutes } from '../modules/system/system.routes.js';
import { movementRoutes } from '../modules/movements/movements.routes.js';
import { alarmRoutes } from '../modules/alarms/alarms.routes.js';
import { liveRoutes } from '../modules/live/live.routes.js';
import { webhookRoutes } from '../modules/webhooks/webhooks.routes.js';
import { registerTaxiiRoutes } from '../modules/federation/taxii/taxii.plugin.js';
import { alertForReader } from '../modules/alerts/alerts.service.js';
import { alarmForReader } from '../modules/alarms/alarms.read.js';
import { movementSummaryForReader } from '../modules/movements/movements.read.js';
import { peerRoutes } from '../modules/federation/peers.routes.js';
import { noticeRoutes } from '../modules/federation/notices.js';
import { egressPreviewRoutes } from '../modules/federation/egress-preview.routes.js';
import { peerCollections } from '../modules/federation/peer-collections.js';
import type { AppContext } from './context.js';
import { installAuthentication } from './http/authentication.js';
import { installErrorHandler } from './http/error-handler.js';
import { installSecurityHeaders } from './http/security-headers.js';
import { installWebApp, loadWebIndex } from './http/web-app.js';

export const LOG_REDACTIONS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.secret',
];

export function sessionCookieName(secure: boolean): string {
  // The __Host- prefix pins the cookie to this host and path, over HTTPS only.
  return secure ? '__Host-tandem_session' : 'tandem_session';
}

export interface ServerOptions {
  /** Where logs go (standard output by default); tests read them. */
  logStream?: { write(line: string): void };
}

export async function buildServer(
  context: AppContext,
  options: ServerOptions = {},
): Promise<FastifyInstance> {
  const { config } = context;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: { paths: LOG_REDACTIONS, censor: '[redacted]' },
      // Headers are logged (minus secrets) because request tracing across nodes needs them.
      serializers: {
        req: (request: FastifyRequest) => ({
          method: request.method,
          url: request.url,
          headers: request.headers,
          remoteAddress: request.ip,
        }),
      },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    genReqId: () => randomUUID(),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Live streams stay open until the client goes: closing the server must not wait for them.
    forceCloseConnections: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // First, so that every plugin registered below inherits it.
  const webIndex = loadWebIndex(config.webDir);
  installErrorHandler(app, webIndex);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Tandem API',
        version: '0.1.0',
        description: 'Joint security management: identity, intelligence, protection, federation.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: sessionCookieName(config.secureCookies) },
          token: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API token (tdm_…) created under Security in the web app.',
          },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(async (docs) => {
    docs.addHook('onRoute', (route) => {
      route.config = { ...(route.config ?? {}), public: true };
    });
    await docs.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  });

  const cookieName = sessionCookieName(config.secureCookies);
  const allowedOrigins = config.publicUrl ? [new URL(config.publicUrl).origin] : [];
  await app.register(fastifyCookie);
  installSecurityHeaders(app, { hsts: config.publicUrl?.startsWith('https://') ?? false });
  installAuthentication(app, context.identity, { cookieName, allowedOrigins });

  await app.register(systemRoutes, { storage: context.storage });
  await app.register(authRoutes, {
    identity: context.identity,
    cookieName,
    secureCookies: config.secureCookies,
    nodeName: () => context.nodeName(),
  });
  await app.register(meRoutes, { identity: context.identity });
  await app.register(adminRoutes, { identity: context.identity });
  await app.register(directoryRoutes, { identity: context.identity });
  await app.register(auditRoutes, { db: context.storage.db, audit: context.audit });
  const recordDeps = {
    db: context.storage.db,
    clock: context.clock,
    audit: context.audit,
    capabilities: context.storage.capabilities,
  };
  await app.register(incidentRoutes, { deps: recordDeps });
  await app.register(incidentBulkRoutes, { deps: recordDeps });
  await app.register(intelRoutes, { deps: recordDeps });
  await app.register(coordinationRoutes, { deps: recordDeps });
  await app.register(notificationRoutes, { deps: recordDeps });
  await app.register(attachmentRoutes, { deps: recordDeps, maxBytes: config.attachmentMaxBytes });
  await app.register(incidentGeoRoutes, { deps: recordDeps });
  await app.register(incidentExportRoutes, { deps: recordDeps });
  await app.register(sitrepRoutes, { deps: recordDeps });
  const protectionDeps = { ...recordDeps, live: context.live, protection: config.protection };
  // Protection routes (issue 4) are registered below this line.
  await app.register(webhookRoutes, { deps: protectionDeps });
  await app.register(liveRoutes, {
    deps: protectionDeps,
    resolvers: {
      alert: (id, reader) => alertForReader(protectionDeps, id, reader),
      alarm: (id, reader) => alarmForReader(protectionDeps, id, reader),
      movement: (id, reader) => movementSummaryForReader(protectionDeps, id, reader),
    },
  });
  await app.register(movementRoutes, { deps: protectionDeps });
  await app.register(alarmRoutes, { deps: protectionDeps });
  await app.register(alertRoutes, { deps: protectionDeps });
  await app.register(siteRoutes, { deps: protectionDeps });
  // federation routes
  const federationDeps = {
    db: context.storage.db,
    clock: context.clock,
    audit: context.audit,
    capabilities: context.storage.capabilities,
    wake: (peerId: string) => context.pullWakeups.wake(peerId),
    node: () => context.nodeIdentity(),
  };
  await app.register(peerRoutes, { deps: federationDeps });
  await app.register(noticeRoutes, { deps: federationDeps });
  await app.register(egressPreviewRoutes, { deps: federationDeps });
  const peerCollectionsOfNode = peerCollections(federationDeps);
  await registerTaxiiRoutes(app, {
    ...recordDeps,
    identity: context.identity,
    maxContentLength: config.federation.taxiiMaxBytes,
    nodeName: () => context.nodeName(),
    publicUrl: config.publicUrl,
    peerCollections: peerCollectionsOfNode,
  });
  await app.register(placeRoutes);

  if (webIndex !== undefined && config.webDir) await installWebApp(app, config.webDir);
  return app;
}
