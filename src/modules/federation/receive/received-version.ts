/**
 * Storing a peer's record version the way the module's own write path stores
 * a local one: the module's schema checks the body, the module's functions
 * build the body, the search text and the query rows, and the version goes
 * through storeRecordVersion (history, release list, search, the alert
 * matcher's queue) in the caller's transaction.
 *
 * The ingest layer has already verified the signature, the hosting peer and
 * idempotence. What is left here is what only the stored data can tell: a
 * version never replaces a record of this node, another originator's record,
 * a revoked record (revocation is final) or a newer version.
 *
 * Must never: audit (the ingest layer audits receipt), schedule deadlines,
 * notify, or write anything before the body is known to be valid.
 */
import type { z } from 'zod';
import { idType } from '../../../core/ids.js';
import { fail, ok, type Result } from '../../../core/result.js';
import type { Executor } from '../../../storage/executor.js';
import {
  findRecord,
  storeRecordVersion,
  type RecordRow,
  type RecordVersionInput,
} from '../../records/records.repository.js';
import { insertFirstSearchText } from './received-search.repository.js';

export type RecordReceiver = (
  trx: Executor,
  version: RecordVersionInput,
  storedAt: string,
) => Promise<Result<void, string>>;

/** What a module makes of a valid received body. */
export interface ReceivedWrite {
  /** The body as the module's own write path would have stored it. */
  body: Record<string, unknown>;
  searchText: string | undefined;
  /** The module's query rows, written once the record (which they reference) is stored. */
  saveRows: (trx: Executor, record: RecordRow, storedAt: string) => Promise<void>;
}

/** Checks a received version and prepares its write; reads only, so a refusal leaves nothing behind. */
export type ReceivedPreparer = (
  trx: Executor,
  version: RecordVersionInput,
) => Promise<Result<ReceivedWrite, string>>;

/** The first issue of a failed parse, as a short reason with its path. */
function reasonOf(prefix: string, error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue && issue.path.length > 0 ? issue.path.join('.') : '(body)';
  return `${prefix}: ${path}: ${issue?.message ?? 'invalid'}`;
}

/** `value` through `schema`, or fail('body_invalid: path: message'). */
export function parseReceived<S extends z.ZodType>(
  schema: S,
  value: unknown,
): Result<z.output<S>, string> {
  const parsed = schema.safeParse(value);
  return parsed.success ? ok(parsed.data) : fail(reasonOf('body_invalid', parsed.error));
}

/** The body through the module's input schema, with the version's sharing fields as the schema demands. */
export function parseReceivedBody<S extends z.ZodType>(
  schema: S,
  version: Pick<RecordVersionInput, 'body' | 'marking' | 'releasableTo'>,
): Result<z.output<S>, string> {
  return parseReceived(schema, {
    ...version.body,
    marking: version.marking,
    releasableTo: version.releasableTo,
  });
}

const instant = (text: string) => new Date(text).getTime();

/** Why this version may not replace what is stored; 'duplicate' when it is already stored. */
function conflictWith(
  stored: RecordRow | undefined,
  version: RecordVersionInput,
): string | undefined {
  if (!stored) return undefined;
  if (stored.received_from_peer !== 1) return 'conflict: a record of this node has this id';
  if (stored.created_by !== version.createdBy) {
    return 'conflict: another organisation originated this record';
  }
  const current = instant(stored.modified);
  const incoming = instant(version.modified);
  if (current === incoming) return 'duplicate';
  if (stored.revoked === 1) return 'stale: the record is revoked, which is final';
  if (current > incoming) return 'stale: a newer version is stored';
  return undefined;
}

/** A receiver for one record type, built from that type's preparer. */
export function receiverOf(type: string, prepare: ReceivedPreparer): RecordReceiver {
  return async (trx, version, storedAt) => {
    if (version.type !== type || idType(version.id) !== type) {
      return fail(`type_mismatch: ${version.id} is not of type ${type}`);
    }
    const stored = await findRecord(trx, version.id, type);
    const conflict = conflictWith(stored, version);
    // The same version again changes nothing: ingest is idempotent by (id, modified).
    if (conflict === 'duplicate') return ok(undefined);
    if (conflict !== undefined) return fail(conflict);
    const write = await prepare(trx, version);
    if (!write.ok) return write;
    const record = await storeRecordVersion(
      trx,
      {
        ...version,
        // Whatever the caller says, this version came from a peer: it is never sent on, nor edited here.
        receivedFromPeer: true,
        createdByUser: null,
        body: write.value.body,
        // A first version has no search row to replace: insert it without the shared path's
        // delete, which on SQLite scans every search row (see received-search.repository.ts).
        searchText: stored ? write.value.searchText : undefined,
      },
      storedAt,
    );
    if (!stored && write.value.searchText !== undefined)
      await insertFirstSearchText(trx, record.id, write.value.searchText);
    await write.value.saveRows(trx, record, storedAt);
    return ok(undefined);
  };
}
