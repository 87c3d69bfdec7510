/** Liveness and readiness probes for load balancers and orchestrators. */
import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../core/errors.js';
import type { Storage } from '../../storage/database.js';

export const systemRoutes: FastifyPluginAsyncZod<{ storage: Storage }> = async (
  app,
  { storage },
) => {
  app.get(
    '/healthz',
    { config: { public: true }, schema: { tags: ['system'], summary: 'The process is alive' } },
    async () => ({ status: 'ok' }),
  );

  app.get(
    '/readyz',
    {
      config: { public: true },
      schema: { tags: ['system'], summary: 'The node can serve: its database answers' },
    },
    async () => {
      try {
        await sql`select 1`.execute(storage.db);
      } catch (error) {
        throw new AppError('NOT_READY', { cause: error });
      }
      return { status: 'ready', storage: storage.engine };
    },
  );
};
