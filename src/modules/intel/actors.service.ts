/**
 * Threat actors: groups as public reporting describes them, shareable like
 * any record; each edit is a new version. Owns the rule that only the
 * originating organisation's editors change an actor; must never return an
 * actor the reader may not read, nor say whether one exists. Actors are
 * organisations only: nothing here describes a person.
 */
import { isoNow } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import { canEdit, canRead, markingProblem, readScope } from '../../core/policy/index.js';
import { fail, ok, type Result } from '../../core/result.js';
import { inTransaction } from '../../storage/executor.js';
import type { CurrentUser, RequestOrigin } from '../identity/identity.types.js';
import { storeRecordVersion, toShareable } from '../records/records.repository.js';
import { nextModified } from '../records/versions.js';
import {
  findThreatActor,
  findThreatActorForEdit,
  saveThreatActorRow,
  type ThreatActorRow,
} from './actors.repository.js';
import {
  actorOf,
  asShareable,
  bodyOf,
  nextVersionOf,
  versionOf,
  type IntelDeps,
} from './intel.records.js';
import type { ThreatActorInput } from './intel.schema.js';

export type ThreatActorError = 'forbidden' | 'not_found' | 'invalid_release';

/** Names, aliases and description: what full-text search finds an actor by. */
export function actorSearchText(input: ThreatActorInput): string {
  return [input.name, ...input.aliases, input.description].filter((part) => part !== '').join('\n');
}

export function actorRow(id: string, input: ThreatActorInput): ThreatActorRow {
  return {
    id,
    name: input.name,
    name_folded: input.name.toLowerCase(),
    sophistication: input.sophistication ?? null,
    primary_motivation: input.primaryMotivation ?? null,
    first_seen: input.firstSeen ?? null,
    last_seen: input.lastSeen ?? null,
  };
}

export async function createThreatActor(
  deps: IntelDeps,
  input: ThreatActorInput,
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<string, ThreatActorError>> {
  const now = isoNow(deps.clock);
  const id = newId('threat-actor');
  const version = {
    ...versionOf('threat-actor', id, input, bodyOf(input), actor, { created: now, modified: now }),
    searchText: actorSearchText(input),
  };
  if (markingProblem(asShareable(version)) !== undefined) return fail('invalid_release');
  if (!canEdit(actor, asShareable(version))) return fail('forbidden');
  await inTransaction(deps.db, async (trx) => {
    await storeRecordVersion(trx, version, now);
    await saveThreatActorRow(trx, actorRow(id, input));
    await deps.audit.record(
      {
        action: 'record.created',
        outcome: 'success',
        actor: actorOf(actor),
        target: { type: 'threat-actor', id },
        address: origin?.address,
        requestId: origin?.requestId,
        details: { marking: version.marking },
      },
      trx,
    );
  });
  return ok(id);
}

export async function updateThreatActor(
  deps: IntelDeps,
  id: string,
  input: ThreatActorInput,
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<string, ThreatActorError>> {
  const current = await findThreatActorForEdit(deps.db, id);
  // Whoever may not read it learns nothing; whoever may read but not edit is told so.
  if (!current || !canRead(actor, toShareable(current.record))) return fail('not_found');
  if (!canEdit(actor, toShareable(current.record))) return fail('forbidden');
  const modified = nextModified(deps.clock.now(), current.record.modified);
  const version = {
    ...nextVersionOf(current.record, input, bodyOf(input), modified, false),
    searchText: actorSearchText(input),
  };
  if (markingProblem(asShareable(version)) !== undefined) return fail('invalid_release');
  await inTransaction(deps.db, async (trx) => {
    await storeRecordVersion(trx, version, isoNow(deps.clock));
    await saveThreatActorRow(trx, actorRow(id, input));
    await deps.audit.record(
      {
        action: 'record.updated',
        outcome: 'success',
        actor: actorOf(actor),
        target: { type: 'threat-actor', id },
        address: origin?.address,
        requestId: origin?.requestId,
        details: { marking: version.marking, modified },
      },
      trx,
    );
  });
  return ok(modified);
}

export async function readThreatActor(deps: IntelDeps, id: string, reader: CurrentUser) {
  const found = await findThreatActor(deps.db, readScope(reader), id);
  // The SQL filter equals canRead; asking the policy again keeps this path honest.
  return found && canRead(reader, toShareable(found.record)) ? found : undefined;
}
