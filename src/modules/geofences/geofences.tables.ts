/** H3 cells of each stored fence's region (see geofences.ts). */
export interface GeofenceCellsTable {
  cell: string;
  subject_id: string;
}
