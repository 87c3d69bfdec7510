/**
 * Protected sites as shareable records (type `site`): create, correct (a new
 * version), revoke (final, STIX style) and list. Each version is stored with
 * its `sites` query row, its fence cells and its audit entry in one
 * transaction. Owns the rules that the operator and guard organisations
 * exist, that a site's region stays small enough to index, and that only the
 * originating organisation's editors change a site. Must never present or
 * list a site the reader may not read, nor say whether one exists.
 */
import { isoNow } from '../../core/clock.js';
import { pointCells } from '../../core/geo/index.js';
import { newId } from '../../core/ids.js';
import { canEdit, canRead, markingProblem, readScope } from '../../core/policy/index.js';
import { fail, ok, type Result } from '../../core/result.js';
import { inTransaction, type Executor } from '../../storage/executor.js';
import { enclosingCircle, fenceCells, polygonCentre, type Fence } from '../geofences/geofences.js';
import { removeFenceCells, replaceFenceCells } from '../geofences/geofences.repository.js';
import type { CurrentUser, RequestOrigin } from '../identity/identity.types.js';
import {
  actorOf,
  asShareable,
  bodyOf,
  nextVersionOf,
  parseBody,
  sharingOf,
  versionOf,
  type IntelDeps,
} from '../intel/intel.records.js';
import {
  storeRecordVersion,
  toShareable,
  type RecordVersionInput,
} from '../records/records.repository.js';
import { nextModified } from '../records/versions.js';
import {
  findSiteForEdit,
  listSites,
  organisationNames,
  saveSiteRow,
  type SiteFields,
  type SiteWithRecord,
} from './sites.repository.js';
import { SITE_TYPE, type SiteInput, type SiteListQuery } from './sites.schema.js';

/** `capabilities` turns the list's search terms into the engine's text matches. */
export type SiteDeps = Pick<IntelDeps, 'db' | 'clock' | 'audit' | 'capabilities'>;
type WriteDeps = Pick<SiteDeps, 'db' | 'clock' | 'audit'>;

export type SiteError =
  | 'forbidden'
  | 'not_found'
  | 'revoked'
  | 'invalid_release'
  | 'unknown_operator'
  | 'unknown_guard'
  | 'site_too_large'
  | 'future_day';

/** A site's region (polygon reach plus buffer) may reach this far from its centre: sites, not provinces. */
export const MAX_SITE_REACH_KM = 150;

function fenceOf(input: SiteInput): Fence {
  const base: Fence['base'] =
    input.location.kind === 'point'
      ? { kind: 'point', point: { lat: input.location.lat, lon: input.location.lon } }
      : { kind: 'polygon', polygon: input.location.polygon };
  return { base, bufferKm: input.bufferKm };
}

function siteFields(id: string, input: SiteInput): SiteFields {
  const centre =
    input.location.kind === 'point'
      ? { lat: input.location.lat, lon: input.location.lon }
      : polygonCentre(input.location.polygon);
  return {
    id,
    name: input.name,
    name_folded: input.name.toLowerCase(),
    site_type: input.type,
    lat: centre.lat,
    lon: centre.lon,
    ...pointCells(centre.lat, centre.lon),
    polygon: input.location.kind === 'polygon' ? JSON.stringify(input.location.polygon) : null,
    buffer_km: input.bufferKm,
    operator_org_id: input.operatorOrgId,
    guard_org_id: input.guardOrgId,
    posture_level: input.postureLevel,
  };
}

/** What a site must name and fit: organisations known to this node, a region small enough to index. */
export async function checkSiteInput(
  deps: Pick<WriteDeps, 'db'>,
  input: SiteInput,
): Promise<SiteError | undefined> {
  const known = await organisationNames(deps.db, [input.operatorOrgId, input.guardOrgId]);
  if (!known.has(input.operatorOrgId)) return 'unknown_operator';
  if (!known.has(input.guardOrgId)) return 'unknown_guard';
  if (enclosingCircle(fenceOf(input)).radiusKm > MAX_SITE_REACH_KM) return 'site_too_large';
  return undefined;
}

/** Name and notes: what full-text search finds a site by. */
export const siteSearchText = (input: SiteInput) =>
  [input.name, input.notes].filter((part) => part !== '').join('\n');

/** The query row and fence cover of a version; a revoked site has no fence, so alerts stop matching it. */
export async function saveSiteRows(
  trx: Executor,
  id: string,
  input: SiteInput,
  revoked: boolean,
): Promise<void> {
  await saveSiteRow(trx, siteFields(id, input));
  if (revoked) await removeFenceCells(trx, id);
  else await replaceFenceCells(trx, id, fenceCells(fenceOf(input)));
}

async function storeSite(
  trx: Executor,
  version: RecordVersionInput,
  input: SiteInput,
  storedAt: string,
): Promise<void> {
  await storeRecordVersion(trx, version, storedAt);
  await saveSiteRows(trx, version.id, input, version.revoked);
}

export async function createSite(
  deps: WriteDeps,
  input: SiteInput,
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<string, SiteError>> {
  const problem = await checkSiteInput(deps, input);
  if (problem) return fail(problem);
  const now = isoNow(deps.clock);
  const id = newId(SITE_TYPE);
  const version = {
    ...versionOf(SITE_TYPE, id, input, bodyOf(input), actor, { created: now, modified: now }),
    searchText: siteSearchText(input),
  };
  if (markingProblem(asShareable(version)) !== undefined) return fail('invalid_release');
  if (!canEdit(actor, asShareable(version))) return fail('forbidden');
  await inTransaction(deps.db, async (trx) => {
    await storeSite(trx, version, input, now);
    await deps.audit.record(
      {
        action: 'record.created',
        outcome: 'success',
        actor: actorOf(actor),
        target: { type: SITE_TYPE, id },
        address: origin?.address,
        requestId: origin?.requestId,
        details: { marking: version.marking },
      },
      trx,
    );
  });
  return ok(id);
}

/** The site for a change by `actor`: not found unless readable, forbidden unless editable, refused once revoked. */
export async function siteToChange(
  deps: Pick<SiteDeps, 'db'>,
  id: string,
  actor: CurrentUser,
): Promise<Result<SiteWithRecord, SiteError>> {
  const current = await findSiteForEdit(deps.db, id);
  // Whoever may not read it learns nothing; whoever may read but not edit is told so.
  if (!current || !canRead(actor, toShareable(current.record))) return fail('not_found');
  if (!canEdit(actor, toShareable(current.record))) return fail('forbidden');
  return current.record.revoked === 1 ? fail('revoked') : ok(current);
}

/** A correction: the next version, same originator. Returns the new `modified`. */
export async function updateSite(
  deps: WriteDeps,
  id: string,
  input: SiteInput,
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<string, SiteError>> {
  const current = await siteToChange(deps, id, actor);
  if (!current.ok) return current;
  const problem = await checkSiteInput(deps, input);
  if (problem) return fail(problem);
  const record = current.value.record;
  const modified = nextModified(deps.clock.now(), record.modified);
  const version = {
    ...nextVersionOf(record, input, bodyOf(input), modified, false),
    searchText: siteSearchText(input),
  };
  if (markingProblem(asShareable(version)) !== undefined) return fail('invalid_release');
  await inTransaction(deps.db, async (trx) => {
    await storeSite(trx, version, input, isoNow(deps.clock));
    await deps.audit.record(
      {
        action: 'record.updated',
        outcome: 'success',
        actor: actorOf(actor),
        target: { type: SITE_TYPE, id },
        address: origin?.address,
        requestId: origin?.requestId,
        details: { marking: version.marking, modified },
      },
      trx,
    );
  });
  return ok(modified);
}

/**
 * Revocation is final: a new version with `revoked: true`. The site leaves
 * every list and its fence cells go, so that alerts stop matching it; its
 * detail, history, people and contacts still answer.
 */
export async function revokeSite(
  deps: WriteDeps,
  id: string,
  reason: string,
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<string, SiteError>> {
  const current = await siteToChange(deps, id, actor);
  if (!current.ok) return current;
  const record = current.value.record;
  const modified = nextModified(deps.clock.now(), record.modified);
  const version = nextVersionOf(record, sharingOf(record), parseBody(record.body), modified, true);
  await inTransaction(deps.db, async (trx) => {
    await storeRecordVersion(trx, version, isoNow(deps.clock));
    await removeFenceCells(trx, id);
    await deps.audit.record(
      {
        action: 'record.revoked',
        outcome: 'success',
        actor: actorOf(actor),
        target: { type: SITE_TYPE, id },
        address: origin?.address,
        requestId: origin?.requestId,
        details: { marking: version.marking, modified, reason },
      },
      trx,
    );
  });
  return ok(modified);
}

/** One page of readable sites by name, and the sort key of its last SQL row for the next cursor. */
export async function listSitesFor(
  deps: SiteDeps,
  reader: CurrentUser,
  filters: Pick<SiteListQuery, 'q' | 'type' | 'posture'>,
  page: { limit: number; after?: readonly string[] | undefined },
): Promise<{ rows: SiteWithRecord[]; nextKey: string[] | undefined }> {
  const words = filters.q?.split(/\s+/u).filter((word) => word !== '') ?? [];
  const rows = await listSites(
    deps.db,
    readScope(reader),
    {
      type: filters.type,
      posture: filters.posture,
      textMatches: words.map((word) => deps.capabilities.recordContains(word, 'sites')),
    },
    { ...page, limit: page.limit + 1 },
  );
  const kept = rows.slice(0, page.limit);
  const last = kept.at(-1);
  return {
    // The SQL filter is proven equal to canRead, so none should drop; the cursor keys on SQL rows.
    rows: kept.filter((row) => canRead(reader, toShareable(row.record))),
    nextKey: rows.length > page.limit && last ? [last.name_folded, last.id] : undefined,
  };
}
