/**
 * Rows of "nationality, count" as a form types them (people on site,
 * passengers of a movement) and the list the server takes: whole numbers,
 * each nationality once; null when a row does not read.
 */
export interface CountRow {
  nationality: string;
  count: string;
}

export function countRowsInput(
  rows: readonly CountRow[],
  options: { minimum?: number } = {},
): { nationality: string; count: number }[] | null {
  const minimum = options.minimum ?? 0;
  const seen = new Set<string>();
  const counts: { nationality: string; count: number }[] = [];
  for (const row of rows) {
    const count = Number(row.count);
    if (row.count.trim() === '' || !Number.isInteger(count) || count < minimum) return null;
    if (!/^[A-Z]{2}$/.test(row.nationality) || seen.has(row.nationality)) return null;
    seen.add(row.nationality);
    counts.push({ nationality: row.nationality, count });
  }
  return counts;
}
