/**
 * Full-text search over shareable records (titles, narratives, places) in
 * English, Chinese and Urdu. The table differs per engine (see the
 * capabilities in storage/dialects); its contents and queries do not.
 */
import type { Kysely } from 'kysely';
import type { StorageCapabilities } from '../capabilities.js';

export async function upWith(
  db: Kysely<unknown>,
  capabilities: StorageCapabilities,
): Promise<void> {
  await capabilities.createSearchTable(db);
}
