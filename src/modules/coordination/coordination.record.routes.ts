/**
 * The five routes every coordination record type has — create, read one,
 * correct (a new version), revoke (a final version) and history — registered
 * from one description per type so that the five types cannot drift apart in
 * how they apply the policy.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import type { Result } from '../../core/result.js';
import { originOf, requirePrincipal } from '../../app/http/request-context.js';
import type { CurrentUser, RequestOrigin } from '../identity/identity.types.js';
import { recordIdSchema } from '../intel/intel.schema.js';
import type { RecordRow } from '../records/records.repository.js';
import { toAppError } from './coordination.errors.js';
import { presentCoordinationVersion } from './coordination.presenter.js';
import {
  readCoordinationHistory,
  readCoordinationRecord,
  type CoordinationDeps,
  type CoordinationError,
} from './coordination.records.js';
import { revokeCoordinationRecord } from './coordination.revocation.js';
import { revocationInputSchema, type CoordinationType } from './coordination.schema.js';

type Written = Promise<Result<string, CoordinationError>>;

export interface RecordRouteSpec<S extends z.ZodType> {
  type: CoordinationType;
  /** e.g. '/api/working-groups' */
  path: string;
  /** The answer's key, e.g. 'workingGroup'. */
  key: string;
  noun: string;
  body: S;
  create(deps: CoordinationDeps, input: z.output<S>, actor: CurrentUser, o: RequestOrigin): Written;
  update(
    deps: CoordinationDeps,
    id: string,
    input: z.output<S>,
    actor: CurrentUser,
    o: RequestOrigin,
  ): Written;
  present(record: RecordRow, reader: CurrentUser): object;
}

export function recordRoutes<S extends z.ZodType>(
  spec: RecordRouteSpec<S>,
): FastifyPluginAsyncZod<{ deps: CoordinationDeps }> {
  const params = z.object({ id: recordIdSchema(spec.type) });
  const tags = ['coordination'];
  return async (app, { deps }) => {
    const readOr404 = async (id: string, reader: CurrentUser) => {
      const found = await readCoordinationRecord(deps, spec.type, id, reader);
      if (!found) throw new AppError('NOT_FOUND');
      return { [spec.key]: spec.present(found, reader) };
    };

    app.post(
      spec.path,
      {
        config: { scope: 'intel:write' },
        schema: { tags, summary: `Record a ${spec.noun}`, body: spec.body },
      },
      async (request, reply) => {
        const actor = requirePrincipal(request).user;
        const input = request.body as z.output<S>;
        const created = await spec.create(deps, input, actor, originOf(request));
        if (!created.ok) throw toAppError(created.error, created.detail);
        return reply.status(201).send(await readOr404(created.value, actor));
      },
    );

    app.get(
      `${spec.path}/:id`,
      { config: { scope: 'intel:read' }, schema: { tags, summary: `One ${spec.noun}`, params } },
      async (request) => readOr404(request.params.id, requirePrincipal(request).user),
    );

    app.put(
      `${spec.path}/:id`,
      {
        config: { scope: 'intel:write' },
        schema: {
          tags,
          summary: `Correct a ${spec.noun} (a new version)`,
          params,
          body: spec.body,
        },
      },
      async (request) => {
        const actor = requirePrincipal(request).user;
        const input = request.body as z.output<S>;
        const id = request.params.id;
        const updated = await spec.update(deps, id, input, actor, originOf(request));
        if (!updated.ok) throw toAppError(updated.error, updated.detail);
        return readOr404(id, actor);
      },
    );

    app.post(
      `${spec.path}/:id/revoke`,
      {
        config: { scope: 'intel:write' },
        schema: {
          tags,
          summary: `Revoke a ${spec.noun} (a final version; it leaves every list)`,
          params,
          body: revocationInputSchema,
        },
      },
      async (request) => {
        const actor = requirePrincipal(request).user;
        const id = request.params.id;
        const { reason } = request.body;
        const revoked = await revokeCoordinationRecord(
          deps,
          spec.type,
          id,
          reason,
          actor,
          originOf(request),
        );
        if (!revoked.ok) throw toAppError(revoked.error, revoked.detail);
        return readOr404(id, actor);
      },
    );

    app.get(
      `${spec.path}/:id/history`,
      {
        config: { scope: 'intel:read' },
        schema: { tags, summary: 'Every version the caller may read, newest first', params },
      },
      async (request) => {
        const reader = requirePrincipal(request).user;
        const versions = await readCoordinationHistory(deps, spec.type, request.params.id, reader);
        if (!versions) throw new AppError('NOT_FOUND');
        return { versions: versions.map((version) => presentCoordinationVersion(version, reader)) };
      },
    );
  };
}
