import type { Command } from 'commander';
import { seedDemo, type DemoFieldCodes, type DemoLogin } from '../../demo/seed.js';
import { fail, withNode } from '../runtime.js';
import { startNode } from './serve.js';

function printFieldCodes(codes: DemoFieldCodes): void {
  console.log(
    `Field check-in code for today's demo movements: ${codes.checkinCode} (duress code: ${codes.duressCode}; it looks like a normal check-in and raises the highest alarm).`,
  );
}

function printLogins(logins: readonly DemoLogin[]): void {
  console.log('Demo logins (passwords are new on every run of tandem demo):');
  const width = Math.max(...logins.map((l) => l.username.length));
  for (const login of logins) {
    console.log(
      `  ${login.username.padEnd(width)}  ${login.password}  ${login.roles.join(', ')} — ${login.organisation}`,
    );
  }
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'load the demo scenario (organisations of both partner nodes, one demo user per role)',
    )
    .option('--node <key>', 'which partner node this is: pk (Islamabad) or cn (Beijing)', 'pk')
    .option('--serve', 'start the node afterwards')
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
