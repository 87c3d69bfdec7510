/**
 * A threat report's area gets its bounding box (west, south, east, north), so
 * "reports whose area meets this map view" is four comparisons in SQL: the
 * centre's cells alone cannot say whether a large area reaches into a view.
 * Existing rows are filled from the area in their record's body.
 */
import { sql, type Kysely } from 'kysely';
import { areaBounds } from '../../modules/intel/reports.area.js';
import { areaSchema } from '../../modules/intel/intel.schema.js';

const COLUMNS = ['area_west', 'area_south', 'area_east', 'area_north'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of COLUMNS) {
    await db.schema
      .alterTable('threat_reports')
      .addColumn(column, 'double precision', (c) => c.notNull().defaultTo(0))
      .execute();
  }
  await fillAreaBounds(db);
  await db.schema
    .createIndex('threat_reports_area_box')
    .on('threat_reports')
    .columns(['area_south', 'area_north', 'area_west', 'area_east'])
    .execute();
}

/** Sets every report's bounding box from the area in its record's body. */
export async function fillAreaBounds(db: Kysely<unknown>): Promise<void> {
  const rows = await sql<{ id: string; body: string }>`
    select records.id, records.body from threat_reports
    join records on records.id = threat_reports.id`.execute(db);
  for (const row of rows.rows) {
    const body = JSON.parse(row.body) as { area?: unknown };
    const area = areaSchema.safeParse(body.area);
    if (!area.success) continue; // every stored body passed this schema; nothing to fill otherwise
    const box = areaBounds(area.data);
    await sql`update threat_reports set area_west = ${box.west}, area_south = ${box.south},
      area_east = ${box.east}, area_north = ${box.north} where id = ${row.id}`.execute(db);
  }
}
