import type { Command } from 'commander';
import { verifyAuditChain } from '../../modules/audit/audit.service.js';
import { withNode } from '../runtime.js';

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the hash-chained audit log');
  audit
    .command('verify')
    .description(
      'check every link of the audit chain; names the first entry that was changed or removed',
    )
    .action(async () => {
      const outcome = await withNode((context) =>
        verifyAuditChain(context.storage.db, (checked) => {
          if (process.stderr.isTTY) process.stderr.write(`\rchecked ${checked} entries`);
        }),
      );
      if (process.stderr.isTTY) process.stderr.write('\n');
      if (outcome.ok) {
        console.log(`Audit chain intact: ${outcome.entries} entries verified.`);
        return;
      }
      console.error(
        `Audit chain BROKEN at entry ${outcome.break.seq}: ${outcome.break.problem} (${outcome.entries} entries verified before it).`,
      );
      process.exitCode = 2;
    });
}
