import type { Command } from 'commander';
import { createOrganisation, listOrganisationsFor } from '../../modules/identity/admin.service.js';
import { organisationInputSchema } from '../../modules/identity/identity.schema.js';
import { fail, withNode } from '../runtime.js';
import { formatIssues } from './format.js';

export function registerOrg(program: Command): void {
  const org = program
    .command('org')
    .description('organisations (ministries, police, embassies, companies…)');
  org
    .command('create')
    .description('register an organisation')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--country <code>', 'ISO 3166 two-letter country code, e.g. PK')
    .requiredOption(
      '--kind <kind>',
      'ministry | police | paramilitary | agency | academy | embassy | company | ngo | other',
    )
    .option('--peer', 'the organisation is hosted by a partner node, not this one')
    .action(async (options: { name: string; country: string; kind: string; peer?: boolean }) => {
      const input = organisationInputSchema.safeParse(options);
      if (!input.success) fail(formatIssues(input.error.issues));
      await withNode(async (context) => {
        const created = await createOrganisation(
          context.identity,
          { ...input.data, local: !options.peer },
          undefined,
        );
        if (!created.ok) fail(created.detail ?? created.error);
        console.log(created.value.id);
      });
    });
  org
    .command('list')
    .description('list organisations')
    .option('--search <text>', 'part of the name')
    .action(async (options: { search?: string }) => {
      await withNode(async (context) => {
        let cursor: string | undefined;
        do {
          const page = await listOrganisationsFor(context.identity, {
            q: options.search,
            limit: 200,
            cursor,
          });
          if (!page.ok) fail(page.error);
          for (const o of page.value.items)
            console.log([o.id, o.country, o.kind, o.local ? 'local' : 'peer', o.name].join('\t'));
          cursor = page.value.nextCursor ?? undefined;
        } while (cursor);
      });
    });
}
