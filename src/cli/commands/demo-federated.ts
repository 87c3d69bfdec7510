/**
 * `tandem demo --federated`: the scenario's two nodes on this machine, the
 * Islamabad node (host country: sites, movements, the protection picture)
 * and the Beijing node (guest country), each with its own SQLite database,
 * listening on two ports and registered as each other's peers with their
 * real keys, so that what one releases reaches the other within a second.
 * Prints the logins of both and the steps to watch a threat report
 * released in Islamabad raise its alert in Beijing.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig, type Config } from '../../app/config.js';
import { createAppContext } from '../../app/context.js';
import { seedDemo, demoOrganisationId, type DemoOptions } from '../../demo/seed.js';
import { DEMO_NODES, DEMO_ORGANISATIONS, type DemoNodeKey } from '../../demo/scenario.js';
import { addPeer } from '../../modules/federation/peers.service.js';
import { findPeer } from '../../modules/federation/peers.repository.js';
import { migrateToLatest } from '../../storage/migrator.js';
import { defaultWebDir } from '../runtime.js';
import { printLogins } from './demo-output.js';
import { startNode, type RunningNode } from './serve.js';

export interface FederatedDemoOptions extends DemoOptions {
  dataDir: string;
  /** Islamabad listens here, Beijing on the next port. */
  port: number;
  host: string;
}

function nodeConfig(options: FederatedDemoOptions, node: DemoNodeKey): Config {
  const port = options.port + (node === 'pk' ? 0 : 1);
  const base = loadConfig();
  return {
    ...base,
    databaseUrl: `sqlite:${join(options.dataDir, `${node === 'pk' ? 'islamabad' : 'beijing'}.db`)}`,
    host: options.host,
    port,
    publicUrl: `http://${options.host}:${port}`,
    nodeName: DEMO_NODES[node].name,
    webDir: base.webDir ?? defaultWebDir(),
    federation: { ...base.federation, pullIntervalMs: 5_000 },
  };
}

async function seedNode(options: FederatedDemoOptions, node: DemoNodeKey) {
  const context = createAppContext(nodeConfig(options, node));
  try {
    await migrateToLatest(context.storage);
    const seeded = await seedDemo(
      { ...context.identity, capabilities: context.storage.capabilities },
      node,
      { ...options, protection: node === 'pk' },
    );
    await context.nodeIdentity();
    return seeded;
  } finally {
    await context.storage.close();
  }
}

/** Registers `other` as a peer of `self` (once), with the organisations the scenario puts on it. */
async function peer(self: RunningNode, other: RunningNode, otherKey: DemoNodeKey): Promise<void> {
  const { identity } = await other.context.nodeIdentity();
  if (await findPeer(self.context.storage.db, identity.id)) return;
  const added = await addPeer(
    self.context.identity,
    {
      nodeId: identity.id,
      name: identity.name,
      baseUrl: other.url,
      publicKey: identity.public_key,
      orgIds: DEMO_ORGANISATIONS.filter((org) => org.node === otherKey).map((org) =>
        demoOrganisationId(org.key),
      ),
    },
    undefined,
  );
  if (!added.ok) throw new Error(`peering ${self.url} with ${other.url}: ${added.error}`);
}

export async function runFederatedDemo(options: FederatedDemoOptions): Promise<void> {
  mkdirSync(resolve(options.dataDir), { recursive: true });
  const pk = await seedNode(options, 'pk');
  const cn = await seedNode(options, 'cn');
  const islamabad = await startNode({
    migrate: false,
    config: nodeConfig(options, 'pk'),
    handleSignals: false,
  });
  const beijing = await startNode({
    migrate: false,
    config: nodeConfig(options, 'cn'),
    handleSignals: false,
  });
  await peer(islamabad, beijing, 'cn');
  await peer(beijing, islamabad, 'pk');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void Promise.all([islamabad.stop(), beijing.stop()]).then(() => process.exit(0));
    });
  }
  console.log(`\nTandem federated demo — two nodes, peered with each other\n`);
  console.log(`${pk.nodeName}: ${islamabad.url}`);
  printLogins(pk.logins);
  console.log(`\n${cn.nodeName}: ${beijing.url}`);
  printLogins(cn.logins);
  console.log(`
To see a threat report released in Islamabad appear, with its alert, in Beijing:
  1. In Islamabad (${islamabad.url}) sign in as demo.analyst. Intelligence → New threat report: an area
     around the Dasu hydropower site (35.30 N, 73.22 E, 10 km), TLP:AMBER, released to
     "Hydropower contractor, Security Department"; save, then publish it.
  2. In Beijing (${beijing.url}) sign in as demo.orgadmin (the hydropower contractor): the report is under
     Intelligence (its originator the Islamabad organisation that wrote it), and Alerts shows the
     alert for the Dasu site (the site itself was released to the contractor by Islamabad and came
     the same way).
  The Peers page (/peers) on either node, as demo.admin, shows the peer, its last pull, and what it receives.

Stop with Ctrl+C.`);
}
