/**
 * Runs the timestamped migrations in src/storage/migrations on either engine.
 * Migrations are listed statically (not read from a folder) so that the
 * compiled build and the test runner see the same set.
 */
import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import type { StorageCapabilities } from './capabilities.js';
import type { Storage } from './database.js';
import { currentPostgresSchema } from './dialects/postgres.js';
import { MIGRATIONS } from './migrations/index.js';

/**
 * A migration may export `upWith(db, capabilities)` instead of `up(db)` when
 * part of it differs between engines (the difference itself lives in
 * storage/dialects).
 */
interface MigrationModule {
  up?: (db: Kysely<unknown>) => Promise<void>;
  upWith?: (db: Kysely<unknown>, capabilities: StorageCapabilities) => Promise<void>;
}

function withCapabilities(capabilities: StorageCapabilities): Record<string, Migration> {
  const migrations: Record<string, Migration> = {};
  for (const [name, module] of Object.entries(MIGRATIONS as Record<string, MigrationModule>)) {
    migrations[name] = {
      up: async (db) => {
        if (module.upWith) await module.upWith(db, capabilities);
        else if (module.up) await module.up(db);
        else throw new Error(`migration ${name} has neither up nor upWith`);
      },
    };
  }
  return migrations;
}

/**
 * Kysely looks for its own tables in every schema unless told which: with
 * several schemas in one database (a test file each, a benchmark's own, an
 * operator's other application), another schema's tables would count and
 * its lock table would never be created here. So it is always told.
 */
async function migrationSchemaOf(storage: Storage): Promise<string | undefined> {
  if (storage.schema) return storage.schema;
  return storage.engine === 'postgres' ? currentPostgresSchema(storage.db) : undefined;
}

export async function migrateToLatest(storage: Storage): Promise<MigrationResultSet> {
  const schema = await migrationSchemaOf(storage);
  const migrator = new Migrator({
    db: storage.db,
    ...(schema ? { migrationTableSchema: schema } : {}),
    provider: { getMigrations: () => Promise.resolve(withCapabilities(storage.capabilities)) },
  });
  const result = await migrator.migrateToLatest();
  if (result.error)
    throw result.error instanceof Error
      ? result.error
      : new Error('migration failed', { cause: result.error });
  return result;
}
