/**
 * Federation: this node's Ed25519 identity, its peers (and the organisations
 * each hosts), the pull state per peer, replay protection for signed
 * requests, TAXII collections an administrator defines with the STIX objects
 * stored in them as they came, TAXII status resources, and the index the
 * per-peer egress view pages by (when each record version was stored).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('node_identity')
    .addColumn('id', 'text', (c) => c.primaryKey()) // the node's STIX identity id
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull()) // raw 32 bytes, base64url
    .addColumn('private_key', 'text', (c) => c.notNull()) // PKCS#8 PEM
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('peers')
    .addColumn('id', 'text', (c) => c.primaryKey()) // the peer node's STIX identity id
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('base_url', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull().unique())
    /** The TAXII collection this node serves to the peer (its egress view). */
    .addColumn('collection_id', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .execute();

  await db.schema
    .createTable('peer_organisations')
    .addColumn('peer_id', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('peer_organisations_pk', ['peer_id', 'org_id'])
    .execute();
  await db.schema
    .createIndex('peer_organisations_org')
    .on('peer_organisations')
    .column('org_id')
    .execute();

  await db.schema
    .createTable('peer_sync')
    .addColumn('peer_id', 'text', (c) => c.primaryKey())
    /** date_added of the last object taken from the peer's collection (TAXII added_after). */
    .addColumn('cursor', 'text')
    .addColumn('last_attempt_at', 'text')
    .addColumn('last_success_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('objects_received', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('peer_nonces')
    .addColumn('peer_id', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('peer_nonces_pk', ['peer_id', 'nonce'])
    .execute();
  await db.schema.createIndex('peer_nonces_seen').on('peer_nonces').column('seen_at').execute();

  await db.schema
    .createTable('taxii_collections')
    .addColumn('id', 'text', (c) => c.primaryKey()) // a UUID, as TAXII names collections
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    /** Who may read and write it: the collection carries sharing fields like a record. */
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('marking', 'text', (c) => c.notNull())
    .addColumn('releasable_to', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .execute();

  await db.schema
    .createTable('stix_objects')
    .addColumn('collection_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    /** `modified`, or `created` for objects without it, or '' for objects with neither (markings). */
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('spec_version', 'text', (c) => c.notNull())
    .addColumn('date_added', 'text', (c) => c.notNull())
    /** The object exactly as it arrived (JSON text), served back unchanged. */
    .addColumn('body', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stix_objects_pk', ['collection_id', 'id', 'version'])
    .execute();
  await db.schema
    .createIndex('stix_objects_added')
    .on('stix_objects')
    .columns(['collection_id', 'date_added', 'id'])
    .execute();

  await db.schema
    .createTable('taxii_statuses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** The user or peer that made the request: only it reads the status. */
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('request_timestamp', 'text', (c) => c.notNull())
    .addColumn('total_count', 'integer', (c) => c.notNull())
    .addColumn('success_count', 'integer', (c) => c.notNull())
    .addColumn('failure_count', 'integer', (c) => c.notNull())
    .addColumn('pending_count', 'integer', (c) => c.notNull())
    /** JSON arrays of status details ({ id, version, message? }). */
    .addColumn('successes', 'text', (c) => c.notNull())
    .addColumn('failures', 'text', (c) => c.notNull())
    .addColumn('pendings', 'text', (c) => c.notNull())
    .execute();

  // The egress view pages through records in the order this node stored them.
  await db.schema
    .createIndex('records_stored')
    .on('records')
    .columns(['stored_at', 'id'])
    .execute();
}
