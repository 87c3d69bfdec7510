/**
 * Files attached to shareable records (meetings first), bytes included.
 *
 * The content column is declared `bytea`: PostgreSQL's binary type. SQLite
 * accepts any declared type name and stores what it is given; a bound
 * Buffer stays a BLOB (only text is converted under the NUMERIC affinity
 * that name implies), so one declaration serves both engines, which the
 * attachments tests check byte for byte. Kysely's 'blob' would fail on
 * PostgreSQL.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('record_id', 'text', (c) => c.notNull().references('records.id'))
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('uploaded_by_user', 'text', (c) => c.notNull())
    .addColumn('uploaded_by_org', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    // Last: SQLite reaches a column after a large BLOB only by walking its
    // overflow pages, so lists that skip the content must find everything else first.
    .addColumn('content', 'bytea')
    .execute();
  // A record's attachments, newest first, without touching the content.
  await db.schema
    .createIndex('attachments_record')
    .on('attachments')
    .columns(['record_id', 'uploaded_at', 'id'])
    .execute();
}
