/**
 * Intelligence query tables: threat actors, threat reports and
 * corroborations, one row per record holding the current version's searchable
 * fields (the record itself lives in `records`). A report's area is indexed by
 * its centre's H3 cells; its status column lets SQL hide drafts from everyone
 * but the originating organisation.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('threat_actors')
    .addColumn('id', 'text', (c) => c.primaryKey().references('records.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('sophistication', 'text')
    .addColumn('primary_motivation', 'text')
    .addColumn('first_seen', 'text')
    .addColumn('last_seen', 'text')
    .execute();
  await db.schema
    .createIndex('threat_actors_name')
    .on('threat_actors')
    .columns(['name_folded', 'id'])
    .execute();

  await db.schema
    .createTable('threat_reports')
    .addColumn('id', 'text', (c) => c.primaryKey().references('records.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('source_reliability', 'text', (c) => c.notNull())
    .addColumn('information_credibility', 'integer', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lon', 'double precision', (c) => c.notNull())
    .addColumn('h3_r4', 'text', (c) => c.notNull())
    .addColumn('h3_r6', 'text', (c) => c.notNull())
    .addColumn('h3_r8', 'text', (c) => c.notNull())
    .addColumn('radius_km', 'double precision')
    .execute();
  for (const [name, columns] of [
    ['threat_reports_valid_from', ['valid_from', 'id']],
    ['threat_reports_valid_until', ['valid_until']],
    ['threat_reports_status', ['status', 'valid_from']],
    ['threat_reports_h3_r4', ['h3_r4', 'valid_from']],
    ['threat_reports_h3_r6', ['h3_r6', 'valid_from']],
    ['threat_reports_h3_r8', ['h3_r8', 'valid_from']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('threat_reports')
      .columns([...columns])
      .execute();
  }

  await db.schema
    .createTable('corroborations')
    .addColumn('id', 'text', (c) => c.primaryKey().references('records.id'))
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('observed_at', 'text')
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .execute();
  await db.schema
    .createIndex('corroborations_subject')
    .on('corroborations')
    .columns(['subject_id', 'kind'])
    .execute();
}
