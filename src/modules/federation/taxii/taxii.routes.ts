/**
 * The TAXII 2.1 API under /taxii2/: discovery, the one API root
 * (/taxii2/tandem/), collections, objects (GET and POST), one object, its
 * versions, the manifest, and status resources. Thin handlers: who sees
 * which collection is taxii.collections.ts, the pages come from collection
 * sources, bodies are built in taxii.envelope.ts. Every route authenticates
 * itself (taxii.auth.ts) after the body was read as raw bytes, so the
 * global hook lets them through as public; every answer, errors included, is
 * `application/taxii+json;version=2.1`.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../core/errors.js';
import { originOf } from '../../../app/http/request-context.js';
import { collectionFor, statusFor, visibleCollections } from './taxii.collections.js';
import { taxiiAuthentication, taxiiPrincipalOf } from './taxii.auth.js';
import {
  InvalidNextToken,
  type CollectionInfo,
  type CollectionSource,
  type ObjectQuery,
  type ObjectsPage,
} from './taxii.contract.js';
import type { TaxiiDeps } from './taxii.deps.js';
import {
  dateAddedHeaders,
  envelopeJson,
  manifestOf,
  readEnvelope,
  versionsOf,
} from './taxii.envelope.js';
import { installTaxiiErrors } from './taxii.errors.js';
import { sendTaxiiText } from './taxii.reply.js';
import { isTaxiiContentType, STIX_MEDIA_TYPE, TAXII_MEDIA_TYPE } from './taxii.media.js';
import { readObjectQuery, type QueryOptions } from './taxii.query.js';
import { presentStatus } from './taxii.status.js';

export const TAXII_PREFIX = '/taxii2';
export const API_ROOT_PATH = `${TAXII_PREFIX}/tandem/`;

const doc = (summary: string) => ({ tags: ['taxii'], summary });

interface CollectionParams {
  id: string;
}
interface ObjectParams extends CollectionParams {
  objectId: string;
}

function presentCollection(info: CollectionInfo) {
  return {
    id: info.id,
    title: info.title,
    ...(info.description !== undefined ? { description: info.description } : {}),
    can_read: info.canRead,
    can_write: info.canWrite,
    media_types: [STIX_MEDIA_TYPE],
  };
}

function sendTaxii(reply: FastifyReply, body: unknown, headers: Record<string, string> = {}) {
  return sendTaxiiText(reply, JSON.stringify(body), headers);
}

function queryOf(raw: unknown, options?: QueryOptions): ObjectQuery {
  const read = readObjectQuery((raw ?? {}) as Record<string, unknown>, options);
  if (!read.ok)
    throw new AppError('BAD_REQUEST', { issues: [{ path: 'query', message: read.error }] });
  return read.value;
}

async function pageOf(source: CollectionSource, query: ObjectQuery): Promise<ObjectsPage> {
  if (!source.info.canRead) throw new AppError('FORBIDDEN');
  try {
    return await source.objects(query);
  } catch (error) {
    if (error instanceof InvalidNextToken) {
      throw new AppError('BAD_REQUEST', { issues: [{ path: 'next', message: error.message }] });
    }
    throw error;
  }
}

export const taxiiApiRoutes: FastifyPluginAsync<{ deps: TaxiiDeps }> = async (app, { deps }) => {
  app.decorateRequest('taxiiPrincipal', null);
  installTaxiiErrors(app);
  // Bodies stay raw bytes: a peer's signature covers them, and stored objects keep their exact text.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: deps.maxContentLength },
    (_request, body, done) => done(null, body),
  );

  const config = { public: true };
  const read = { config, preHandler: taxiiAuthentication(deps, ['intel:read']) };
  const write = { config, preHandler: taxiiAuthentication(deps, ['intel:write']) };
  const status = { config, preHandler: taxiiAuthentication(deps, ['intel:read', 'intel:write']) };

  const collectionOr404 = async (request: FastifyRequest, id: string) => {
    const collection = await collectionFor(deps, taxiiPrincipalOf(request), id);
    if (!collection) throw new AppError('NOT_FOUND');
    return collection;
  };

  app.get(
    '/',
    { ...read, schema: doc('TAXII discovery: this node and its API root') },
    async (_request, reply) => {
      const apiRoot = deps.publicUrl ? new URL(API_ROOT_PATH, deps.publicUrl).href : API_ROOT_PATH;
      return sendTaxii(reply, {
        title: await deps.nodeName(),
        description: 'Tandem TAXII 2.1 server',
        default: apiRoot,
        api_roots: [apiRoot],
      });
    },
  );

  app.get(
    '/tandem/',
    { ...read, schema: doc('The API root: TAXII versions and the largest body accepted') },
    async (_request, reply) =>
      sendTaxii(reply, {
        title: await deps.nodeName(),
        description: 'Collections of STIX 2.1 objects this node shares',
        versions: [TAXII_MEDIA_TYPE],
        max_content_length: deps.maxContentLength,
      }),
  );

  app.get(
    '/tandem/collections/',
    { ...read, schema: doc('The collections the caller may read') },
    async (request, reply) => {
      const collections = await visibleCollections(deps, taxiiPrincipalOf(request));
      return sendTaxii(
        reply,
        collections.length > 0 ? { collections: collections.map(presentCollection) } : {},
      );
    },
  );

  app.get<{ Params: CollectionParams }>(
    '/tandem/collections/:id/',
    { ...read, schema: doc('One collection') },
    async (request, reply) => {
      const collection = await collectionOr404(request, request.params.id);
      return sendTaxii(reply, presentCollection(collection.source.info));
    },
  );

  app.get<{ Params: CollectionParams }>(
    '/tandem/collections/:id/objects/',
    { ...read, schema: doc('A page of objects, in the order they were added') },
    async (request, reply) => {
      const collection = await collectionOr404(request, request.params.id);
      const page = await pageOf(collection.source, queryOf(request.query));
      return sendTaxiiText(reply, envelopeJson(page), dateAddedHeaders(page.objects));
    },
  );

  app.post<{ Params: CollectionParams }>(
    '/tandem/collections/:id/objects/',
    {
      ...write,
      bodyLimit: deps.maxContentLength,
      schema: doc('Add objects (an envelope); answers a status'),
    },
    async (request, reply) => {
      if (!isTaxiiContentType(request.headers['content-type'])) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      }
      const collection = await collectionOr404(request, request.params.id);
      if (!collection.source.info.canWrite) throw new AppError('FORBIDDEN');
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const envelope = readEnvelope(body);
      if (!envelope.ok) {
        const principal = taxiiPrincipalOf(request);
        await deps.audit.record({
          action: 'federation.refused',
          outcome: 'denied',
          ...originOf(request),
          actor:
            principal.kind === 'user'
              ? { userId: principal.user.userId, orgId: principal.user.orgId }
              : undefined,
          target: principal.kind === 'peer' ? { type: 'peer', id: principal.peer.id } : undefined,
          details: {
            channel: 'taxii',
            reason: 'envelope_malformed',
            collection: request.params.id,
          },
        });
        throw new AppError('ENVELOPE_MALFORMED', {
          issues: [{ path: 'body', message: envelope.detail ?? envelope.error }],
        });
      }
      const stored = await collection.add(envelope.value, originOf(request));
      return sendTaxii(reply.status(202), presentStatus(stored));
    },
  );

  app.get<{ Params: ObjectParams }>(
    '/tandem/collections/:id/objects/:objectId/',
    { ...read, schema: doc('One object (its last version unless asked otherwise)') },
    async (request, reply) => {
      const collection = await collectionOr404(request, request.params.id);
      const query = queryOf(request.query, { objectId: request.params.objectId });
      const page = await pageOf(collection.source, query);
      if (page.objects.length === 0 && query.next === undefined) throw new AppError('NOT_FOUND');
      return sendTaxiiText(reply, envelopeJson(page), dateAddedHeaders(page.objects));
    },
  );

  app.get<{ Params: ObjectParams }>(
    '/tandem/collections/:id/objects/:objectId/versions/',
    { ...read, schema: doc('The versions of one object') },
    async (request, reply) => {
      const collection = await collectionOr404(request, request.params.id);
      const query = queryOf(request.query, {
        objectId: request.params.objectId,
        allVersions: true,
      });
      const page = await pageOf(collection.source, query);
      if (page.objects.length === 0 && query.next === undefined) throw new AppError('NOT_FOUND');
      return sendTaxii(reply, versionsOf(page), dateAddedHeaders(page.objects));
    },
  );

  app.get<{ Params: CollectionParams }>(
    '/tandem/collections/:id/manifest/',
    { ...read, schema: doc('The manifest: id, version and date added of each object') },
    async (request, reply) => {
      const collection = await collectionOr404(request, request.params.id);
      const page = await pageOf(collection.source, queryOf(request.query));
      return sendTaxii(reply, manifestOf(page), dateAddedHeaders(page.objects));
    },
  );

  app.get<{ Params: { statusId: string } }>(
    '/tandem/status/:statusId/',
    { ...status, schema: doc('The status of an earlier POST (its owner only)') },
    async (request, reply) => {
      const row = await statusFor(deps, taxiiPrincipalOf(request), request.params.statusId);
      if (!row) throw new AppError('NOT_FOUND');
      return sendTaxii(reply, presentStatus(row));
    },
  );
};
