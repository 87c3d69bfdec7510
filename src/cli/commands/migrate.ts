import type { Command } from 'commander';
import { migrateToLatest } from '../../storage/migrator.js';
import { withNode } from '../runtime.js';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description(
      'bring the database schema up to date (SQLite or PostgreSQL, from TANDEM_DATABASE_URL)',
    )
    .action(async () => {
      await withNode(
        async (context) => {
          const result = await migrateToLatest(context.storage);
          const applied =
            result.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
          console.log(
            applied.length > 0
              ? `Applied ${applied.length} migration(s): ${applied.join(', ')}`
              : 'The database is up to date.',
          );
        },
        { migrate: false },
      );
    });
}
