/**
 * The air gap: the same egress view and the same ingest checks as the
 * network, through a file. Export writes a STIX bundle of what a peer would
 * pull (every object signed by this node) and says where the next export
 * should start; import finds the sending peer by the key that signed the
 * objects and applies them page by page, as a pull would.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { fail, ok, type Result } from '../../core/result.js';
import type { Database } from '../../storage/schema.js';
import type { AuditLog } from '../audit/audit.service.js';
import { egressPage, type EgressContext } from './egress.source.js';
import { ingestFromPeer, type IngestDeps, type ObjectOutcome } from './ingest.service.js';
import { findPeerByKeyId, type PeerWithOrganisations } from './peers.repository.js';
import { provenanceOf } from './provenance.js';
import type { StixObject } from './stix/stix.types.js';

const PAGE = 1_000;

export interface ExportResult {
  objects: number;
  records: number;
  /** Pass as `--since` next time: the last date_added written (or the one given, when nothing was). */
  cursor: string | undefined;
}

/** Writes the bundle through `write` (JSON text in pieces) and audits what left. */
export async function exportBundle(
  deps: { audit: AuditLog } & EgressContext,
  peer: PeerWithOrganisations,
  since: string | undefined,
  write: (chunk: string) => Promise<void>,
): Promise<ExportResult> {
  await write(`{"type":"bundle","id":"bundle--${randomUUID()}","objects":[`);
  let next: string | undefined;
  let objects = 0;
  let records = 0;
  let cursor = since;
  do {
    const page = await egressPage(deps, peer, {
      limit: PAGE,
      version: { kind: 'last' },
      ...(since ? { addedAfter: since } : {}),
      ...(next ? { next } : {}),
    });
    if (!page) throw new Error('the export lost its place'); // our own token: cannot happen
    for (const object of page.objects) {
      await write(`${objects === 0 ? '' : ','}\n${object.json}`);
      objects += 1;
      if (cursor === undefined || object.dateAdded > cursor) cursor = object.dateAdded;
    }
    if (page.released.length > 0) {
      records += page.released.length;
      await deps.audit.record({
        action: 'release.egress',
        outcome: 'success',
        target: { type: 'peer', id: peer.id },
        details: {
          channel: 'export',
          records: page.released.map((r) => [r.id, r.modified, r.redacted]),
        },
      });
    }
    next = page.more ? page.next : undefined;
  } while (next !== undefined);
  await write('\n]}\n');
  await deps.audit.record({
    action: 'federation.exported',
    outcome: 'success',
    target: { type: 'peer', id: peer.id },
    details: { since: since ?? null, objects, records, cursor: cursor ?? null },
  });
  return { objects, records, cursor };
}

const bundleSchema = z.object({
  type: z.literal('bundle'),
  id: z.string(),
  objects: z.array(z.unknown()),
});

export type ImportError = 'not_a_bundle' | 'unsigned' | 'unknown_signer';

export interface ImportResult {
  peer: PeerWithOrganisations;
  stored: number;
  held: number;
  refused: number;
  refusals: ObjectOutcome[];
}

/** The peer whose key signed the bundle's objects: the first signed object names it. */
async function signerOf(
  db: Kysely<Database>,
  objects: readonly unknown[],
): Promise<Result<PeerWithOrganisations, ImportError>> {
  for (const value of objects) {
    if (value === null || typeof value !== 'object') continue;
    const claim = provenanceOf(value as StixObject);
    if (!claim) continue;
    const peer = await findPeerByKeyId(db, claim.keyId);
    return peer ? ok(peer) : fail('unknown_signer');
  }
  return fail('unsigned');
}

export async function importBundle(
  deps: IngestDeps,
  bundle: unknown,
  onProgress?: (done: number, total: number) => void,
): Promise<Result<ImportResult, ImportError>> {
  const parsed = bundleSchema.safeParse(bundle);
  if (!parsed.success) return fail('not_a_bundle');
  const objects = parsed.data.objects;
  const signer = await signerOf(deps.db, objects);
  if (!signer.ok) return signer;
  const result: ImportResult = { peer: signer.value, stored: 0, held: 0, refused: 0, refusals: [] };
  for (let start = 0; start < objects.length; start += PAGE) {
    const outcomes = await ingestFromPeer(
      deps,
      signer.value,
      objects.slice(start, start + PAGE),
      'import',
    );
    for (const outcome of outcomes) {
      if (outcome.result === 'stored') result.stored += 1;
      else if (outcome.result === 'refused') {
        result.refused += 1;
        if (result.refusals.length < 100) result.refusals.push(outcome);
      } else result.held += 1;
    }
    onProgress?.(Math.min(start + PAGE, objects.length), objects.length);
  }
  await deps.audit.record({
    action: 'federation.imported',
    outcome: 'success',
    target: { type: 'peer', id: signer.value.id },
    details: {
      bundle: parsed.data.id,
      objects: objects.length,
      stored: result.stored,
      refused: result.refused,
    },
  });
  return ok(result);
}
