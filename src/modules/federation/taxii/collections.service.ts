/**
 * Administering TAXII collections: organisation and node administrators
 * create one (it carries sharing fields like a record: the creator's
 * organisation originates it, its marking and release list decide through
 * the sharing policy who reads and writes it over TAXII), list and remove
 * them. An organisation administrator manages its own organisation's
 * collections, a node administrator every one. Audited in the transaction.
 */
import { randomUUID } from 'node:crypto';
import { isoNow, type Clock } from '../../../core/clock.js';
import { markingProblem } from '../../../core/policy/index.js';
import { fail, ok, type Result } from '../../../core/result.js';
import { inTransaction, type Executor } from '../../../storage/executor.js';
import type { AuditLog } from '../../audit/audit.service.js';
import { isAdmin, isNodeAdmin } from '../../identity/identity.authorization.js';
import type { CurrentUser, RequestOrigin } from '../../identity/identity.types.js';
import {
  findActiveCollection,
  insertCollection,
  listActiveCollections,
  markCollectionRemoved,
  type CollectionRow,
} from './collections.repository.js';
import type { CollectionInput } from './collections.schema.js';
import { collectionAsShareable } from './taxii.collections.js';

export interface CollectionDeps {
  db: Executor;
  clock: Clock;
  audit: AuditLog;
}

export type CollectionError = 'forbidden' | 'not_found' | 'release_invalid';

const actorOf = (user: CurrentUser) => ({ userId: user.userId, orgId: user.orgId });

export async function createCollection(
  deps: CollectionDeps,
  input: CollectionInput,
  actor: CurrentUser,
  origin: RequestOrigin,
): Promise<Result<CollectionRow, CollectionError>> {
  if (!isAdmin(actor)) return fail('forbidden');
  // CLEAR and GREEN name nobody: a list there would only make the marking inconsistent.
  const releasableTo =
    input.marking === 'TLP:CLEAR' || input.marking === 'TLP:GREEN'
      ? []
      : [...new Set(input.releasableTo)];
  const row: CollectionRow = {
    id: randomUUID(),
    title: input.title,
    description: input.description ?? null,
    created_by: actor.orgId,
    marking: input.marking,
    releasable_to: JSON.stringify(releasableTo),
    created_at: isoNow(deps.clock),
    removed_at: null,
  };
  // Refused here rather than stored as a collection nobody but its originator could use.
  const problem = markingProblem(collectionAsShareable(row));
  if (problem !== undefined) return fail('release_invalid', problem);
  await inTransaction(deps.db, async (trx) => {
    await insertCollection(trx, row);
    await deps.audit.record(
      {
        action: 'taxii.collection_created',
        outcome: 'success',
        actor: actorOf(actor),
        target: { type: 'taxii_collection', id: row.id },
        ...origin,
        details: { marking: row.marking, releasableTo },
      },
      trx,
    );
  });
  return ok(row);
}

export async function listCollectionsFor(
  deps: Pick<CollectionDeps, 'db'>,
  actor: CurrentUser,
): Promise<Result<CollectionRow[], CollectionError>> {
  if (!isAdmin(actor)) return fail('forbidden');
  return ok(await listActiveCollections(deps.db, isNodeAdmin(actor) ? undefined : actor.orgId));
}

export async function removeCollection(
  deps: CollectionDeps,
  id: string,
  actor: CurrentUser,
  origin: RequestOrigin,
): Promise<Result<true, CollectionError>> {
  if (!isAdmin(actor)) return fail('forbidden');
  return inTransaction(deps.db, async (trx) => {
    const found = await findActiveCollection(trx, id);
    // Another organisation's collection is not found: its existence is not ours to confirm.
    if (!found || (!isNodeAdmin(actor) && found.created_by !== actor.orgId)) {
      return fail('not_found');
    }
    if (!(await markCollectionRemoved(trx, id, isoNow(deps.clock)))) return fail('not_found');
    await deps.audit.record(
      {
        action: 'taxii.collection_removed',
        outcome: 'success',
        actor: actorOf(actor),
        target: { type: 'taxii_collection', id },
        ...origin,
      },
      trx,
    );
    return ok(true as const);
  });
}
