/**
 * Runs the timestamped migrations in src/storage/migrations on either engine.
 * Migrations are listed statically (not read from a folder) so that the
 * compiled build and the test runner see the same set.
 */
import { Migrator, type Migration, type MigrationResultSet } from 'kysely';
import type { Storage } from './database.js';
import { MIGRATIONS } from './migrations/index.js';

export async function migrateToLatest(storage: Storage): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db: storage.db,
    provider: { getMigrations: () => Promise.resolve<Record<string, Migration>>(MIGRATIONS) },
  });
  const result = await migrator.migrateToLatest();
  if (result.error)
    throw result.error instanceof Error
      ? result.error
      : new Error('migration failed', { cause: result.error });
  return result;
}
