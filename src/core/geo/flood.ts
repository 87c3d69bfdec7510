/**
 * The one covering algorithm behind every cover: a flood fill over H3
 * neighbours from seed cells, keeping each cell a caller's test accepts.
 *
 * Why it is a guaranteed cover: the region (disc, corridor, box, polygon) is
 * connected; in H3 exactly three cells meet at every vertex, so cells touching
 * a connected region form an edge-connected set. If the test accepts every
 * cell that touches the region (tests are conservative: they may accept more,
 * never fewer) and a seed touches it, the fill reaches all of them.
 *
 * Owns: the traversal. Must never: decide geometry (that is the caller's test).
 */
import { gridDisk } from 'h3-js';

/** Accepted cells in discovery order, or null once more than `maxCells` are accepted. */
export function floodFillCells(
  seeds: readonly string[],
  accepts: (cell: string) => boolean,
  maxCells: number,
): string[] | null {
  const seen = new Set<string>();
  const accepted: string[] = [];
  const visit = (cell: string): boolean => {
    if (seen.has(cell)) return true;
    seen.add(cell);
    if (!accepts(cell)) return true;
    accepted.push(cell);
    return accepted.length <= maxCells;
  };
  for (const seed of seeds) if (!visit(seed)) return null;
  // `accepted` doubles as the queue: each accepted cell's neighbours are visited once.
  for (let head = 0; head < accepted.length; head++) {
    for (const neighbour of gridDisk(accepted[head] as string, 1)) {
      if (!visit(neighbour)) return null;
    }
  }
  return accepted;
}
