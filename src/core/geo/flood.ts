/**
 * The one covering algorithm behind every cover: evaluate the cells of a few
 * grid disks in bulk, then flood-fill over H3 neighbours from any accepted
 * cell on a disk's outer ring, keeping each cell a caller's test accepts.
 *
 * Why it is a guaranteed cover: the region (disc, corridor, box, polygon) is
 * connected; in H3 exactly three cells meet at every vertex, so the cells
 * touching a connected region form an edge-connected set T. The caller's test
 * accepts every cell of T (tests are conservative: they may accept more, never
 * fewer) and each disk centre is in T. Every neighbour of an accepted cell
 * gets evaluated — for a cell inside a disk they all lie in that disk, for a
 * cell on an outer ring the flood visits them — so the accepted set is closed
 * under "accepted neighbour" and, T being connected, contains all of T.
 * Disks only make it faster: bulk gridDisk calls instead of one per cell.
 *
 * Owns: the traversal. Must never: decide geometry (that is the caller's test).
 */
import { gridDisk, gridDiskDistances } from 'h3-js';

/** A start cell and how many rings around it to evaluate in bulk (0: just the cell). */
export interface Disk {
  readonly cell: string;
  readonly rings: number;
}

/** Accepted cells, or null once more than `maxCells` are accepted. */
export function coverCells(
  disks: readonly Disk[],
  accepts: (cell: string) => boolean,
  maxCells: number,
): string[] | null {
  const seen = new Set<string>();
  const accepted: string[] = [];
  const frontier: string[] = [];
  // Evaluates a cell once; false when the cover has grown past maxCells.
  const visit = (cell: string, onOuterRing: boolean): boolean => {
    if (seen.has(cell)) return true;
    seen.add(cell);
    if (!accepts(cell)) return true;
    accepted.push(cell);
    if (onOuterRing) frontier.push(cell);
    return accepted.length <= maxCells;
  };
  for (const { cell, rings } of disks) {
    const byDistance = rings === 0 ? [[cell]] : gridDiskDistances(cell, rings);
    for (const [distance, ring] of byDistance.entries()) {
      for (const member of ring) if (!visit(member, distance === rings)) return null;
    }
  }
  for (let head = 0; head < frontier.length; head++) {
    for (const neighbour of gridDisk(frontier[head] as string, 1)) {
      if (!visit(neighbour, true)) return null;
    }
  }
  return accepted;
}
