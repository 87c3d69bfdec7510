/**
 * The scale-out engine: PostgreSQL through node-postgres. Several Tandem
 * processes may share one database; nothing here may assume it is alone.
 */
import pg from 'pg';
import { PostgresDialect, sql, type Dialect, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

// int8 (counts, audit sequence numbers) as numbers: they stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

export interface PostgresOptions {
  /**
   * Schema to work in (tests give each file its own). `public` stays on the
   * search path behind it: extensions (pg_trgm) are installed once per
   * database, and their operator classes must resolve from every schema.
   */
  schema?: string;
  maxConnections?: number;
}

export function postgresDialect(url: string, options: PostgresOptions = {}): Dialect {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    ...(options.schema
      ? { options: `-c search_path=${quoteIdentifier(options.schema)},public` }
      : {}),
  });
  // JIT compilation off on every connection: Tandem's queries are short, and PostgreSQL decides to
  // compile from cost estimates, which are far off on tables without statistics (a bulk load, a
  // server with autovacuum off). It then spent 20-450 ms compiling for a query that reads a
  // handful of rows (the federation egress query). Queued on the new connection before any other
  // query. A server without the setting (before PostgreSQL 11) has no JIT to turn off.
  pool.on('connect', (client) => {
    client.query('set jit = off').catch(() => undefined);
  });
  return new PostgresDialect({ pool });
}

function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe schema name: ${name}`);
  return name;
}

/** The schema unqualified names resolve to on this connection (the first of the search path). */
export async function currentPostgresSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('PostgreSQL has no current schema: check the search_path');
  return schema;
}
