/**
 * Working groups: members (organisations of both countries), a chair and a
 * secretary among them. Owns the rule that every member exists on this node;
 * the sharing rules are coordination.records.ts's.
 */
import { readScope } from '../../core/policy/index.js';
import { fail, ok, type Result } from '../../core/result.js';
import type { CurrentUser, RequestOrigin } from '../identity/identity.types.js';
import { bodyOf } from '../intel/intel.records.js';
import {
  createCoordinationRecord,
  organisationsExist,
  pageOf,
  recordToChange,
  searchMatches,
  updateCoordinationRecord,
  type CoordinationDeps,
  type CoordinationError,
  type CoordinationWrite,
} from './coordination.records.js';
import type { WorkingGroupInput } from './coordination.schema.js';
import { listWorkingGroups, saveWorkingGroupRow } from './working-groups.repository.js';

async function workingGroupWrite(
  deps: CoordinationDeps,
  input: WorkingGroupInput,
): Promise<Result<CoordinationWrite, CoordinationError>> {
  if (!(await organisationsExist(deps, input.memberOrgIds))) return fail('unknown_member');
  return ok(workingGroupVersion(input));
}

/** The version and query row of a group whose members have been checked. */
export function workingGroupVersion(input: WorkingGroupInput): CoordinationWrite {
  return {
    input,
    body: bodyOf(input),
    searchText: [input.name, input.description].filter((part) => part !== '').join('\n'),
    saveRow: (trx, id) =>
      saveWorkingGroupRow(trx, {
        id,
        name: input.name,
        name_folded: input.name.toLowerCase(),
        chair_org_id: input.chairOrgId,
        secretary_org_id: input.secretaryOrgId,
      }),
  };
}

export async function createWorkingGroup(
  deps: CoordinationDeps,
  input: WorkingGroupInput,
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<string, CoordinationError>> {
  const write = await workingGroupWrite(deps, input);
  if (!write.ok) return write;
  return createCoordinationRecord(deps, 'working-group', write.value, actor, origin);
}

export async function updateWorkingGroup(
  deps: CoordinationDeps,
  id: string,
  input: WorkingGroupInput,
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<string, CoordinationError>> {
  const current = await recordToChange(deps, 'working-group', id, actor);
  if (!current.ok) return current;
  const write = await workingGroupWrite(deps, input);
  if (!write.ok) return write;
  return updateCoordinationRecord(deps, current.value, write.value, actor, origin);
}

/** One page of readable groups, and the sort key of its last SQL row for the next cursor. */
export async function listWorkingGroupsFor(
  deps: CoordinationDeps,
  reader: CurrentUser,
  filters: { q?: string | undefined },
  page: { limit: number; after?: readonly string[] | undefined },
) {
  const rows = await listWorkingGroups(
    deps.db,
    readScope(reader),
    { textMatches: searchMatches(deps, filters.q, 'working_groups') },
    { ...page, limit: page.limit + 1 },
  );
  return pageOf(rows, page.limit, reader, (row) => [row.name_folded, row.id]);
}
