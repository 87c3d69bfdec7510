/**
 * Administration of organisations and users. Every operation checks the
 * actor's rights first and records what changed in the audit log; listing
 * users is a read of personal data and is audited too.
 */
import { isoNow } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import { hashPassword } from '../../core/passwords.js';
import { fail, ok, type Result } from '../../core/result.js';
import type { Page } from '../../core/pagination.js';
import { inTransaction } from '../../storage/executor.js';
import { deleteSessionsOfUser } from './credentials.repository.js';
import {
  canChangeAccountOf,
  canGrantRoles,
  canManageOrganisations,
  canManageUsersOf,
  isNodeAdmin,
} from './identity.authorization.js';
import type { OrganisationInput, UserInput, UserListQuery, UserPatch } from './identity.schema.js';
import type { CurrentUser, IdentityDeps, RequestOrigin } from './identity.types.js';
import { parseRoles, presentOrganisation, presentUserForAdmin } from './identity.presenter.js';
import {
  findOrganisation,
  findOrganisationByName,
  insertOrganisation,
  listOrganisations,
} from './organisations.repository.js';
import {
  findUser,
  findUserByUsername,
  insertUser,
  listUsers,
  updateUser,
} from './users.repository.js';

type AdminError = 'forbidden' | 'not_found' | 'conflict' | 'username_taken' | 'bad_cursor';
type AdminUser = ReturnType<typeof presentUserForAdmin>;
type AdminOrganisation = ReturnType<typeof presentOrganisation>;

const actorOf = (user: CurrentUser) => ({ userId: user.userId, orgId: user.orgId });

/** Creates an organisation; `actor` is absent only for the CLI and bootstrap, which run as the node itself. */
export async function createOrganisation(
  deps: IdentityDeps,
  input: OrganisationInput & {
    local?: boolean;
    /** An organisation's id where it must equal the one its home node gave it (the demo's shared scenario). */
    id?: string;
  },
  actor: CurrentUser | undefined,
  origin?: RequestOrigin,
): Promise<Result<AdminOrganisation, AdminError>> {
  if (actor && !canManageOrganisations(actor)) return fail('forbidden');
  if (await findOrganisationByName(deps.db, input.name))
    return fail('conflict', 'an organisation with that name exists');
  const now = isoNow(deps.clock);
  const row = {
    id: input.id ?? newId('identity'),
    name: input.name,
    name_folded: input.name.trim().toLowerCase(),
    country: input.country,
    kind: input.kind,
    local: input.local === false ? 0 : 1,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(deps.db, async (trx) => {
    await insertOrganisation(trx, row);
    await deps.audit.record(
      {
        action: 'organisation.created',
        outcome: 'success',
        actor: actor && actorOf(actor),
        target: { type: 'organisation', id: row.id },
        address: origin?.address,
        requestId: origin?.requestId,
        details: { name: row.name, country: row.country, kind: row.kind },
      },
      trx,
    );
  });
  return ok(presentOrganisation(row));
}

export async function listOrganisationsFor(
  deps: IdentityDeps,
  query: { q?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<Result<Page<AdminOrganisation>, AdminError>> {
  const page = await listOrganisations(deps.db, query, presentOrganisation);
  return page ? ok(page) : fail('bad_cursor');
}

export async function createUser(
  deps: IdentityDeps,
  input: UserInput,
  actor: CurrentUser | undefined,
  origin?: RequestOrigin,
): Promise<Result<AdminUser, AdminError>> {
  if (actor && !(canManageUsersOf(actor, input.orgId) && canGrantRoles(actor, input.roles)))
    return fail('forbidden');
  if (!(await findOrganisation(deps.db, input.orgId))) return fail('not_found', 'organisation');
  if (await findUserByUsername(deps.db, input.username)) return fail('username_taken');
  const now = isoNow(deps.clock);
  const id = newId('user');
  const roles = [...new Set(input.roles)];
  // Hash outside the transaction: on SQLite an open transaction holds the only writer.
  const passwordHash = await hashPassword(input.password);
  await inTransaction(deps.db, async (trx) => {
    await insertUser(trx, {
      id,
      username: input.username,
      display_name: input.displayName,
      org_id: input.orgId,
      roles: JSON.stringify(roles),
      password_hash: passwordHash,
      disabled: 0,
      locale: 'en',
      mfa_secret: null,
      mfa_pending_secret: null,
      mfa_last_counter: null,
      created_at: now,
      updated_at: now,
      last_login_at: null,
    });
    await deps.audit.record(
      {
        action: 'user.created',
        outcome: 'success',
        actor: actor && actorOf(actor),
        target: { type: 'user', id },
        address: origin?.address,
        requestId: origin?.requestId,
        details: { username: input.username, orgId: input.orgId, roles },
      },
      trx,
    );
  });
  const created = await findUser(deps.db, id);
  return created ? ok(presentUserForAdmin(created)) : fail('not_found');
}

export async function listUsersFor(
  deps: IdentityDeps,
  query: UserListQuery,
  actor: CurrentUser,
  origin: RequestOrigin,
): Promise<Result<Page<AdminUser>, AdminError>> {
  // An organisation administrator sees only their own organisation's people.
  const orgId = isNodeAdmin(actor) ? query.orgId : actor.orgId;
  if (!orgId && !isNodeAdmin(actor)) return fail('forbidden');
  if (orgId && !canManageUsersOf(actor, orgId)) return fail('forbidden');
  const page = await listUsers(deps.db, { ...query, orgId }, presentUserForAdmin);
  if (!page) return fail('bad_cursor');
  await deps.audit.record({
    action: 'personal_data.read',
    outcome: 'success',
    actor: actorOf(actor),
    target: { type: 'user_list', id: orgId ?? 'all' },
    address: origin.address,
    requestId: origin.requestId,
    details: { userIds: page.items.map((user) => user.id), query: query.q ?? null },
  });
  return ok(page);
}

export async function patchUser(
  deps: IdentityDeps,
  userId: string,
  patch: UserPatch,
  actor: CurrentUser | undefined,
  origin?: RequestOrigin,
): Promise<Result<AdminUser, AdminError>> {
  const target = await findUser(deps.db, userId);
  // An id the actor may not manage is reported as missing: ids are not an oracle.
  if (!target || (actor && !canManageUsersOf(actor, target.org_id))) return fail('not_found');
  if (
    actor &&
    (patch.roles !== undefined || patch.disabled !== undefined) &&
    !canChangeAccountOf(actor, userId)
  )
    return fail('forbidden');
  if (actor && patch.roles && !canGrantRoles(actor, [...patch.roles, ...parseRoles(target.roles)]))
    return fail('forbidden');
  const base = {
    actor: actor && actorOf(actor),
    target: { type: 'user', id: userId },
    address: origin?.address,
    requestId: origin?.requestId,
  };
  await inTransaction(deps.db, async (trx) => {
    const roles = patch.roles ? [...new Set(patch.roles)] : undefined;
    await updateUser(trx, userId, {
      updated_at: isoNow(deps.clock),
      ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
      ...(roles ? { roles: JSON.stringify(roles) } : {}),
      ...(patch.disabled !== undefined ? { disabled: patch.disabled ? 1 : 0 } : {}),
    });
    if (roles) {
      await deps.audit.record(
        {
          ...base,
          action: 'user.roles_changed',
          outcome: 'success',
          details: { from: parseRoles(target.roles), to: roles },
        },
        trx,
      );
    }
    if (patch.disabled !== undefined && patch.disabled !== (target.disabled === 1)) {
      if (patch.disabled) await deleteSessionsOfUser(trx, userId);
      await deps.audit.record(
        { ...base, action: patch.disabled ? 'user.disabled' : 'user.enabled', outcome: 'success' },
        trx,
      );
    }
  });
  const updated = await findUser(deps.db, userId);
  return updated ? ok(presentUserForAdmin(updated)) : fail('not_found');
}

export async function setPassword(
  deps: IdentityDeps,
  userId: string,
  password: string,
): Promise<Result<true, AdminError>> {
  const target = await findUser(deps.db, userId);
  if (!target) return fail('not_found');
  const passwordHash = await hashPassword(password);
  await inTransaction(deps.db, async (trx) => {
    await updateUser(trx, userId, { password_hash: passwordHash, updated_at: isoNow(deps.clock) });
    await deleteSessionsOfUser(trx, userId);
    await deps.audit.record(
      { action: 'user.password_set', outcome: 'success', target: { type: 'user', id: userId } },
      trx,
    );
  });
  return ok(true);
}
