/**
 * Opens the database named by a URL: `sqlite:<path>` (the embedded default)
 * or `postgres://…` (scale-out). Everything above this file sees one
 * `Kysely<Database>` and never asks which engine it is talking to.
 */
import { Kysely } from 'kysely';
import { sqliteDialect } from './dialects/sqlite.js';
import { postgresDialect, type PostgresOptions } from './dialects/postgres.js';
import type { Database } from './schema.js';
import { registerCapabilities, type StorageCapabilities } from './capabilities.js';
import { sqliteCapabilities } from './dialects/sqlite-capabilities.js';
import { postgresCapabilities } from './dialects/postgres-capabilities.js';

export type EngineName = 'sqlite' | 'postgres';

export interface Storage {
  readonly engine: EngineName;
  readonly db: Kysely<Database>;
  readonly capabilities: StorageCapabilities;
  /** The PostgreSQL schema this storage works in, when one was named (tests give each file its own). */
  readonly schema?: string | undefined;
  close(): Promise<void>;
}

export function engineOf(url: string): EngineName {
  if (url.startsWith('sqlite:')) return 'sqlite';
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgres';
  throw new Error('TANDEM_DATABASE_URL must start with sqlite: or postgres://');
}

export function openStorage(url: string, options: PostgresOptions = {}): Storage {
  const engine = engineOf(url);
  if (engine === 'sqlite') {
    const { dialect, database } = sqliteDialect(url.slice('sqlite:'.length) || ':memory:');
    const db = new Kysely<Database>({ dialect });
    const capabilities = sqliteCapabilities(database);
    registerCapabilities(db, capabilities);
    return { engine, db, capabilities, close: () => db.destroy() };
  }
  const db = new Kysely<Database>({ dialect: postgresDialect(url, options) });
  const capabilities = postgresCapabilities;
  registerCapabilities(db, capabilities);
  return { engine, db, capabilities, schema: options.schema, close: () => db.destroy() };
}
