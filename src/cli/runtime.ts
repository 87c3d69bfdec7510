/** What every CLI command needs: configuration, an opened and migrated node, and safe output. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../app/config.js';
import { createAppContext, type AppContext } from '../app/context.js';
import { migrateToLatest } from '../storage/migrator.js';

/** dist/web beside the compiled server, or web build beside the sources when run with tsx. */
export function defaultWebDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return join(here, '..', '..', 'web');
}

export function cliConfig(): Config {
  const config = loadConfig();
  return { ...config, webDir: config.webDir ?? defaultWebDir() };
}

/** Opens the node's database (migrating it first unless told not to), runs `work`, and closes it. */
export async function withNode<T>(
  work: (context: AppContext) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  const context = createAppContext(cliConfig());
  try {
    if (options.migrate !== false) await migrateToLatest(context.storage);
    return await work(context);
  } finally {
    await context.storage.close();
  }
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export function fail(message: string): never {
  console.error(`tandem: ${message}`);
  process.exit(1);
}
