/**
 * The query parameters of TAXII 2.1 object requests (`added_after`, `limit`,
 * `next`, `match[id|type|version|spec_version]`) read into an ObjectQuery.
 * Pure. Unknown `match[...]` fields are ignored, as TAXII allows a server to
 * do for fields it does not support.
 */
import { fail, ok, type Result } from '../../../core/result.js';
import type { ObjectQuery, VersionMatch } from './taxii.contract.js';

export const DEFAULT_PAGE_SIZE = 1_000;
/** A larger `limit` is answered with this many objects at most (TAXII lets the server return fewer). */
export const MAX_PAGE_SIZE = 10_000;
const MAX_LIST_ENTRIES = 1_000;
const MAX_NEXT_LENGTH = 1_000;

/** A STIX/TAXII timestamp: RFC 3339 in UTC, with any fraction of a second. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export function isTimestamp(value: string): boolean {
  return TIMESTAMP.test(value) && Number.isFinite(Date.parse(value));
}

type Raw = Record<string, unknown>;

/** A parameter's values, comma-separated or repeated (`?match[type]=a,b` or `?match[type]=a&match[type]=b`). */
function listOf(raw: Raw, name: string): string[] | undefined {
  const value = raw[name];
  if (value === undefined) return undefined;
  const parts = (Array.isArray(value) ? value : [value])
    .filter((part): part is string => typeof part === 'string')
    .flatMap((part) => part.split(','))
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return parts;
}

function single(raw: Raw, name: string): string | undefined {
  const value = raw[name];
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : '\u0000'; // repeated: never valid
}

function versionMatchOf(values: string[] | undefined): Result<VersionMatch, string> {
  if (values === undefined || values.length === 0) return ok({ kind: 'last' });
  if (values.includes('all')) return ok({ kind: 'all' });
  const keywords = values.filter((value) => value === 'first' || value === 'last');
  const timestamps = values.filter((value) => value !== 'first' && value !== 'last');
  const bad = timestamps.find((value) => !isTimestamp(value));
  if (bad !== undefined) return fail('match[version] must be all, first, last or timestamps');
  if (keywords.length > 0 && timestamps.length > 0) {
    return fail('match[version] cannot combine first or last with timestamps here');
  }
  const distinct = new Set(keywords);
  if (distinct.size > 1) return fail('match[version] cannot combine first and last here');
  if (distinct.has('first')) return ok({ kind: 'first' });
  if (distinct.has('last')) return ok({ kind: 'last' });
  return ok({ kind: 'at', versions: [...new Set(timestamps)] });
}

export interface QueryOptions {
  /** The object endpoint's id: `match[id]` is then ignored. */
  objectId?: string;
  /** The versions endpoint lists every version; `match[version]` is ignored. */
  allVersions?: boolean;
}

/** The ObjectQuery of a request's query string, or what is wrong with it (a 400). */
export function readObjectQuery(raw: Raw, options: QueryOptions = {}): Result<ObjectQuery, string> {
  const query: ObjectQuery = { limit: DEFAULT_PAGE_SIZE, version: { kind: 'last' } };

  const addedAfter = single(raw, 'added_after');
  if (addedAfter !== undefined) {
    if (!isTimestamp(addedAfter)) return fail('added_after must be a UTC timestamp');
    query.addedAfter = new Date(addedAfter).toISOString();
  }

  const limit = single(raw, 'limit');
  if (limit !== undefined) {
    if (!/^\d{1,9}$/.test(limit) || Number(limit) < 1)
      return fail('limit must be a positive integer');
    query.limit = Math.min(Number(limit), MAX_PAGE_SIZE);
  }

  const next = single(raw, 'next');
  if (next !== undefined) {
    if (next === '' || next.length > MAX_NEXT_LENGTH) return fail('next is not valid');
    query.next = next;
  }

  const ids = options.objectId !== undefined ? [options.objectId] : listOf(raw, 'match[id]');
  const types = listOf(raw, 'match[type]');
  const specVersions = listOf(raw, 'match[spec_version]');
  for (const [name, list] of [
    ['match[id]', ids],
    ['match[type]', types],
    ['match[spec_version]', specVersions],
  ] as const) {
    if (list !== undefined && (list.length === 0 || list.length > MAX_LIST_ENTRIES)) {
      return fail(`${name} must name between 1 and ${MAX_LIST_ENTRIES} values`);
    }
  }
  if (ids) query.ids = [...new Set(ids)];
  if (types) query.types = [...new Set(types)];
  if (specVersions) query.specVersions = [...new Set(specVersions)];

  if (options.allVersions) {
    query.version = { kind: 'all' };
  } else {
    const version = versionMatchOf(listOf(raw, 'match[version]'));
    if (!version.ok) return fail(version.error);
    query.version = version.value;
  }
  return ok(query);
}
