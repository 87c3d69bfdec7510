/**
 * Received sites and movements: the body through the module's schema, then
 * the module's own query row and fence, so that lists, the map and the alert
 * matcher see them like local ones. A received movement is a read-only
 * summary of the peer's request: no codes, no manifest, no deadlines, and it
 * enters in the one state no organisation of this node may act on (draft:
 * only the requester moves it, and the requester is the peer's organisation).
 * Its state never travels (state changes are not versions), so a later
 * version keeps whatever the row holds.
 *
 * Must never: take a column that references this node's tables (sites,
 * organisations) from a peer without checking that the row exists here.
 */
import { z } from 'zod';
import { fail, ok } from '../../../core/result.js';
import type { Executor } from '../../../storage/executor.js';
import { removeFenceCells } from '../../geofences/geofences.repository.js';
import { findOrganisation } from '../../identity/organisations.repository.js';
import { recordIdSchema } from '../../intel/intel.schema.js';
import { bodyOf } from '../../intel/intel.records.js';
import {
  bodyOf as movementBodyOf,
  movementRow,
  movementSearchText,
  routeOf,
  saveMovementFence,
  type ResolvedEndpoint,
} from '../../movements/movements.records.js';
import { findMovementsByIds, saveMovementRow } from '../../movements/movements.repository.js';
import { escortSchema, movementInputSchema } from '../../movements/movements.schema.js';
import { findSiteForEdit } from '../../sites/sites.repository.js';
import { siteInputSchema } from '../../sites/sites.schema.js';
import { checkSiteInput, saveSiteRows, siteSearchText } from '../../sites/sites.service.js';
import {
  parseReceived,
  parseReceivedBody,
  storeReadingType,
  type ReceivedPreparer,
  type ReceivedType,
} from './received-version.js';

const receiveSite: ReceivedPreparer = async (trx, version) => {
  const input = parseReceivedBody(siteInputSchema, version);
  if (!input.ok) return input;
  // The operator and guard are referenced by the row: they must be known here (the peer sends its organisations).
  const problem = await checkSiteInput({ db: trx }, input.value);
  if (problem !== undefined) return fail(`refused: ${problem}`);
  return ok({
    body: bodyOf(input.value),
    searchText: siteSearchText(input.value),
    saveRows: (trx, record) => saveSiteRows(trx, record.id, input.value, record.revoked === 1),
  });
};

/** An end of the journey as movements.records.ts keeps it in the body. */
const endpointSchema = z.object({
  siteId: recordIdSchema('site').nullable(),
  name: z.string(),
  lat: z.number(),
  lon: z.number(),
});
const summarySchema = z.object({
  origin: endpointSchema,
  destination: endpointSchema,
  escort: escortSchema.optional(),
});
type Endpoint = z.infer<typeof endpointSchema>;

const resolved = (end: Endpoint, siteId: string | null): ResolvedEndpoint => ({
  ...end,
  siteId,
  posture: undefined,
});

/** The end with its site id only when this node holds that site (the row references it). */
async function endHere(trx: Executor, end: Endpoint): Promise<ResolvedEndpoint> {
  const known = end.siteId !== null && (await findSiteForEdit(trx, end.siteId)) !== undefined;
  return resolved(end, known ? end.siteId : null);
}

/** The body's ends as the request schema takes them: named places (their sites are the peer's). */
function requestOf(body: Record<string, unknown>, origin: Endpoint, destination: Endpoint) {
  const place = ({ name, lat, lon }: Endpoint) => ({ name, lat, lon });
  return { ...body, origin: place(origin), destination: place(destination) };
}

async function organisationHere(trx: Executor, id: string | undefined): Promise<boolean> {
  return id !== undefined && (await findOrganisation(trx, id)) !== undefined;
}

const receiveMovement: ReceivedPreparer = async (trx, version) => {
  const summary = parseReceived(summarySchema, version.body);
  if (!summary.ok) return summary;
  const { origin, destination, escort } = summary.value;
  const input = parseReceivedBody(movementInputSchema, {
    ...version,
    body: requestOf(version.body, origin, destination),
  });
  if (!input.ok) return input;
  if (!(await organisationHere(trx, version.createdBy))) return fail('refused: unknown_requester');
  const request = input.value;
  const route = routeOf(request, origin, destination);
  const body = {
    ...movementBodyOf(
      request,
      resolved(origin, origin.siteId),
      resolved(destination, destination.siteId),
      route,
    ),
    ...(escort === undefined ? {} : { escort }),
  };
  const ends = { origin: await endHere(trx, origin), destination: await endHere(trx, destination) };
  const escortOrgId = (await organisationHere(trx, escort?.orgId)) ? (escort?.orgId ?? null) : null;
  const [existing] = await findMovementsByIds(trx, [version.id]);
  return ok({
    body,
    searchText: movementSearchText(request, ends),
    saveRows: async (trx, record, storedAt) => {
      const row = movementRow(record.id, request, ends, route, {
        ...(existing ?? {
          state: 'draft',
          requester_org_id: record.created_by,
          // No user of this node asked for it; the peer keeps who did.
          requested_by_user: '',
        }),
        escort_org_id: escortOrgId,
        updated_at: storedAt,
      });
      await saveMovementRow(trx, row);
      if (record.revoked === 1) await removeFenceCells(trx, record.id);
      else await saveMovementFence(trx, record.id, route, request.corridorKm);
    },
  });
};

export const PROTECTION_TYPES = {
  site: storeReadingType(receiveSite),
  movement: storeReadingType(receiveMovement),
} as const satisfies Record<string, ReceivedType>;
