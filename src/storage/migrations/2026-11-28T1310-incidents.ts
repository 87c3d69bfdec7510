/**
 * The incidents query table: the current version's searchable fields, one
 * row per incident (the record itself lives in `records`). Points carry H3
 * cells at three resolutions so that both engines answer "near this point or
 * route" and map clusters from plain indexes. The sharing columns are copied
 * from `records` on every version, so reads over many rows need no join.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey().references('records.id'))
    .addColumn('event_date', 'text', (c) => c.notNull())
    .addColumn('time_precision', 'integer', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('sub_event_type', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lon', 'double precision', (c) => c.notNull())
    .addColumn('geo_precision', 'integer', (c) => c.notNull())
    .addColumn('h3_r4', 'text', (c) => c.notNull())
    .addColumn('h3_r6', 'text', (c) => c.notNull())
    .addColumn('h3_r8', 'text', (c) => c.notNull())
    .addColumn('fatalities', 'integer')
    .addColumn('injured', 'integer')
    .addColumn('site_id', 'text')
    .addColumn('movement_id', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    // A copy of the record's sharing columns: counts, clusters and geographic reads
    // apply the read filter here, without a join per row (see readableBy).
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_by_user', 'text')
    .addColumn('marking', 'text', (c) => c.notNull())
    .addColumn('marking_valid', 'integer', (c) => c.notNull())
    .addColumn('revoked', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('incidents_event_date')
    .on('incidents')
    .columns(['event_date', 'id'])
    .execute();
  await db.schema
    .createIndex('incidents_h3_r4_date')
    .on('incidents')
    // Covering for zoomed-out map clusters: the count per r4 cell under the read filter,
    // the view's bounds and a date range is answered from this index alone.
    .columns([
      'h3_r4',
      'event_date',
      'lat',
      'lon',
      'revoked',
      'marking_valid',
      'marking',
      'created_by',
      'created_by_user',
      'event_type',
    ])
    .execute();
  await db.schema
    .createIndex('incidents_h3_r6_date')
    .on('incidents')
    .columns(['h3_r6', 'event_date'])
    .execute();
  await db.schema
    .createIndex('incidents_h3_r8_date')
    .on('incidents')
    .columns(['h3_r8', 'event_date'])
    .execute();
  await db.schema
    .createIndex('incidents_type_date')
    .on('incidents')
    .columns(['event_type', 'event_date'])
    .execute();
  await db.schema.createIndex('incidents_site').on('incidents').column('site_id').execute();
  await db.schema.createIndex('incidents_movement').on('incidents').column('movement_id').execute();
}
