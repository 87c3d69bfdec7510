/**
 * Two Tandem nodes for the federation benchmarks: each its own database
 * (a SQLite file, or a PostgreSQL schema), migrated, with its organisations,
 * users and node identity, peered with the other the way administrators do
 * it (addPeer, on a loopback port chosen in advance), and then each served by
 * the real `serve` command in its own process. Set-up runs in the bench's
 * process and closes its storage before any node starts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../src/app/config.js';
import { createAppContext, type AppContext } from '../../src/app/context.js';
import { createOrganisation, createUser } from '../../src/modules/identity/admin.service.js';
import { toCurrentUser } from '../../src/modules/identity/identity.presenter.js';
import type { CurrentUser } from '../../src/modules/identity/identity.types.js';
import { findUser } from '../../src/modules/identity/users.repository.js';
import { addPeer } from '../../src/modules/federation/peers.service.js';
import { migrateToLatest } from '../../src/storage/migrator.js';

export const PASSWORD = 'bench password long enough';

/** With TANDEM_BENCH_CPU_PROF=<dir>, each node process writes a CPU profile there (node --cpu-prof). */
export function profilingArgs(): string[] {
  const dir = process.env.TANDEM_BENCH_CPU_PROF;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

export interface NodeDatabase {
  name: string;
  /** The URL every process of this node opens (on PostgreSQL it carries the search_path). */
  url: string;
  port: number;
  base: string;
}

export interface NodeSetUp {
  orgId: string;
  analyst: CurrentUser;
  username: string;
  nodeId: string;
  publicKey: string;
}

/** A loopback port nobody listens on now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Node databases under `dir` (SQLite), or fresh schemas `<prefix>_a`, `<prefix>_b` (PostgreSQL). */
export async function nodeDatabases(
  engine: 'SQLite' | 'PostgreSQL',
  where: { dir: string; postgresUrl?: string | undefined; prefix: string },
): Promise<[NodeDatabase, NodeDatabase]> {
  const made: NodeDatabase[] = [];
  for (const name of ['A', 'B']) {
    const port = await freePort();
    let url: string;
    if (engine === 'SQLite') {
      url = `sqlite:${join(where.dir, `node-${name}.db`)}`;
    } else {
      const schema = `${where.prefix}_${name.toLowerCase()}`;
      const client = new pg.Client({ connectionString: where.postgresUrl });
      await client.connect();
      // pg_trgm in `public`, as the test set-up does: created by the first migration it would
      // land in that node's schema, and the other node's schema could not see it.
      await client.query(
        `create extension if not exists pg_trgm schema public; drop schema if exists ${schema} cascade; create schema ${schema}`,
      );
      await client.end();
      const withPath = new URL(where.postgresUrl ?? '');
      withPath.searchParams.set('options', `-c search_path=${schema},public`);
      url = withPath.toString();
    }
    made.push({ name, url, port, base: `http://127.0.0.1:${port}` });
  }
  return made as [NodeDatabase, NodeDatabase];
}

export function contextOf(node: NodeDatabase): AppContext {
  return createAppContext(
    loadConfig({
      TANDEM_DATABASE_URL: node.url,
      TANDEM_LOG_LEVEL: 'silent',
      TANDEM_NODE_NAME: `Bench node ${node.name}`,
    }),
  );
}

/** Migrates the node's database and gives it one organisation with an analyst. */
export async function setUpNode(context: AppContext, node: NodeDatabase): Promise<NodeSetUp> {
  await migrateToLatest(context.storage);
  const org = await createOrganisation(
    context.identity,
    { name: `Bench ${node.name} agency`, country: 'PK', kind: 'agency' },
    undefined,
  );
  if (!org.ok) throw new Error(org.error);
  const username = `bench.analyst.${node.name.toLowerCase()}`;
  const user = await createUser(
    context.identity,
    {
      username,
      password: PASSWORD,
      displayName: `Bench analyst ${node.name}`,
      orgId: org.value.id,
      roles: ['analyst'],
    },
    undefined,
  );
  if (!user.ok) throw new Error(user.error);
  const row = await findUser(context.storage.db, user.value.id);
  if (!row) throw new Error('bench user vanished');
  const { identity } = await context.nodeIdentity();
  return {
    orgId: org.value.id,
    analyst: toCurrentUser(row),
    username,
    nodeId: identity.id,
    publicKey: identity.public_key,
  };
}

/** Registers `other` as a peer of the node behind `context`. */
export async function registerPeer(
  context: AppContext,
  other: NodeDatabase,
  otherSetUp: NodeSetUp,
): Promise<void> {
  const added = await addPeer(
    context.identity,
    {
      nodeId: otherSetUp.nodeId,
      name: `Bench node ${other.name}`,
      baseUrl: other.base,
      publicKey: otherSetUp.publicKey,
      orgIds: [otherSetUp.orgId],
    },
    undefined,
  );
  if (!added.ok) throw new Error(`peering with ${other.name}: ${added.error}`);
}

export interface ServedNode {
  child: ChildProcess;
  stop(): Promise<void>;
}

/** `serve --no-migrate` from source in its own process; resolves once /readyz answers. */
export async function serveNode(
  node: NodeDatabase,
  env: Record<string, string> = {},
): Promise<ServedNode> {
  const child = spawn(
    process.execPath,
    [...profilingArgs(), '--import', 'tsx', 'src/cli/run.ts', 'serve', '--no-migrate'],
    {
      env: {
        ...process.env,
        TANDEM_DATABASE_URL: node.url,
        TANDEM_HOST: '127.0.0.1',
        TANDEM_PORT: String(node.port),
        TANDEM_LOG_LEVEL: 'silent',
        TANDEM_NODE_NAME: `Bench node ${node.name}`,
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`node ${node.name} exited before it was ready`);
    const ready = await fetch(`${node.base}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`node ${node.name} not ready within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    child,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** CPU time (user + system) a process of ours has used so far, in ms; Linux only, else NaN. */
export function cpuMsOf(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1_000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/**
 * CPU time the whole machine has used so far, in ms, from /proc/stat (every
 * core, user and system): with the nodes' own CPU subtracted, what the rest
 * took meanwhile, mostly the database server. Counting PostgreSQL's
 * processes one by one misses the backends that end before the reading.
 * NaN where /proc cannot be read.
 */
export function machineCpuMs(): number {
  try {
    const [cpu] = readFileSync('/proc/stat', 'utf8').split('\n');
    // cpu  user nice system idle iowait irq softirq steal ...
    const ticks = (cpu ?? '').trim().split(/\s+/).slice(1).map(Number);
    const busy = [0, 1, 2, 5, 6].reduce((sum, index) => sum + (ticks[index] ?? NaN), 0);
    return (busy * 1_000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/** USER_HZ: 100 on every Linux Tandem runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

export const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
