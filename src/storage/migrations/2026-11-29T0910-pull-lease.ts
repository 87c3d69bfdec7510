/**
 * The pull lease: several Tandem processes on one PostgreSQL database each
 * run a pull loop, and without a lease each pulled every peer, fetching
 * every page once per process and racing to store it. The process holding
 * a peer's lease (until `lease_until`, renewed while it pulls) is the one
 * that pulls it.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('peer_sync').addColumn('lease_holder', 'text').execute();
  await db.schema.alterTable('peer_sync').addColumn('lease_until', 'text').execute();
}
