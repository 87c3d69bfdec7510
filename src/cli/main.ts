/**
 * The `tandem` command line: one subcommand per administrative task. Each
 * command opens the node's database from TANDEM_DATABASE_URL, does one
 * thing through the same services the API uses, and closes it.
 */
import { Command } from 'commander';
import { registerAudit } from './commands/audit.js';
import { registerDemo } from './commands/demo.js';
import { registerExport } from './commands/exchange.js';
import { registerImport } from './commands/import.js';
import { registerMigrate } from './commands/migrate.js';
import { registerOrg } from './commands/org.js';
import { registerPeer } from './commands/peer.js';
import { registerServe } from './commands/serve.js';
import { registerSitrep } from './commands/sitrep.js';
import { registerUser } from './commands/user.js';

export function buildProgram(): Command {
  const program = new Command('tandem')
    .description(
      'Tandem: joint security management for partner agencies.\nSettings come from the environment: TANDEM_DATABASE_URL (sqlite:./data/tandem.db or postgres://…), TANDEM_HOST, TANDEM_PORT, TANDEM_PUBLIC_URL, TANDEM_ENV, TANDEM_LOG_LEVEL.',
    )
    .version('0.1.0');
  registerServe(program);
  registerMigrate(program);
  registerDemo(program);
  registerUser(program);
  registerOrg(program);
  registerPeer(program);
  registerAudit(program);
  registerImport(program);
  registerExport(program);
  registerSitrep(program);
  return program;
}

export async function main(argv: readonly string[]): Promise<void> {
  try {
    await buildProgram().parseAsync([...argv]);
  } catch (error) {
    console.error(`tandem: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
