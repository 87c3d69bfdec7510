/**
 * The embedded engine: one SQLite file in WAL mode through better-sqlite3.
 * Only connection set-up lives here; queries are the same on both engines.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { SqliteDialect, type Dialect, type SqliteDatabase } from 'kysely';

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every statement anew; preparing costs as much as running a
 * small query. Queries built by the repositories repeat the same SQL text, so
 * keep the prepared statements. (Streaming queries would need their own
 * statement; Tandem does not stream from SQLite.)
 */
function withStatementCache(database: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (!statement) {
        statement = database.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

/** The dialect, and the connection itself for what must bypass Kysely (bulk-insert.ts). */
export function sqliteDialect(path: string): { dialect: Dialect; database: SQLite.Database } {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new SQLite(path);
  database.pragma('journal_mode = WAL');
  // NORMAL is durable across application crashes in WAL mode; FULL only adds power-loss durability at a large cost.
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // The default 2 MiB page cache thrashes once indexes outgrow it (random UUID keys, H3 cells):
  // 64 MiB keeps the hot pages of a node with millions of records in memory.
  database.pragma('cache_size = -65536');
  database.pragma('temp_store = memory');
  return { dialect: new SqliteDialect({ database: withStatementCache(database) }), database };
}
