/**
 * Pulling a peer's collection (its egress view for this node) into this
 * node: TAXII pages followed by `next`, each page applied in one transaction
 * together with the cursor that follows it, so a crash at any point resumes
 * from the last applied page with nothing lost and, ingest being idempotent
 * by (id, modified), nothing doubled.
 *
 * Between pulls the cursor is the last date_added seen. A version the peer
 * stamped before that but committed after the previous pull would be
 * skipped by a plain `added_after`, so the next pull asks again from a
 * little before the previous pull began (SETTLE_MS), unless the cursor is
 * older still; repeats are recognised and cost only their transfer.
 */
import { z } from 'zod';
import { isoNow } from '../../core/clock.js';
import { ingestFromPeer, type IngestDeps, type ObjectOutcome } from './ingest.service.js';
import {
  peerClient,
  PeerRequestError,
  TAXII_API_ROOT_PATH,
  type PeerClient,
} from './peer-client.js';
import type { PeerWithOrganisations } from './peers.repository.js';
import type { SigningKey } from './provenance.js';
import { advanceCursor, findPeerSync, recordPullOutcome } from './sync.repository.js';

/** Longest time between a version's date_added stamp and its commit on the peer that the pull still catches. */
export const SETTLE_MS = 5_000;

export interface SyncDeps extends IngestDeps {
  key: SigningKey;
  /**
   * The collection each peer serves this node, as learned (a per-process
   * cache, so a pull with nothing new is one request, not two). Dropped when
   * the peer refuses it; without it every pull asks the peer first.
   */
  collectionIds?: Map<string, string>;
  pageSize: number;
}

interface Cursor {
  /** The last date_added taken. */
  added: string;
  /** The peer's clock when the pull that took it began (its Date header). */
  servedAt: string;
  /**
   * The pull stopped (or crashed) before its last page: other versions stamped `added`
   * may not have been taken yet (a bulk import stamps thousands alike), so the next
   * pull asks again from just before it.
   */
  partial?: boolean | undefined;
}

const cursorSchema = z.object({
  added: z.string(),
  servedAt: z.string(),
  partial: z.boolean().optional(),
});

function parseCursor(text: string | null | undefined): Cursor | undefined {
  if (!text) return undefined;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** `added_after` for the next pull: the cursor, moved back to cover versions still committing when it was taken. */
export function addedAfterFor(cursor: Cursor | undefined): string | undefined {
  if (!cursor) return undefined;
  const settled = new Date(Date.parse(cursor.servedAt) - SETTLE_MS).toISOString();
  const addedMs = Date.parse(cursor.added);
  const taken =
    cursor.partial && Number.isFinite(addedMs) ? new Date(addedMs - 1).toISOString() : cursor.added;
  return settled < taken ? settled : taken;
}

const collectionsSchema = z.object({
  collections: z.array(z.object({ id: z.string(), can_read: z.boolean() })).optional(),
});
const envelopeSchema = z.object({
  more: z.boolean().optional(),
  next: z.string().optional(),
  objects: z.array(z.unknown()).optional(),
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new PeerRequestError('the peer answered with something that is not JSON');
  }
}

/** The one collection a peer serves this node. */
async function discoverCollection(client: PeerClient): Promise<string> {
  const response = await client.get(`${TAXII_API_ROOT_PATH}collections/`);
  if (response.status !== 200) {
    throw new PeerRequestError(`listing collections answered ${response.status}`, response.status);
  }
  const parsed = collectionsSchema.safeParse(parseJson(response.body));
  const readable = parsed.success ? (parsed.data.collections ?? []).filter((c) => c.can_read) : [];
  const first = readable[0];
  if (!first) throw new PeerRequestError('the peer serves this node no collection');
  return first.id;
}

export interface PullResult {
  pages: number;
  objects: number;
  stored: number;
  refused: number;
}

interface FetchedPage {
  headers: Headers;
  objects: unknown[];
  /** The token of the page after this one, when there is more. */
  next: string | undefined;
}

function serverTime(headers: Headers, fallback: string): string {
  const date = Date.parse(headers.get('date') ?? '');
  // The Date header has whole seconds: round down a further second so no stamp is lost.
  return Number.isFinite(date) ? new Date(date - 1_000).toISOString() : fallback;
}

/** A few turns of the event loop: enough for fetch to write a request on a kept-alive connection. */
async function requestSent(): Promise<void> {
  for (let turn = 0; turn < 3; turn += 1) await new Promise((resolve) => setImmediate(resolve));
}

/** Pulls everything new from the peer, page by page. Throws PeerRequestError when the peer fails. */
export async function pullFromPeer(
  deps: SyncDeps,
  peer: PeerWithOrganisations,
  client: PeerClient = peerClient(peer, deps.key, deps.clock),
): Promise<PullResult> {
  const collectionId = deps.collectionIds?.get(peer.id) ?? (await discoverCollection(client));
  deps.collectionIds?.set(peer.id, collectionId);
  const state = await findPeerSync(deps.db, peer.id);
  let cursor = parseCursor(state?.cursor);
  const addedAfter = addedAfterFor(cursor);
  const result: PullResult = { pages: 0, objects: 0, stored: 0, refused: 0 };
  let servedAt: string | undefined;
  const fetchPage = async (next: string | undefined): Promise<FetchedPage> => {
    const query = new URLSearchParams({ limit: String(deps.pageSize) });
    if (addedAfter) query.set('added_after', addedAfter);
    if (next) query.set('next', next);
    const response = await client.get(
      `${TAXII_API_ROOT_PATH}collections/${encodeURIComponent(collectionId)}/objects/?${query.toString()}`,
    );
    if (response.status !== 200) {
      deps.collectionIds?.delete(peer.id); // the next pull asks the peer again
      throw new PeerRequestError(`pulling objects answered ${response.status}`, response.status);
    }
    const envelope = envelopeSchema.safeParse(parseJson(response.body));
    if (!envelope.success) throw new PeerRequestError('the peer sent a malformed envelope');
    return {
      headers: response.headers,
      objects: envelope.data.objects ?? [],
      next: envelope.data.more ? envelope.data.next : undefined,
    };
  };
  let pending = fetchPage(undefined);
  for (;;) {
    const page = await pending;
    // The peer prepares the next page while this one is applied here; pages still apply in order,
    // and a failure of the one fetched ahead surfaces when the loop reaches it.
    if (page.next !== undefined) {
      pending = fetchPage(page.next);
      pending.catch(() => undefined);
      // Let the request leave before applying: on SQLite the whole page applies in microtasks,
      // so without these turns of the event loop the request would wait for it, and the peer
      // would prepare nothing meanwhile.
      await requestSent();
    }
    servedAt ??= serverTime(page.headers, isoNow(deps.clock));
    const objects = page.objects;
    const lastAdded = page.headers.get('x-taxii-date-added-last') ?? cursor?.added;
    const pageCursor: Cursor | undefined = lastAdded
      ? {
          added: lastAdded > (cursor?.added ?? '') ? lastAdded : (cursor?.added ?? lastAdded),
          servedAt,
          partial: page.next !== undefined,
        }
      : cursor;
    const outcomes: ObjectOutcome[] = await ingestFromPeer(
      deps,
      peer,
      objects,
      'pull',
      undefined,
      async (trx) => {
        if (pageCursor)
          await advanceCursor(trx, peer.id, JSON.stringify(pageCursor), objects.length);
        // The last page records the pull's success with it: one commit for a pull with nothing new.
        if (page.next === undefined) {
          await recordPullOutcome(trx, peer.id, { ok: true, at: isoNow(deps.clock) });
        }
      },
    );
    cursor = pageCursor;
    result.pages += 1;
    result.objects += objects.length;
    result.stored += outcomes.filter((o) => o.result === 'stored').length;
    result.refused += outcomes.filter((o) => o.result === 'refused').length;
    if (page.next === undefined) break;
  }
  return result;
}
