/**
 * The only SQL for stored fence covers: `geofence_cells (cell, subject_id)`,
 * one row per H3 cell (r4 and r6, see geofences.ts) of a site's or a
 * movement's region. Subjects keep their own geometry in their query tables.
 */
import type { Executor } from '../../storage/executor.js';

/** Replaces a subject's cover, in the caller's transaction (with the subject's own row). */
export async function replaceFenceCells(
  trx: Executor,
  subjectId: string,
  cells: readonly string[],
): Promise<void> {
  await trx.deleteFrom('geofence_cells').where('subject_id', '=', subjectId).execute();
  for (let start = 0; start < cells.length; start += 500) {
    const chunk = cells.slice(start, start + 500);
    await trx
      .insertInto('geofence_cells')
      .values(chunk.map((cell) => ({ cell, subject_id: subjectId })))
      .execute();
  }
}

export async function removeFenceCells(trx: Executor, subjectId: string): Promise<void> {
  await trx.deleteFrom('geofence_cells').where('subject_id', '=', subjectId).execute();
}

/**
 * Subjects whose cover holds any of `cells`, optionally only ids that start
 * with `idPrefix` (`site--`, `movement--`). Candidates only: test them exactly.
 */
export async function subjectsInCells(
  executor: Executor,
  cells: readonly string[],
  idPrefix?: string,
): Promise<string[]> {
  if (cells.length === 0) return [];
  const rows = await executor
    .selectFrom('geofence_cells')
    .select('subject_id')
    .distinct()
    .where('cell', 'in', cells)
    .$if(idPrefix !== undefined, (qb) => qb.where('subject_id', 'like', `${idPrefix ?? ''}%`))
    .execute();
  return rows.map((row) => row.subject_id);
}
