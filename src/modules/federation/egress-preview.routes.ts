/**
 * The egress preview over HTTP: for a record, what each peer would receive
 * (its editors and node administrators); for a peer, what its collection
 * holds (node administrators). Thin handlers; egress-preview.service.ts decides.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type ErrorCode } from '../../core/errors.js';
import { requirePrincipal } from '../../app/http/request-context.js';
import type { Executor } from '../../storage/executor.js';
import type { RecordRow } from '../records/records.repository.js';
import {
  previewPeerEgress,
  previewRecordEgress,
  type PreviewError,
} from './egress-preview.service.js';
import { peerIdParamsSchema } from './peers.schema.js';

const tags = ['federation'];
const ERROR_CODES: Record<PreviewError, ErrorCode> = {
  forbidden: 'FORBIDDEN',
  not_found: 'NOT_FOUND',
  bad_cursor: 'BAD_REQUEST',
};

const recordParamsSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*--[0-9a-f-]{36}$/, 'a record id'),
});
const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

/** A short label for any record: its title, name or the start of its narrative. */
function titleOf(row: RecordRow): string {
  try {
    const body = JSON.parse(row.body) as Record<string, unknown>;
    for (const key of ['title', 'name', 'narrative', 'description']) {
      const value = body[key];
      if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, 160);
    }
  } catch {
    // an unreadable body has no title; the id stands in
  }
  return row.id;
}

function presentRecordHead(row: RecordRow) {
  return {
    id: row.id,
    type: row.type,
    title: titleOf(row),
    marking: row.marking,
    modified: row.modified,
    revoked: row.revoked === 1,
  };
}

export const egressPreviewRoutes: FastifyPluginAsyncZod<{ deps: { db: Executor } }> = async (
  app,
  { deps },
) => {
  app.get(
    '/api/records/:id/egress',
    {
      schema: {
        tags,
        summary:
          "What each peer would receive of a record, as STIX (the record's editors and node administrators)",
        params: recordParamsSchema,
      },
    },
    async (request) => {
      const preview = await previewRecordEgress(
        deps.db,
        request.params.id,
        requirePrincipal(request).user,
      );
      if (!preview.ok) throw new AppError(ERROR_CODES[preview.error]);
      return {
        record: presentRecordHead(preview.value.record),
        peers: preview.value.peers.map((p) => ({
          peerId: p.peer.id,
          peerName: p.peer.name,
          decision: p.decision,
          reason: p.reason ?? null,
          removedFields: p.removed,
          objects: p.objects,
        })),
      };
    },
  );

  app.get(
    '/api/peers/:id/preview',
    {
      config: { scope: 'admin' },
      schema: {
        tags,
        summary: 'What a peer receives from this node, oldest first (node administrators)',
        params: peerIdParamsSchema,
        querystring: pageQuerySchema,
      },
    },
    async (request) => {
      const page = await previewPeerEgress(
        deps.db,
        request.params.id,
        requirePrincipal(request).user,
        request.query,
      );
      if (!page.ok) throw new AppError(ERROR_CODES[page.error]);
      return {
        peer: { id: page.value.peer.id, name: page.value.peer.name },
        items: page.value.items.map((item) => ({
          ...presentRecordHead(item.record),
          decision: item.decision,
          removedFields: item.removed,
          objectCount: item.objectCount,
        })),
        unreadable: page.value.unreadable,
        next: page.value.next,
      };
    },
  );
};
