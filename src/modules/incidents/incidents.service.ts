/**
 * Incidents: recording, correcting and revoking them (each change is a new
 * version), and reading them under the sharing policy. Owns the rule that
 * only the originating organisation's editors change an incident; must never
 * return an incident the reader may not read, nor say whether one exists.
 */
import { isoNow } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import {
  canEdit,
  canRead,
  markingProblem,
  readScope,
  type ShareableRecord,
} from '../../core/policy/index.js';
import { fail, ok, type Result } from '../../core/result.js';
import { pointCells } from '../../core/geo/cells.js';
import { inTransaction } from '../../storage/executor.js';
import type { StorageCapabilities } from '../../storage/capabilities.js';
import type { CurrentUser, IdentityDeps, RequestOrigin } from '../identity/identity.types.js';
import {
  listRecordVersions,
  storeRecordVersion,
  toShareable,
  type RecordRow,
  type RecordVersionInput,
} from '../records/records.repository.js';
import { nextModified } from '../records/versions.js';
import {
  markIncidentRevoked,
  findIncident,
  findIncidentForEdit,
  saveIncidentRow,
  type IncidentRow,
} from './incidents.repository.js';
import type { IncidentInput } from './incidents.schema.js';

export type IncidentDeps = Pick<IdentityDeps, 'db' | 'clock' | 'audit'> & {
  capabilities: StorageCapabilities;
};
export type IncidentError = 'forbidden' | 'not_found' | 'invalid_release';

const actorOf = (user: CurrentUser) => ({ userId: user.userId, orgId: user.orgId });

/** The incident's own fields as they are kept in the record body (and sent to peers). */
export function incidentBody(input: IncidentInput): Record<string, unknown> {
  const body: Record<string, unknown> = { ...input };
  // The sharing fields live in the record's own columns, not in its body.
  delete body.marking;
  delete body.releasableTo;
  return body;
}

/** The sharing columns an incident row copies from its record. */
export type IncidentSharing = Pick<
  IncidentRow,
  'created_by' | 'created_by_user' | 'marking' | 'marking_valid' | 'revoked'
>;

export function incidentRow(
  id: string,
  input: IncidentInput,
  sharing: IncidentSharing,
): IncidentRow {
  return {
    id,
    event_date: input.eventDate,
    time_precision: input.timePrecision,
    event_type: input.eventType,
    sub_event_type: input.subEventType,
    country: input.place.country,
    location: input.place.name,
    lat: input.place.lat,
    lon: input.place.lon,
    geo_precision: input.place.geoPrecision,
    ...pointCells(input.place.lat, input.place.lon),
    fatalities: input.fatalities.total,
    injured: input.injured.total,
    site_id: input.siteId ?? null,
    movement_id: input.movementId ?? null,
    language: input.language,
    ...sharing,
  };
}

/** The sharing columns of a stored version, for the incident row that goes with it. */
export function incidentSharingOf(record: RecordRow): IncidentSharing {
  return {
    created_by: record.created_by,
    created_by_user: record.created_by_user,
    marking: record.marking,
    marking_valid: record.marking_valid,
    revoked: record.revoked,
  };
}

function draftOf(
  id: string,
  input: IncidentInput,
  author: CurrentUser,
  created: string,
  modified: string,
  revoked = false,
): RecordVersionInput {
  return {
    id,
    type: 'incident',
    createdBy: author.orgId,
    createdByUser: author.userId,
    marking: input.marking,
    releasableTo:
      input.marking === 'TLP:CLEAR' || input.marking === 'TLP:GREEN' ? [] : input.releasableTo,
    created,
    modified,
    revoked,
    receivedFromPeer: false,
    containsPersonalData: false,
    legalBasis: null,
    body: incidentBody(input),
    searchText: incidentSearchText(input),
  };
}

/** What search finds an incident by: its narrative, place and actors, in whatever language they were written. */
export function incidentSearchText(input: IncidentInput): string {
  const place = [input.place.name, input.place.admin1, input.place.admin2]
    .filter(Boolean)
    .join(' ');
  return [
    input.narrative,
    place,
    input.actor1.name,
    input.actor2?.name ?? '',
    input.subEventType,
  ].join('\n');
}

function asShareable(draft: RecordVersionInput): ShareableRecord {
  return {
    id: draft.id,
    created_by: draft.createdBy,
    created_by_user: draft.createdByUser,
    marking: draft.marking,
    releasable_to: draft.releasableTo,
    received_from_peer: draft.receivedFromPeer,
    contains_personal_data: draft.containsPersonalData,
    legal_basis: draft.legalBasis,
  };
}

export async function createIncident(
  deps: IncidentDeps,
  input: IncidentInput,
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<string, IncidentError>> {
  const now = isoNow(deps.clock);
  const id = newId('incident');
  const draft = draftOf(id, input, actor, now, now);
  // A release list that does not fit the marking would lock readers out silently: refuse it instead.
  if (markingProblem(asShareable(draft)) !== undefined) return fail('invalid_release');
  if (!canEdit(actor, asShareable(draft))) return fail('forbidden');
  await inTransaction(deps.db, async (trx) => {
    const record = await storeRecordVersion(trx, draft, now);
    await saveIncidentRow(trx, incidentRow(id, input, incidentSharingOf(record)));
    await deps.audit.record(
      {
        action: 'record.created',
        outcome: 'success',
        actor: actorOf(actor),
        target: { type: 'incident', id },
        address: origin?.address,
        requestId: origin?.requestId,
        details: { marking: draft.marking },
      },
      trx,
    );
  });
  return ok(id);
}

export async function updateIncident(
  deps: IncidentDeps,
  id: string,
  input: IncidentInput,
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<string, IncidentError>> {
  const current = await findIncidentForEdit(deps.db, id);
  // Whoever may not read it learns nothing; whoever may read but not edit is told so.
  if (!current || !canRead(actor, toShareable(current.record))) return fail('not_found');
  if (!canEdit(actor, toShareable(current.record))) return fail('forbidden');
  const modified = nextModified(deps.clock.now(), current.record.modified);
  const draft = {
    ...draftOf(id, input, actor, current.record.created, modified, current.record.revoked === 1),
    createdBy: current.record.created_by,
    createdByUser: current.record.created_by_user,
  };
  if (markingProblem(asShareable(draft)) !== undefined) return fail('invalid_release');
  await inTransaction(deps.db, async (trx) => {
    const record = await storeRecordVersion(trx, draft, isoNow(deps.clock));
    await saveIncidentRow(trx, incidentRow(id, input, incidentSharingOf(record)));
    await deps.audit.record(
      {
        action: 'record.updated',
        outcome: 'success',
        actor: actorOf(actor),
        target: { type: 'incident', id },
        address: origin?.address,
        requestId: origin?.requestId,
        details: { marking: draft.marking, modified },
      },
      trx,
    );
  });
  return ok(modified);
}

export async function revokeIncident(
  deps: IncidentDeps,
  id: string,
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<string, IncidentError>> {
  const current = await findIncidentForEdit(deps.db, id);
  if (!current || !canRead(actor, toShareable(current.record))) return fail('not_found');
  if (!canEdit(actor, toShareable(current.record))) return fail('forbidden');
  const modified = nextModified(deps.clock.now(), current.record.modified);
  const releasableTo: unknown = JSON.parse(current.record.releasable_to);
  await inTransaction(deps.db, async (trx) => {
    const record = await storeRecordVersion(
      trx,
      {
        id,
        type: 'incident',
        createdBy: current.record.created_by,
        createdByUser: current.record.created_by_user,
        marking: current.record.marking,
        releasableTo: Array.isArray(releasableTo)
          ? releasableTo.filter((e): e is string => typeof e === 'string')
          : [],
        created: current.record.created,
        modified,
        revoked: true,
        receivedFromPeer: current.record.received_from_peer === 1,
        containsPersonalData: current.record.contains_personal_data === 1,
        legalBasis: current.record.legal_basis,
        body: JSON.parse(current.record.body) as Record<string, unknown>,
      },
      isoNow(deps.clock),
    );
    await markIncidentRevoked(trx, id, incidentSharingOf(record));
    await deps.audit.record(
      {
        action: 'record.revoked',
        outcome: 'success',
        actor: actorOf(actor),
        target: { type: 'incident', id },
        address: origin?.address,
        requestId: origin?.requestId,
      },
      trx,
    );
  });
  return ok(modified);
}

export async function readIncident(deps: IncidentDeps, id: string, reader: CurrentUser) {
  const found = await findIncident(deps.db, readScope(reader), id);
  // The SQL filter equals canRead; asking the policy again costs nothing and keeps this path honest.
  return found && canRead(reader, toShareable(found.record)) ? found : undefined;
}

/** Every version the reader may read: the current one must be readable, and each old one under its own marking. */
export async function readIncidentHistory(deps: IncidentDeps, id: string, reader: CurrentUser) {
  const current = await readIncident(deps, id, reader);
  if (!current) return undefined;
  const versions = await listRecordVersions(deps.db, id);
  return versions.filter((version) =>
    canRead(
      reader,
      toShareable({
        ...version,
        id,
        received_from_peer: current.record.received_from_peer,
        contains_personal_data: current.record.contains_personal_data,
        legal_basis: current.record.legal_basis,
      }),
    ),
  );
}
