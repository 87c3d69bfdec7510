/**
 * Storing a peer's record versions the way the modules' own write paths store
 * local ones: the module's schema checks the body, the module's functions
 * build the body, the search text and the query rows, and each version is
 * stored with its history, release list, search text and alert-matcher queue
 * entry, in the caller's transaction.
 *
 * The ingest layer has already verified signatures, the hosting peer and
 * markings. What is left here is what only the stored data can tell: a
 * version never replaces a record of this node, another originator's record,
 * a revoked record (revocation is final) or a newer version; the same version
 * again changes nothing.
 *
 * A page is written in bulk where it can be: one lookup of the stored
 * versions of all its records, and the first versions of records whose type
 * is `independent` (its preparation reads nothing stored) inserted together
 * (records.bulk.repository.ts). A version of a type whose preparation reads
 * stored rows (a movement looks up its sites) is written on its own, after
 * everything before it in the page, so it sees what it would have seen one
 * by one. Replacing versions go through storeRecordVersion.
 *
 * Must never: audit (the ingest layer audits receipt), schedule deadlines,
 * notify, or write anything for a version before its body is known to be
 * valid.
 */
import type { z } from 'zod';
import { idType } from '../../../core/ids.js';
import { fail, ok, type Result } from '../../../core/result.js';
import { insertMultiRow, type BulkInsert, type BulkValue } from '../../../storage/bulk-insert.js';
import type { Executor } from '../../../storage/executor.js';
import {
  addNewRecord,
  emptyNewRecordRows,
  insertNewRecords,
} from '../../records/records.bulk.repository.js';
import {
  findRecordHeads,
  recordRowOf,
  storeRecordVersion,
  type RecordHead,
  type RecordRow,
  type RecordVersionInput,
} from '../../records/records.repository.js';
import { checkedOutput } from '../stix/checked-bodies.js';

/** A module's query-table row as values, for a bulk insert with the rest of a page. */
export interface QueryTableRow {
  table: string;
  columns: readonly string[];
  values: BulkValue[];
}

/** What a module makes of a valid received body. */
export interface ReceivedWrite {
  /** The body as the module's own write path would have stored it. */
  body: Record<string, unknown>;
  searchText: string | undefined;
  /** The module's query rows, written once the record (which they reference) is stored. */
  saveRows: (trx: Executor, record: RecordRow, storedAt: string) => Promise<void>;
  /**
   * The same rows as values, when the module has them as plain inserts: a
   * first version's rows are then inserted in bulk instead of by saveRows.
   */
  newRows?: (record: RecordRow) => QueryTableRow[];
}

/** Checks a received version and prepares its write; reads only, so a refusal leaves nothing behind. */
export type ReceivedPreparer = (
  trx: Executor,
  version: RecordVersionInput,
) => Promise<Result<ReceivedWrite, string>>;

/** How one record type is received. */
export type ReceivedType =
  | {
      /** Its preparation rests on the version alone (it is given no executor, so it cannot read). */
      independent: true;
      prepare: (version: RecordVersionInput) => Result<ReceivedWrite, string>;
    }
  | { independent: false; prepare: ReceivedPreparer };

/** A type whose preparation reads nothing stored: its versions in a page are written in bulk. */
export function independentType(
  prepare: (version: RecordVersionInput) => Result<ReceivedWrite, string>,
): ReceivedType {
  return { independent: true, prepare };
}

/** A type whose preparation reads stored rows: each version is written after what precedes it. */
export function storeReadingType(prepare: ReceivedPreparer): ReceivedType {
  return { independent: false, prepare };
}

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

/**
 * The body through the module's input schema, with the version's sharing
 * fields as the schema demands; the mapper's own parse of this body when it
 * made one with the same schema and sharing (stix/checked-bodies.ts).
 */
export function parseReceivedBody<S extends z.ZodType>(
  schema: S,
  version: Pick<RecordVersionInput, 'body' | 'marking' | 'releasableTo'>,
): Result<z.output<S>, string> {
  const checked = checkedOutput(version.body, schema, version);
  if (checked !== undefined) return ok(checked);
  return parseReceived(schema, {
    ...version.body,
    marking: version.marking,
    releasableTo: version.releasableTo,
  });
}

const instant = (text: string) => new Date(text).getTime();

/** What became of one received version. */
export type Received =
  | { kind: 'stored' }
  /** Nothing to store: this version is stored already, or a newer one (or a revocation) is. */
  | { kind: 'held'; why: string }
  | { kind: 'refused'; reason: 'local_record' | 'originator_changed' | 'invalid'; detail: string };

const held = (why: string): Received => ({ kind: 'held', why });

/** Why this version may not replace what is stored, if it may not. */
function conflictWith(
  stored: RecordHead | undefined,
  version: RecordVersionInput,
): Received | undefined {
  if (!stored) return undefined;
  if (stored.received_from_peer !== 1) {
    return {
      kind: 'refused',
      reason: 'local_record',
      detail: 'conflict: a record of this node has this id',
    };
  }
  if (stored.created_by !== version.createdBy) {
    return {
      kind: 'refused',
      reason: 'originator_changed',
      detail: 'conflict: another organisation originated this record',
    };
  }
  const current = instant(stored.modified);
  const incoming = instant(version.modified);
  if (current === incoming) return held('duplicate');
  if (stored.revoked === 1) return held('stale: the record is revoked, which is final');
  if (current > incoming) return held('stale: a newer version is stored');
  return undefined;
}

/** What is written for a version of a type Tandem does not model: the object as it came, no query rows. */
const PLAIN: ReceivedType = independentType((version) =>
  ok({ body: version.body, searchText: undefined, saveRows: () => Promise.resolve() }),
);

/** A version ready to store, with its write. */
interface Prepared {
  index: number;
  version: RecordVersionInput;
  write: ReceivedWrite;
}

/** First versions of independent types, gathered to be inserted together. */
class NewVersions {
  private readonly pending: Prepared[] = [];

  add(prepared: Prepared): void {
    this.pending.push(prepared);
  }

  async flush(trx: Executor, storedAt: string, insertRows: BulkInsert): Promise<void> {
    if (this.pending.length === 0) return;
    const rows = emptyNewRecordRows();
    const queryRows = new Map<
      string,
      { table: string; columns: readonly string[]; values: BulkValue[][] }
    >();
    const saved: { record: RecordRow; write: ReceivedWrite }[] = [];
    for (const { version, write } of this.pending) {
      const record = recordRowOf({ ...version, body: write.body });
      addNewRecord(rows, {
        row: record,
        grantees: version.releasableTo,
        searchText: write.searchText,
        storedAt,
        storedByUser: null,
      });
      if (!write.newRows) {
        saved.push({ record, write });
        continue;
      }
      for (const row of write.newRows(record)) {
        const key = `${row.table}(${row.columns.join(',')})`;
        const table = queryRows.get(key) ?? { table: row.table, columns: row.columns, values: [] };
        table.values.push(row.values);
        queryRows.set(key, table);
      }
    }
    this.pending.length = 0;
    await insertNewRecords(trx, rows, insertRows, false);
    for (const { table, columns, values } of queryRows.values()) {
      await insertRows(trx, table, columns, values);
    }
    for (const { record, write } of saved) await write.saveRows(trx, record, storedAt);
  }
}

/** Stores a version that replaces one, or one of a type that reads the store, on its own. */
async function storeOne(trx: Executor, prepared: Prepared, storedAt: string): Promise<void> {
  const { version, write } = prepared;
  const record = await storeRecordVersion(
    trx,
    { ...version, body: write.body, searchText: write.searchText },
    storedAt,
  );
  await write.saveRows(trx, record, storedAt);
}

/**
 * Stores `versions` (verified, of any types) in the caller's transaction and
 * says what became of each, in order. `types` names how each record type is
 * received; a type it does not name is kept as it came.
 */
export async function receiveVersions(
  trx: Executor,
  types: ReadonlyMap<string, ReceivedType>,
  versions: readonly RecordVersionInput[],
  storedAt: string,
  insertRows: BulkInsert,
): Promise<Received[]> {
  const outcomes: Received[] = [];
  const heads = await findRecordHeads(trx, [...new Set(versions.map((v) => v.id))]);
  const inPage = new Set<string>();
  const again: number[] = [];
  const fresh = new NewVersions();
  for (const [index, given] of versions.entries()) {
    // Whatever the caller says, this version came from a peer: it is never sent on, nor edited here.
    const version: RecordVersionInput = { ...given, receivedFromPeer: true, createdByUser: null };
    if (idType(version.id) !== version.type) {
      outcomes[index] = {
        kind: 'refused',
        reason: 'invalid',
        detail: `type_mismatch: ${version.id} is not of type ${version.type}`,
      };
      continue;
    }
    if (inPage.has(version.id)) {
      again.push(index); // a second version of a record in this page: after the first is stored
      continue;
    }
    const stored = heads.get(version.id);
    const conflict = conflictWith(stored, version);
    if (conflict) {
      outcomes[index] = conflict;
      continue;
    }
    const type = types.get(version.type) ?? PLAIN;
    if (!type.independent) await fresh.flush(trx, storedAt, insertRows);
    const write = type.independent ? type.prepare(version) : await type.prepare(trx, version);
    if (!write.ok) {
      outcomes[index] = { kind: 'refused', reason: 'invalid', detail: write.error };
      continue;
    }
    inPage.add(version.id);
    const prepared = { index, version, write: write.value };
    if (stored === undefined && type.independent) fresh.add(prepared);
    else await storeOne(trx, prepared, storedAt);
    outcomes[index] = { kind: 'stored' };
  }
  await fresh.flush(trx, storedAt, insertRows);
  for (const index of again) {
    const version = versions[index] as RecordVersionInput; // an index of versions
    const [outcome] = await receiveVersions(trx, types, [version], storedAt, insertRows);
    outcomes[index] = outcome as Received; // one version in, one outcome out
  }
  return outcomes;
}

/** One version through receiveVersions, as a Result: held duplicates succeed, stale versions fail. */
export async function receiveVersion(
  trx: Executor,
  types: ReadonlyMap<string, ReceivedType>,
  version: RecordVersionInput,
  storedAt: string,
): Promise<Result<void, string>> {
  const [outcome] = await receiveVersions(trx, types, [version], storedAt, insertMultiRow);
  if (outcome?.kind === 'stored') return ok(undefined);
  if (outcome?.kind === 'held')
    return outcome.why === 'duplicate' ? ok(undefined) : fail(outcome.why);
  return fail(outcome?.detail ?? 'not received');
}
