/**
 * The people directory behind TLP:RED release lists: active users of any
 * organisation, by name or organisation; by id also disabled ones (marked),
 * so that a stored release list shows everyone it names. Every lookup is a read of personal
 * data and is audited with the ids it returned.
 */
import { fail, ok, type Result } from '../../core/result.js';
import type { Page } from '../../core/pagination.js';
import { canConsultDirectory } from './identity.authorization.js';
import { presentDirectoryEntry } from './identity.presenter.js';
import type { DirectoryQuery } from './identity.schema.js';
import type { CurrentUser, IdentityDeps, RequestOrigin } from './identity.types.js';
import { listUsers } from './users.repository.js';

export type DirectoryEntry = ReturnType<typeof presentDirectoryEntry>;

export async function lookUpPeople(
  deps: IdentityDeps,
  query: DirectoryQuery,
  actor: CurrentUser,
  origin: RequestOrigin,
): Promise<Result<Page<DirectoryEntry>, 'forbidden' | 'bad_cursor'>> {
  if (!canConsultDirectory(actor)) return fail('forbidden');
  // Searches find people who can still read; a stored list (ids) is shown whole, disabled accounts marked.
  const activeOnly = query.ids === undefined;
  const page = await listUsers(deps.db, { ...query, activeOnly }, presentDirectoryEntry);
  if (!page) return fail('bad_cursor');
  await deps.audit.record({
    action: 'personal_data.read',
    outcome: 'success',
    actor: { userId: actor.userId, orgId: actor.orgId },
    target: { type: 'user_directory', id: query.orgId ?? 'all' },
    address: origin.address,
    requestId: origin.requestId,
    details: { userIds: page.items.map((entry) => entry.id), query: query.q ?? null },
  });
  return ok(page);
}
