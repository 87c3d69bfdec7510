/**
 * A real Tandem node for the browser tests: the built CLI (`npm run build`
 * first) run as child processes against a fresh SQLite file — migrate,
 * create two organisations (a ministry with a node administrator, a duty
 * officer and an analyst; a partner embassy with an analyst), then serve on
 * a free port until /readyz answers 200.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = process.cwd();
const CLI = join(ROOT, 'bin', 'tandem.js');

export interface E2eUser {
  username: string;
  password: string;
  displayName: string;
  organisationName: string;
}

export interface E2eServer {
  url: string;
  /** The node's database, for suites that run a node job (the overdue scan) against it directly. */
  databaseUrl: string;
  /** A node administrator. */
  admin: E2eUser;
  /** A duty officer of the same organisation, for tests that change their own account (MFA). */
  officer: E2eUser;
  /** An analyst of the same organisation: records incidents. */
  analyst: E2eUser;
  /** An analyst of another organisation (a partner embassy), for release checks. */
  partner: E2eUser;
  /** What the node printed so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function runCli(args: string[], env: NodeJS.ProcessEnv, stdin?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve(stdout);
      else
        reject(
          new Error(
            `tandem ${args.slice(0, 2).join(' ')} exited with ${code}: ${stderr || stdout}`,
          ),
        );
    });
    child.stdin.end(stdin ?? '');
  });
}

async function waitUntilReady(
  url: string,
  node: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (node.exitCode !== null) {
      throw new Error(`tandem serve exited with ${node.exitCode}:\n${output()}`);
    }
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`tandem serve was not ready within 30 s:\n${output()}`);
}

export async function startE2eServer(): Promise<E2eServer> {
  for (const built of ['dist/server/cli/main.js', 'dist/web/index.html']) {
    if (!existsSync(join(ROOT, built))) {
      throw new Error(`${built} is missing: run \`npm run build\` first.`);
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'tandem-e2e-'));
  const port = await freePort();
  const databaseUrl = `sqlite:${join(dir, 'tandem.db')}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TANDEM_DATABASE_URL: databaseUrl,
    TANDEM_PORT: String(port),
    TANDEM_HOST: '127.0.0.1',
    TANDEM_ENV: 'development',
    TANDEM_LOG_LEVEL: 'warn',
    TANDEM_NODE_NAME: 'e2e-node',
  };
  const organisationName = 'E2E Ministry of Interior';
  const admin: E2eUser = {
    username: 'e2e.admin',
    password: 'e2e correct horse battery staple',
    displayName: 'Ayesha Siddiqui',
    organisationName,
  };
  const officer: E2eUser = {
    username: 'e2e.officer',
    password: 'e2e duty officer passphrase',
    displayName: 'Zhang Wei',
    organisationName,
  };

  const analyst: E2eUser = {
    username: 'e2e.analyst',
    password: 'e2e analyst passphrase here',
    displayName: 'Imran Qureshi',
    organisationName,
  };
  const partner: E2eUser = {
    username: 'e2e.partner',
    password: 'e2e partner passphrase here',
    displayName: 'Li Na',
    organisationName: 'E2E Partner Embassy',
  };

  await runCli(['migrate'], env);
  const createOrganisation = async (name: string, country: string, kind: string) => {
    const created = await runCli(
      ['org', 'create', '--name', name, '--country', country, '--kind', kind],
      env,
    );
    const id = /identity--[0-9a-f-]{36}/.exec(created)?.[0];
    if (!id) throw new Error(`tandem org create printed no organisation id: ${created}`);
    return id;
  };
  const orgId = await createOrganisation(organisationName, 'PK', 'ministry');
  const partnerOrgId = await createOrganisation(partner.organisationName, 'CN', 'embassy');
  for (const [user, role, org] of [
    [admin, 'node_admin', orgId],
    [officer, 'duty_officer', orgId],
    [analyst, 'analyst', orgId],
    [partner, 'analyst', partnerOrgId],
  ] as const) {
    await runCli(
      [
        ...['user', 'create', '--username', user.username, '--display-name', user.displayName],
        ...['--org', org, '--role', role, '--password-stdin'],
      ],
      env,
      user.password,
    );
  }

  const node = spawn(process.execPath, [CLI, 'serve'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  node.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  node.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const output = () => log;

  const stop = async (): Promise<void> => {
    if (node.exitCode === null && node.signalCode === null) {
      const exited = new Promise<void>((resolve) => node.once('exit', () => resolve()));
      node.kill('SIGTERM');
      const timer = setTimeout(() => node.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await waitUntilReady(url, node, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, databaseUrl, admin, officer, analyst, partner, output, stop };
}
