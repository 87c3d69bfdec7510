/**
 * Movements, second part: the escort's check-in and duress codes (hashed,
 * never in the record body), and the last risk assessment with what
 * contributed to it (each contributor is shown only to readers who may read
 * the record behind it, so the list cannot live in the shared body).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('movement_codes')
    .addColumn('movement_id', 'text', (c) => c.primaryKey().references('movements.id'))
    .addColumn('checkin_hash', 'text', (c) => c.notNull())
    .addColumn('duress_hash', 'text', (c) => c.notNull())
    .addColumn('set_at', 'text', (c) => c.notNull())
    .addColumn('set_by_user', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('movement_risk')
    .addColumn('movement_id', 'text', (c) => c.primaryKey().references('movements.id'))
    .addColumn('assessed_at', 'text', (c) => c.notNull())
    .addColumn('assessed_by_user', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('computed_level', 'text', (c) => c.notNull())
    .addColumn('contributors', 'text', (c) => c.notNull())
    .addColumn('override_level', 'text')
    .addColumn('override_reason', 'text')
    .addColumn('overridden_by_user', 'text')
    .addColumn('overridden_at', 'text')
    .execute();
}
