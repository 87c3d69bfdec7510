/**
 * The embedded engine: one SQLite file in WAL mode through better-sqlite3.
 * Only connection set-up lives here; queries are the same on both engines.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { SqliteDialect, type Dialect } from 'kysely';

export function sqliteDialect(path: string): Dialect {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new SQLite(path);
  database.pragma('journal_mode = WAL');
  // NORMAL is durable across application crashes in WAL mode; FULL only adds power-loss durability at a large cost.
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return new SqliteDialect({ database });
}
