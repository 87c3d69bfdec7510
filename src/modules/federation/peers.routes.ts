/**
 * Peers over HTTP, for node administrators: this node's identity (what a
 * partner needs to register it), the peers with their pull state, add,
 * change, remove, and "pull now". Thin handlers; rules in peers.service.ts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode } from '../../core/errors.js';
import { originOf, requirePrincipal } from '../../app/http/request-context.js';
import { isNodeAdmin } from '../identity/identity.authorization.js';
import { presentNodeIdentity, presentPeer } from './peers.presenter.js';
import type { NodeIdentityRow } from './peers.repository.js';
import { peerChangesSchema, peerIdParamsSchema, peerInputSchema } from './peers.schema.js';
import {
  addPeer,
  changePeer,
  listPeersFor,
  removePeer,
  type PeerDeps,
  type PeerError,
} from './peers.service.js';
import { findPeerSync, listPeerSync } from './sync.repository.js';

const tags = ['federation'];

const ERROR_CODES: Record<PeerError, ErrorCode> = {
  forbidden: 'FORBIDDEN',
  not_found: 'NOT_FOUND',
  url_refused: 'PEER_URL_REFUSED',
  key_invalid: 'VALIDATION_FAILED',
  already_registered: 'CONFLICT',
  organisation_is_local: 'CONFLICT',
  organisation_hosted_elsewhere: 'CONFLICT',
};

export interface PeerRouteDeps extends PeerDeps {
  /** Wakes this process's pull of a peer. */
  wake(peerId: string): void;
  /** This node's identity, made on first use. */
  node(): Promise<{ identity: NodeIdentityRow }>;
}

export const peerRoutes: FastifyPluginAsyncZod<{ deps: PeerRouteDeps }> = async (app, { deps }) => {
  app.get(
    '/api/federation/node',
    {
      config: { scope: 'admin' },
      schema: { tags, summary: "This node's STIX identity and public key (node administrators)" },
    },
    async (request) => {
      if (!isNodeAdmin(requirePrincipal(request).user)) throw new AppError('FORBIDDEN');
      return presentNodeIdentity((await deps.node()).identity);
    },
  );

  app.get(
    '/api/peers',
    {
      config: { scope: 'admin' },
      schema: { tags, summary: 'Peers with their pull state (node administrators)' },
    },
    async (request) => {
      const listed = await listPeersFor(deps, requirePrincipal(request).user);
      if (!listed.ok) throw new AppError(ERROR_CODES[listed.error]);
      const states = new Map((await listPeerSync(deps.db)).map((row) => [row.peer_id, row]));
      return { items: listed.value.map((peer) => presentPeer(peer, states.get(peer.id))) };
    },
  );

  app.post(
    '/api/peers',
    {
      config: { scope: 'admin' },
      schema: {
        tags,
        summary: 'Register a peer node (node administrators)',
        body: peerInputSchema,
      },
    },
    async (request, reply) => {
      const added = await addPeer(
        deps,
        request.body,
        requirePrincipal(request).user,
        originOf(request),
      );
      if (!added.ok) throw new AppError(ERROR_CODES[added.error]);
      deps.wake(added.value.id);
      return reply.code(201).send(presentPeer(added.value));
    },
  );

  app.patch(
    '/api/peers/:id',
    {
      config: { scope: 'admin' },
      schema: {
        tags,
        summary: 'Change a peer: name, address, hosted organisations',
        params: peerIdParamsSchema,
        body: peerChangesSchema,
      },
    },
    async (request) => {
      const changed = await changePeer(
        deps,
        request.params.id,
        request.body,
        requirePrincipal(request).user,
        originOf(request),
      );
      if (!changed.ok) throw new AppError(ERROR_CODES[changed.error]);
      return presentPeer(changed.value, await findPeerSync(deps.db, changed.value.id));
    },
  );

  app.delete(
    '/api/peers/:id',
    {
      config: { scope: 'admin' },
      schema: {
        tags,
        summary: 'Remove a peer (its received records stay)',
        params: peerIdParamsSchema,
      },
    },
    async (request, reply) => {
      const removed = await removePeer(
        deps,
        request.params.id,
        requirePrincipal(request).user,
        originOf(request),
      );
      if (!removed.ok) throw new AppError(ERROR_CODES[removed.error]);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/peers/:id/pull',
    {
      config: { scope: 'admin' },
      schema: { tags, summary: 'Pull from the peer now', params: peerIdParamsSchema },
    },
    async (request, reply) => {
      const listed = await listPeersFor(deps, requirePrincipal(request).user);
      if (!listed.ok) throw new AppError(ERROR_CODES[listed.error]);
      if (!listed.value.some((peer) => peer.id === request.params.id))
        throw new AppError('NOT_FOUND');
      deps.wake(request.params.id);
      return reply.code(202).send({ accepted: true });
    },
  );
};
