import type { Command } from 'commander';
import { createAppContext, type AppContext } from '../../app/context.js';
import { buildServer } from '../../app/server.js';
import { issueBootstrapLink } from '../../modules/identity/bootstrap.service.js';
import { migrateToLatest } from '../../storage/migrator.js';
import { isoNow } from '../../core/clock.js';
import { deleteExpiredSessions } from '../../modules/identity/credentials.repository.js';
import { startWorkers } from '../../app/workers.js';
import { cliConfig } from '../runtime.js';
import type { Config } from '../../app/config.js';

export interface RunningNode {
  url: string;
  context: AppContext;
  stop(): Promise<void>;
}

/** Starts a node and stops it cleanly on SIGINT/SIGTERM. Shared by `serve` and `demo --serve`. */
export async function startNode(options: {
  migrate: boolean;
  /** Another configuration than the environment's (the federated demo runs two nodes). */
  config?: Config;
  /** Stop on SIGINT/SIGTERM (default); a caller running several nodes handles signals itself. */
  handleSignals?: boolean;
}): Promise<RunningNode> {
  const config = options.config ?? cliConfig();
  const context = createAppContext(config);
  if (options.migrate) await migrateToLatest(context.storage);
  const app = await buildServer(context);
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url =
    config.publicUrl ??
    `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  // Expired sessions are refused on sight; purging them keeps the table small.
  const purgeSessions = () =>
    void deleteExpiredSessions(context.storage.db, isoNow(context.clock)).catch((error: unknown) =>
      app.log.error({ err: error }, 'session purge failed'),
    );
  purgeSessions();
  const purgeTimer = setInterval(purgeSessions, 3_600_000).unref();
  const workers = startWorkers(context, app.log);
  const stop = async () => {
    clearInterval(purgeTimer);
    await workers.stop();
    await app.close();
    await context.storage.close();
  };
  if (options.handleSignals !== false) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        void stop().then(() => process.exit(0));
      });
    }
  }
  return { url, context, stop };
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the node: the API, the web app and the schedulers')
    .option('--no-migrate', 'do not bring the database schema up to date first')
    .action(async (options: { migrate: boolean }) => {
      const node = await startNode({ migrate: options.migrate });
      console.log(
        `Tandem node "${await node.context.nodeName()}" is listening at ${node.url} (storage: ${node.context.storage.engine})`,
      );
      const bootstrap = await issueBootstrapLink(node.context.identity);
      if (bootstrap) {
        console.log(
          'This node has no users yet. Create the first administrator with this one-time link (valid 24 hours):',
        );
        console.log(`  ${node.url}/bootstrap#${bootstrap}`);
      }
    });
}
