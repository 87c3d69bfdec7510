/**
 * The TAXII collection management API for administrators, under
 * /api/taxii/collections: list, create, remove. Thin handlers; the rules are
 * in collections.service.ts. (TAXII clients use /taxii2/, not this.)
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode } from '../../../core/errors.js';
import { originOf, requirePrincipal } from '../../../app/http/request-context.js';
import { presentCollection } from './collections.presenter.js';
import { collectionIdParamsSchema, collectionInputSchema } from './collections.schema.js';
import {
  createCollection,
  listCollectionsFor,
  removeCollection,
  type CollectionDeps,
  type CollectionError,
} from './collections.service.js';

const tags = ['taxii'];

const ERROR_CODES: Record<CollectionError, ErrorCode> = {
  forbidden: 'FORBIDDEN',
  not_found: 'NOT_FOUND',
  release_invalid: 'VALIDATION_FAILED',
};

function refused(error: CollectionError, detail?: string): AppError {
  return new AppError(
    ERROR_CODES[error],
    error === 'release_invalid'
      ? { issues: [{ path: 'releasableTo', message: detail ?? 'does not fit the marking' }] }
      : {},
  );
}

export const collectionRoutes: FastifyPluginAsyncZod<{ deps: CollectionDeps }> = async (
  app,
  { deps },
) => {
  app.get(
    '/api/taxii/collections',
    {
      config: { scope: 'admin' },
      schema: {
        tags,
        summary:
          "TAXII collections the caller administers (an organisation's own; every one for node administrators)",
      },
    },
    async (request) => {
      const listed = await listCollectionsFor(deps, requirePrincipal(request).user);
      if (!listed.ok) throw refused(listed.error);
      return { items: listed.value.map(presentCollection) };
    },
  );

  app.post(
    '/api/taxii/collections',
    {
      config: { scope: 'admin' },
      schema: {
        tags,
        summary:
          'Create a TAXII collection; its marking and release list decide who reads and writes it',
        body: collectionInputSchema,
      },
    },
    async (request, reply) => {
      const user = requirePrincipal(request).user;
      const created = await createCollection(deps, request.body, user, originOf(request));
      if (!created.ok) throw refused(created.error, created.detail);
      return reply.code(201).send(presentCollection(created.value));
    },
  );

  app.delete(
    '/api/taxii/collections/:id',
    {
      config: { scope: 'admin' },
      schema: {
        tags,
        summary: 'Remove a TAXII collection: TAXII clients no longer see it',
        params: collectionIdParamsSchema,
      },
    },
    async (request, reply) => {
      const user = requirePrincipal(request).user;
      const removed = await removeCollection(deps, request.params.id, user, originOf(request));
      if (!removed.ok) throw refused(removed.error);
      return reply.code(204).send();
    },
  );
};
