/**
 * Keyset pagination: a cursor is the sort key of the last item of a page,
 * opaque to clients (base64url JSON). Stable under inserts, cheap at any depth.
 */
import { z } from 'zod';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The sort key in a cursor, or undefined when it is malformed (treated as a bad request by callers). */
export function decodeCursor(cursor: string, length: number): string[] | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const key = z.array(z.string()).length(length).safeParse(parsed);
    return key.success ? key.data : undefined;
  } catch {
    return undefined;
  }
}

/** Fetch `limit + 1` rows, then call this: it trims and makes the next cursor. */
export function toPage<Row, T>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => string[],
  present: (row: Row) => T,
): Page<T> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(present),
    nextCursor: hasMore && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}

/** Escapes LIKE wildcards in user input; use with `escape '\'`. */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const pageQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional(),
});
