/**
 * Shareable records: one row per record holding its sharing fields (the
 * columns the read filter needs) and its current version as JSON; the release
 * list as rows, so that "released to me" is an indexed look-up; and every
 * version ever stored, for history and federation.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_by_user', 'text')
    .addColumn('marking', 'text', (c) => c.notNull())
    .addColumn('marking_valid', 'integer', (c) => c.notNull())
    .addColumn('releasable_to', 'text', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('modified', 'text', (c) => c.notNull())
    .addColumn('revoked', 'integer', (c) => c.notNull())
    .addColumn('received_from_peer', 'integer', (c) => c.notNull())
    .addColumn('contains_personal_data', 'integer', (c) => c.notNull())
    .addColumn('legal_basis', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('records_type_modified')
    .on('records')
    .columns(['type', 'modified'])
    .execute();
  await db.schema.createIndex('records_created_by').on('records').column('created_by').execute();

  await db.schema
    .createTable('record_releases')
    .addColumn('record_id', 'text', (c) => c.notNull().references('records.id'))
    .addColumn('grantee', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('record_releases_pk', ['record_id', 'grantee'])
    .execute();
  await db.schema
    .createIndex('record_releases_grantee')
    .on('record_releases')
    .columns(['grantee', 'record_id'])
    .execute();

  await db.schema
    .createTable('record_versions')
    .addColumn('record_id', 'text', (c) => c.notNull().references('records.id'))
    .addColumn('modified', 'text', (c) => c.notNull())
    .addColumn('stored_at', 'text', (c) => c.notNull())
    .addColumn('stored_by_user', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_by_user', 'text')
    .addColumn('marking', 'text', (c) => c.notNull())
    .addColumn('marking_valid', 'integer', (c) => c.notNull())
    .addColumn('releasable_to', 'text', (c) => c.notNull())
    .addColumn('revoked', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('record_versions_pk', ['record_id', 'modified'])
    .execute();
}
