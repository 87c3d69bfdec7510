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

/**
 * How many rows one filtered page may examine, per item asked for: the bound
 * keeps a run of rows refused in code from turning one request into a scan.
 */
const ROWS_EXAMINED_PER_ITEM = 10;

export interface FilteredPageSource<Row, Item> {
  limit: number;
  /** The cursor: the id of the last row examined by the previous page. */
  after: string | undefined;
  /** Up to `limit` rows after `after`, in the list's order (SQL applies what it can). */
  read: (after: string | undefined, limit: number) => Promise<Row[]>;
  /** Each row as an item when code lets it through, else undefined (same order as `rows`). */
  keep: (rows: Row[]) => Promise<(Item | undefined)[]>;
  idOf: (row: Row) => string;
}

/**
 * A keyset page of a list that code still filters after SQL: chunks are read
 * after the cursor until the page holds `limit` items, the rows run out, or
 * the bound is reached. The next cursor is the last row examined, so no row
 * is skipped or shown twice; there is none when no kept row follows (or,
 * after the bound, when no row follows at all).
 */
export async function fillFilteredPage<Row, Item>(
  source: FilteredPageSource<Row, Item>,
): Promise<{ items: Item[]; next: string | undefined }> {
  const maxExamined = source.limit * ROWS_EXAMINED_PER_ITEM;
  const items: Item[] = [];
  let after = source.after;
  let examined = 0;
  for (;;) {
    // Up to `limit` rows, or through the bound when it is near, plus one that tells whether anything follows.
    const budget = maxExamined - examined;
    const chunk = (budget <= source.limit + 1 ? budget : source.limit) + 1;
    const rows = await source.read(after, chunk);
    const kept = await source.keep(rows);
    for (const [index, row] of rows.entries()) {
      const item = kept[index];
      if (item !== undefined) {
        // A kept row that does not fit: the next page starts with it.
        if (items.length === source.limit) return { items, next: after };
        items.push(item);
      }
      after = source.idOf(row);
      examined += 1;
      if (examined === maxExamined) {
        return { items, next: index < rows.length - 1 ? after : undefined };
      }
    }
    if (rows.length < chunk) return { items, next: undefined };
  }
}
