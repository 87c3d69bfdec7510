/**
 * Cross-process notifications on PostgreSQL: NOTIFY through the pool, and
 * LISTEN on one dedicated connection (a pooled connection would be handed to
 * other queries and miss notifications). The channel is `tandem_live`, or
 * `tandem_live_<schema>` when the storage works in its own schema (tests run
 * many schemas in one database, and NOTIFY channels are database-wide).
 */
import pg from 'pg';
import { sql, type QueryExecutorProvider } from 'kysely';
import type { CrossProcessChannel } from '../cross-process.js';

export interface PostgresLiveOptions {
  url: string;
  /** Kysely on the same database: NOTIFY goes through its pool. */
  db: QueryExecutorProvider;
  schema?: string | undefined;
  baseChannel?: string;
}

export function liveChannelName(base: string, schema: string | undefined): string {
  const name = schema ? `${base}_${schema}` : base;
  // Used as an identifier in LISTEN, which takes no parameters: only safe names.
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`unsafe channel name: ${name}`);
  return name;
}

export function postgresLiveChannel(options: PostgresLiveOptions): CrossProcessChannel {
  const channel = liveChannelName(options.baseChannel ?? 'tandem_live', options.schema);
  return {
    async notify(payload) {
      await sql`select pg_notify(${channel}, ${payload})`.execute(options.db);
    },
    async listen(onPayload, onError) {
      const client = new pg.Client({
        connectionString: options.url,
        application_name: 'tandem live',
      });
      let ended = false;
      client.on('notification', (message) => {
        if (message.channel === channel && message.payload !== undefined)
          onPayload(message.payload);
      });
      client.on('error', (error) => {
        if (!ended) onError(error);
      });
      client.on('end', () => {
        if (!ended) onError(new Error('live notification connection ended'));
      });
      await client.connect();
      try {
        await client.query(`LISTEN ${channel}`);
      } catch (error) {
        ended = true;
        await client.end().catch(() => undefined);
        throw error;
      }
      return async () => {
        if (ended) return;
        ended = true;
        await client.end();
      };
    },
  };
}
