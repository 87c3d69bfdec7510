/**
 * Two (or more) real Tandem nodes in this process, each with its own test
 * database, listening on loopback with its workers running (pulls, notices,
 * the alert matcher), peered with each other the way administrators do it.
 */
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/app/config.js';
import { createAppContext, type AppContext } from '../../src/app/context.js';
import { buildServer } from '../../src/app/server.js';
import { startWorkers, type RunningWorkers } from '../../src/app/workers.js';
import { createOrganisation } from '../../src/modules/identity/admin.service.js';
import { addPeer } from '../../src/modules/federation/peers.service.js';
import { createTestDatabase, type TestDatabase } from './storage.js';
import type { EngineName } from '../../src/storage/database.js';

export interface TestNode {
  name: string;
  url: string;
  app: FastifyInstance;
  context: AppContext;
  database: TestDatabase;
  /** Organisations this node hosts. */
  orgIds: string[];
  stop(): Promise<void>;
}

const silentLog = { error: () => undefined, info: () => undefined };

export async function startTestNode(
  engine: EngineName,
  name: string,
  options: { pullIntervalMs?: number; orgNames?: string[]; database?: TestDatabase } = {},
): Promise<TestNode> {
  const database = options.database ?? (await createTestDatabase(engine));
  const config = loadConfig({
    TANDEM_DATABASE_URL: database.url,
    TANDEM_ENV: 'test',
    TANDEM_LOG_LEVEL: 'silent',
    TANDEM_NODE_NAME: name,
    TANDEM_FEDERATION_PULL_MS: String(options.pullIntervalMs ?? 60_000),
  });
  const context = createAppContext(config, { storage: database.storage });
  const app = await buildServer(context);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const orgIds: string[] = [];
  for (const orgName of options.orgNames ?? [`${name} police`]) {
    const org = await createOrganisation(
      context.identity,
      { name: orgName, country: 'PK', kind: 'police' },
      undefined,
    );
    if (!org.ok) throw new Error(org.error);
    orgIds.push(org.value.id);
  }
  let workers: RunningWorkers | undefined = startWorkers(context, silentLog);
  return {
    name,
    url,
    app,
    context,
    database,
    orgIds,
    async stop() {
      await workers?.stop();
      workers = undefined;
      await app.close();
      if (!options.database) await database.dispose();
    },
  };
}

/** Registers each node as the other's peer, as their administrators would. */
export async function peerNodes(a: TestNode, b: TestNode): Promise<void> {
  for (const [self, other] of [
    [a, b],
    [b, a],
  ] as const) {
    const { identity } = await other.context.nodeIdentity();
    const added = await addPeer(
      self.context.identity,
      {
        nodeId: identity.id,
        name: other.name,
        baseUrl: other.url,
        publicKey: identity.public_key,
        orgIds: other.orgIds,
      },
      undefined,
    );
    if (!added.ok) throw new Error(`peering ${self.name} with ${other.name}: ${added.error}`);
  }
}
