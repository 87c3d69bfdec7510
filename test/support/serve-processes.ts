/**
 * Real `serve` processes for crash tests: the CLI run from source on a test
 * database, on a free loopback port, with the settings a test passes. A process
 * is killed with a signal, never stopped in-process, so what a crash leaves
 * behind is what the next process finds.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { TestDatabase } from './storage.js';

export interface ServeProcess {
  url: string;
  child: ChildProcess;
  /** The signal (or exit code) the process ended with. */
  exited: Promise<NodeJS.Signals | number | null>;
}

/** The database URL a child process uses: on PostgreSQL the test's schema goes in the search path. */
export function cliUrl(database: TestDatabase): string {
  if (!database.schema) return database.url;
  const url = new URL(database.url);
  url.searchParams.set('options', `-c search_path=${database.schema},public`);
  return url.toString();
}

/** Starts `serve` on a free loopback port; resolves once /readyz answers. */
export async function startServe(
  database: TestDatabase,
  env: Record<string, string> = {},
): Promise<ServeProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/run.ts', 'serve', '--no-migrate'],
    {
      env: {
        ...process.env,
        TANDEM_DATABASE_URL: cliUrl(database),
        TANDEM_HOST: '127.0.0.1',
        TANDEM_PORT: '0',
        TANDEM_LOG_LEVEL: 'silent',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  if (!child.stdout) throw new Error('no stdout');
  let url: string | undefined;
  for await (const line of createInterface({ input: child.stdout })) {
    const match = /listening at (http:\/\/\S+) /.exec(line);
    if (match) {
      url = match[1];
      break;
    }
  }
  if (url === undefined) throw new Error('serve exited before it listened');
  child.stdout.resume(); // keep draining (the bootstrap link) so the child never blocks on a full pipe
  for (;;) {
    const ready = await fetch(`${url}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return { url, child, exited };
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error('serve exited before it was ready');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** SIGKILLs the process and waits until it is gone. */
export async function killServe(node: ServeProcess): Promise<NodeJS.Signals | number | null> {
  node.child.kill('SIGKILL');
  return node.exited;
}
