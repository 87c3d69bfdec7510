import type { Command } from 'commander';
import { seedDemo } from '../../demo/seed.js';
import { printFieldCodes, printLogins } from './demo-output.js';
import { cliConfig, fail, withNode } from '../runtime.js';
import { runFederatedDemo } from './demo-federated.js';
import { startNode } from './serve.js';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'load the demo scenario (organisations of both partner nodes, one demo user per role)',
    )
    .option('--node <key>', 'which partner node this is: pk (Islamabad) or cn (Beijing)', 'pk')
    .option('--serve', 'start the node afterwards')
    .option(
      '--federated',
      'load and start both scenario nodes (Islamabad and Beijing) on this machine, peered with each other',
    )
    .option(
      '--data-dir <dir>',
      'with --federated: where the two nodes keep their databases',
      './data/federated',
    )
    .option('--synthetic <count>', 'synthetic incidents to generate on the first run', '3000')
    .option(
      '--synthetic-reports <count>',
      'synthetic threat reports to generate on the first run',
      '300',
    )
    .action(
      async (options: {
        node: string;
        serve?: boolean;
        federated?: boolean;
        dataDir: string;
        synthetic: string;
        syntheticReports: string;
      }) => {
        if (options.node !== 'pk' && options.node !== 'cn') fail('--node must be pk or cn');
        for (const [flag, value] of [
          ['--synthetic', options.synthetic],
          ['--synthetic-reports', options.syntheticReports],
        ] as const) {
          if (!/^\d{1,7}$/.test(value)) fail(`${flag} must be a whole number`);
        }
        if (options.federated) {
          const config = cliConfig();
          await runFederatedDemo({
            dataDir: options.dataDir,
            host: config.host,
            port: config.port,
            syntheticIncidents: Number(options.synthetic),
            syntheticReports: Number(options.syntheticReports),
          });
          return;
        }
        const node = options.node;
        const seeded = await withNode((context) =>
          seedDemo({ ...context.identity, capabilities: context.storage.capabilities }, node, {
            syntheticIncidents: Number(options.synthetic),
            syntheticReports: Number(options.syntheticReports),
          }),
        );
        if (!options.serve) {
          console.log(
            `Demo scenario loaded for the ${seeded.nodeName}${seeded.incidents > 0 ? ` (${seeded.incidents} incidents, ${seeded.threatReports} threat reports)` : ''}.`,
          );
          printLogins(seeded.logins);
          printFieldCodes(seeded.fieldCodes);
          return;
        }
        const running = await startNode({ migrate: false });
        console.log(`\nTandem demo — ${seeded.nodeName} — open ${running.url}\n`);
        printLogins(seeded.logins);
        printFieldCodes(seeded.fieldCodes);
        console.log('\nStop with Ctrl+C.');
      },
    );
}
