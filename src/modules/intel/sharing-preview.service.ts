/**
 * "Who will see this": the audience of a record the caller is about to write
 * with the given sharing fields, worked out by the policy's whoCanRead over
 * the organisations this node knows (its own and its peers'). For TLP:RED the
 * audience is people, and only their ids go back, to the caller alone.
 */
import { idType } from '../../core/ids.js';
import { canEdit, markingProblem, whoCanRead } from '../../core/policy/index.js';
import { fail, ok, type Result } from '../../core/result.js';
import type { Executor } from '../../storage/executor.js';
import type { CurrentUser } from '../identity/identity.types.js';
import { listAllOrganisations } from '../identity/organisations.repository.js';
import { findRecord, toShareable } from '../records/records.repository.js';
import type { SharingPreviewInput } from './intel.schema.js';
import { asShareable, mayCorroborate, versionOf } from './intel.records.js';

export interface SharingPreview {
  marking: SharingPreviewInput['marking'];
  audience: 'everyone' | 'organisations' | 'named_users';
  organisations: { id: string; name: string }[];
  users?: { count: number; ids: string[] };
  /** Release-list entries that name no organisation this node knows: nobody reads through them yet. */
  unknownGrantees: string[];
}

/**
 * The author the preview assumes: the caller for a new record; for a record
 * being edited, its originator — who must be someone the caller edits for.
 */
async function authorFor(
  db: Executor,
  recordId: string | undefined,
  caller: CurrentUser,
): Promise<{ orgId: string; userId: string | null } | undefined> {
  if (recordId === undefined) return caller;
  const type = idType(recordId);
  const stored = type === undefined ? undefined : await findRecord(db, recordId, type);
  // Unknown and not-editable get the same answer: ids are not an oracle.
  if (!stored || !canEdit(caller, toShareable(stored))) return undefined;
  return { orgId: stored.created_by, userId: stored.created_by_user };
}

export async function previewSharing(
  db: Executor,
  input: SharingPreviewInput,
  caller: CurrentUser,
): Promise<Result<SharingPreview, 'forbidden' | 'invalid_release' | 'not_found'>> {
  // Those who write records (reports, actors, corroborations) need the preview; it lists the node's organisations.
  if (!mayCorroborate(caller)) return fail('forbidden');
  const author = await authorFor(db, input.recordId, caller);
  if (!author) return fail('not_found');
  const record = asShareable(
    versionOf('preview', 'preview--0', input, {}, author, { created: '', modified: '' }),
  );
  if (markingProblem(record) !== undefined) return fail('invalid_release');
  const organisations = await listAllOrganisations(db);
  // Organisations do not belong to groups yet (identity has none), so no candidate has any.
  const audience = whoCanRead(
    record,
    organisations.map((org) => ({ orgId: org.id, groupIds: [] })),
  );
  const names = new Map(organisations.map((org) => [org.id, org.name]));
  const named = (ids: readonly string[]) => ids.map((id) => ({ id, name: names.get(id) ?? id }));
  const releasedTo = Array.isArray(record.releasable_to) ? (record.releasable_to as string[]) : [];
  switch (audience.kind) {
    case 'everyone':
    case 'organisations':
      return ok({
        marking: audience.marking,
        audience: audience.kind,
        organisations: named(audience.orgIds),
        unknownGrantees: releasedTo.filter((id) => !names.has(id)),
      });
    case 'named_users':
      return ok({
        marking: audience.marking,
        audience: audience.kind,
        organisations: [],
        users: { count: audience.userIds.length, ids: [...audience.userIds] },
        unknownGrantees: [],
      });
    case 'originator_only':
      // markingProblem was undefined above, and whoCanRead agrees with it.
      return fail('invalid_release');
  }
}
