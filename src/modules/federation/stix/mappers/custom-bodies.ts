/**
 * The x-tandem record types and how a received body is checked: by the
 * module's own input schema, plus the few fields a module keeps in the body
 * beyond its input (an action item's notes, the meeting and group a
 * programme's decision belongs to, a movement's resolved ends, route and
 * escort), which are checked here with the module's own field schemas.
 */
import { z } from 'zod';
import { geoJsonLineStringSchema, latLonSchema } from '../../../../core/geo/index.js';
import { fail, ok, type Result } from '../../../../core/result.js';
import {
  actionItemInputSchema,
  decisionInputSchema,
  meetingInputSchema,
  progressNoteInputSchema,
  workingGroupInputSchema,
} from '../../../coordination/coordination.schema.js';
import { programmeInputSchema } from '../../../coordination/programmes.schema.js';
import { recordIdSchema } from '../../../intel/intel.schema.js';
import { escortInputSchema, movementInputSchema } from '../../../movements/movements.schema.js';
import { siteInputSchema } from '../../../sites/sites.schema.js';
import { parseModuleBody, reasonOf, stixTimestamp, type Envelope } from '../envelope.js';
import type { CustomRecordType } from './custom.js';

type Candidate = Record<string, unknown>;

/** The module schema's body, and the extra fields checked by `extras`. */
function withExtras(schema: z.ZodType, extras?: z.ZodObject) {
  return (candidate: Candidate, envelope: Envelope): Result<Candidate, string> => {
    const body = parseModuleBody(schema, candidate, envelope);
    if (!body.ok || extras === undefined) return body;
    const more = extras.safeParse(candidate);
    if (!more.success) return fail(reasonOf(more.error, 'body: '));
    return ok({ ...body.value, ...more.data });
  };
}

const progressNote = z.object({
  at: stixTimestamp,
  byUser: recordIdSchema('user'),
  text: progressNoteInputSchema.shape.text,
});

const endpoint = z.object({
  siteId: recordIdSchema('site').nullable(),
  name: z.string().trim().min(1).max(200),
  lat: latLonSchema.shape.lat,
  lon: latLonSchema.shape.lon,
});
const escort = z.object({
  orgId: escortInputSchema.shape.orgId,
  unit: escortInputSchema.shape.unit,
  callSign: escortInputSchema.shape.callSign,
  strength: escortInputSchema.shape.strength,
  vehicles: escortInputSchema.shape.vehicles,
});
const movementExtras = z.object({
  origin: endpoint,
  destination: endpoint,
  route: geoJsonLineStringSchema,
  escort: escort.optional(),
});

/** A resolved end ({siteId, name, lat, lon}) as the request schema takes a named place. */
function asNamedPlace(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const place: Record<string, unknown> = { ...value };
  delete place.siteId;
  return place;
}

/**
 * A movement's body holds its request with both ends resolved (a site's
 * name and position copied in), the route always drawn, and the escort once
 * assigned: the request schema checks the request, with each end as the
 * named place it resolved to; the ends, route and escort are checked here.
 */
function movementBody(candidate: Candidate, envelope: Envelope): Result<Candidate, string> {
  const request = parseModuleBody(
    movementInputSchema,
    {
      ...candidate,
      origin: asNamedPlace(candidate.origin),
      destination: asNamedPlace(candidate.destination),
    },
    envelope,
  );
  if (!request.ok) return request;
  const extras = movementExtras.safeParse(candidate);
  if (!extras.success) return fail(reasonOf(extras.error, 'body: '));
  const { escort: assigned, ...ends } = extras.data;
  return ok({ ...request.value, ...ends, ...(assigned === undefined ? {} : { escort: assigned }) });
}

/** What a movement sends: the agreed journey, never who travels by name (the manifest is kept apart). */
const MOVEMENT_SUMMARY = [
  'title',
  'origin',
  'destination',
  'waypoints',
  'route',
  'plannedDeparture',
  'plannedArrival',
  'vehicles',
  'passengers',
  'corridorKm',
  'checkinIntervalMinutes',
  'notes',
  'escort',
] as const;

export const CUSTOM_RECORD_TYPES: readonly CustomRecordType[] = [
  { recordType: 'site', stixType: 'x-tandem-site', parseBody: withExtras(siteInputSchema) },
  {
    recordType: 'movement',
    stixType: 'x-tandem-movement',
    sentFields: MOVEMENT_SUMMARY,
    parseBody: movementBody,
  },
  {
    recordType: 'working-group',
    stixType: 'x-tandem-working-group',
    parseBody: withExtras(workingGroupInputSchema),
  },
  {
    recordType: 'meeting',
    stixType: 'x-tandem-meeting',
    parseBody: withExtras(meetingInputSchema),
  },
  {
    recordType: 'decision',
    stixType: 'x-tandem-decision',
    parseBody: withExtras(decisionInputSchema),
  },
  {
    recordType: 'action-item',
    stixType: 'x-tandem-action-item',
    parseBody: withExtras(
      actionItemInputSchema,
      z.object({ progressNotes: z.array(progressNote).max(10_000).default([]) }),
    ),
  },
  {
    recordType: 'programme',
    stixType: 'x-tandem-programme',
    parseBody: withExtras(
      programmeInputSchema,
      z.object({
        meetingId: recordIdSchema('meeting'),
        workingGroupId: recordIdSchema('working-group'),
      }),
    ),
  },
];
