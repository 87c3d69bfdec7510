import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { isId } from '../../core/ids.js';
import { ROLES, type Role } from '../../core/policy/types.js';
import {
  createUser,
  listUsersFor,
  patchUser,
  setPassword,
} from '../../modules/identity/admin.service.js';
import { passwordSchema, userInputSchema } from '../../modules/identity/identity.schema.js';
import { findOrganisationByName } from '../../modules/identity/organisations.repository.js';
import { findUserByUsername } from '../../modules/identity/users.repository.js';
import type { AppContext } from '../../app/context.js';
import { fail, readStdin, withNode } from '../runtime.js';
import { formatIssues } from './format.js';

/** A node-level actor for listing from the CLI: whoever holds the database holds the node. */
const NODE_ACTOR = {
  userId: 'cli',
  orgId: 'cli',
  groupIds: [],
  roles: ['node_admin' as Role],
  active: true,
  username: 'cli',
  displayName: 'CLI',
  locale: 'en' as const,
  mfaEnabled: false,
  organisation: { id: 'cli', name: 'CLI', country: 'XX', kind: 'other' },
};
const CLI_ORIGIN = { address: 'cli', requestId: 'cli' };

export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}

async function resolveOrg(context: AppContext, idOrName: string): Promise<string> {
  if (isId(idOrName, 'identity')) return idOrName;
  const org = await findOrganisationByName(context.storage.db, idOrName);
  if (!org) fail(`no organisation named "${idOrName}" (see tandem org list)`);
  return org.id;
}

async function resolveUser(context: AppContext, username: string): Promise<string> {
  const user = await findUserByUsername(context.storage.db, username.toLowerCase());
  if (!user) fail(`no user "${username}"`);
  return user.id;
}

export function registerUser(program: Command): void {
  const user = program.command('user').description('user accounts');
  user
    .command('create')
    .description(
      'create a user; without --password-stdin a strong password is generated and printed once',
    )
    .requiredOption('--username <username>', 'sign-in name')
    .requiredOption('--org <id-or-name>', 'the organisation the user belongs to')
    .option('--display-name <name>', 'name shown in the interface (defaults to the username)')
    .option('--role <role...>', `one or more of: ${ROLES.join(', ')}`, ['viewer'])
    .option('--admin', 'make the user a node administrator (node_admin and org_admin)')
    .option('--password-stdin', 'read the password from standard input')
    .action(
      async (options: {
        username: string;
        org: string;
        displayName?: string;
        role: string[];
        admin?: boolean;
        passwordStdin?: boolean;
      }) => {
        const password = options.passwordStdin ? await readStdin() : generatePassword();
        await withNode(async (context) => {
          const roles = options.admin
            ? ['node_admin', 'org_admin', ...options.role.filter((r) => r !== 'viewer')]
            : options.role;
          const input = userInputSchema.safeParse({
            username: options.username,
            displayName: options.displayName ?? options.username,
            orgId: await resolveOrg(context, options.org),
            roles,
            password,
          });
          if (!input.success) fail(formatIssues(input.error.issues));
          const created = await createUser(context.identity, input.data, undefined);
          if (!created.ok)
            fail(
              created.error === 'username_taken'
                ? 'that username is already in use'
                : (created.detail ?? created.error),
            );
          console.log(
            `Created ${created.value.username} (${created.value.id}) with roles ${created.value.roles.join(', ')}.`,
          );
          if (!options.passwordStdin) console.log(`Password (shown once): ${password}`);
        });
      },
    );
  user
    .command('list')
    .description('list users (audited as a read of personal data)')
    .option('--org <id-or-name>', 'only this organisation')
    .action(async (options: { org?: string }) => {
      await withNode(async (context) => {
        const orgId = options.org ? await resolveOrg(context, options.org) : undefined;
        let cursor: string | undefined;
        do {
          const page = await listUsersFor(
            context.identity,
            { orgId, limit: 200, cursor },
            NODE_ACTOR,
            CLI_ORIGIN,
          );
          if (!page.ok) fail(page.error);
          for (const u of page.value.items)
            console.log(
              [
                u.id,
                u.username,
                u.organisation.name,
                u.roles.join(','),
                u.disabled ? 'disabled' : 'active',
                u.mfaEnabled ? 'mfa' : 'no-mfa',
              ].join('\t'),
            );
          cursor = page.value.nextCursor ?? undefined;
        } while (cursor);
      });
    });
  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    user
      .command(`${name} <username>`)
      .description(disabled ? 'disable a user and end their sessions' : 'enable a disabled user')
      .action(async (username: string) => {
        await withNode(async (context) => {
          const result = await patchUser(
            context.identity,
            await resolveUser(context, username),
            { disabled },
            undefined,
          );
          if (!result.ok) fail(result.error);
          console.log(`${result.value.username} is ${disabled ? 'disabled' : 'enabled'}.`);
        });
      });
  }
  user
    .command('set-password <username>')
    .description(
      "set a new password (read from standard input, or generated) and end the user's sessions",
    )
    .option('--password-stdin', 'read the password from standard input')
    .action(async (username: string, options: { passwordStdin?: boolean }) => {
      const password = options.passwordStdin ? await readStdin() : generatePassword();
      const checked = passwordSchema.safeParse(password);
      if (!checked.success) fail(formatIssues(checked.error.issues));
      await withNode(async (context) => {
        const result = await setPassword(
          context.identity,
          await resolveUser(context, username),
          password,
        );
        if (!result.ok) fail(result.error);
        console.log(
          options.passwordStdin ? 'Password changed.' : `New password (shown once): ${password}`,
        );
      });
    });
}
