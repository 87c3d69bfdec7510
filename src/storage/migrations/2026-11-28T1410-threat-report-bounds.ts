/**
 * A threat report's area gets its bounding box (west, south, east, north), so
 * "reports whose area meets this map view" is four comparisons in SQL: the
 * centre's cells alone cannot say whether a large area reaches into a view.
 * Existing rows are filled from the area in their record's body.
 *
 * A migration is a snapshot: it reads the area as stored when it was written
 * and computes the box itself, so later changes to the intel module cannot
 * change what it does (only the shared geometry kernel is imported).
 */
import { sql, type Kysely } from 'kysely';
import { boxAroundCap, type LatLonBox } from '../../core/geo/sphere.js';

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
    const box = boundsOf(body.area);
    if (!box) continue; // every stored body held a valid area; nothing to fill otherwise
    await sql`update threat_reports set area_west = ${box.west}, area_south = ${box.south},
      area_east = ${box.east}, area_north = ${box.north} where id = ${row.id}`.execute(db);
  }
}

type StoredArea =
  | { kind: 'circle'; lat: number; lon: number; radiusKm: number }
  | { kind: 'polygon'; polygon: { coordinates: [number, number][][] } };

/** The box of an area as threat reports stored it then: a circle (centre, radius) or a GeoJSON polygon. */
function boundsOf(value: unknown): LatLonBox | undefined {
  const area = value as StoredArea | undefined;
  if (area?.kind === 'circle') {
    const box = boxAroundCap({ lat: area.lat, lon: area.lon }, area.radiusKm);
    return { ...box, west: Math.max(-180, box.west), east: Math.min(180, box.east) };
  }
  const outer = area?.kind === 'polygon' ? area.polygon.coordinates[0] : undefined;
  if (!outer || outer.length === 0) return undefined;
  const lons = outer.map(([lon]) => lon);
  const lats = outer.map(([, lat]) => lat);
  return {
    west: Math.min(...lons),
    south: Math.min(...lats),
    east: Math.max(...lons),
    north: Math.max(...lats),
  };
}
