/**
 * The first administrator. A node starts with no account at all; at the
 * first start it prints a one-time link, valid for a day, that creates the
 * first organisation and its node administrator. Once any user exists the
 * link is refused.
 */
import { isoNow, isoPlus } from '../../core/clock.js';
import { fail, ok, type Result } from '../../core/result.js';
import { newSecret, sha256Hex } from '../../core/secrets.js';
import { consumeBootstrapToken, insertBootstrapToken } from './credentials.repository.js';
import { createOrganisation, createUser } from './admin.service.js';
import type { BootstrapInput } from './identity.schema.js';
import type { IdentityDeps, RequestOrigin } from './identity.types.js';
import { countUsers } from './users.repository.js';

const LINK_VALID_MS = 24 * 3_600_000;

export async function isBootstrapOpen(deps: IdentityDeps): Promise<boolean> {
  return (await countUsers(deps.db)) === 0;
}

/** A fresh one-time secret for the bootstrap link, or undefined when the node has users. */
export async function issueBootstrapLink(deps: IdentityDeps): Promise<string | undefined> {
  if (!(await isBootstrapOpen(deps))) return undefined;
  const secret = newSecret();
  await insertBootstrapToken(
    deps.db,
    sha256Hex(secret),
    isoNow(deps.clock),
    isoPlus(deps.clock, LINK_VALID_MS),
  );
  await deps.audit.record({ action: 'bootstrap.link_issued', outcome: 'success' });
  return secret;
}

export async function completeBootstrap(
  deps: IdentityDeps,
  input: BootstrapInput,
  origin: RequestOrigin,
): Promise<Result<{ userId: string }, 'closed' | 'invalid'>> {
  if (!(await isBootstrapOpen(deps))) return fail('closed');
  if (!(await consumeBootstrapToken(deps.db, sha256Hex(input.token), isoNow(deps.clock))))
    return fail('closed');
  const organisation = await createOrganisation(
    deps,
    { ...input.organisation, local: true },
    undefined,
    origin,
  );
  if (!organisation.ok) return fail('invalid', organisation.detail);
  const user = await createUser(
    deps,
    {
      username: input.username,
      displayName: input.displayName,
      orgId: organisation.value.id,
      roles: ['node_admin', 'org_admin'],
      password: input.password,
    },
    undefined,
    origin,
  );
  if (!user.ok) return fail('invalid', user.detail);
  await deps.audit.record({
    action: 'bootstrap.completed',
    outcome: 'success',
    target: { type: 'user', id: user.value.id },
    address: origin.address,
    requestId: origin.requestId,
  });
  return ok({ userId: user.value.id });
}
