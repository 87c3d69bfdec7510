/**
 * Zod schemas for movements at the API boundary (request, escort, check-in,
 * manifest, risk override, lists) and the types inferred from them. Sharing
 * fields come from the records module, as for every shareable record.
 */
import { z } from 'zod';
import { geoJsonLineStringSchema } from '../../core/geo/index.js';
import { MOVEMENT_STATES, RISK_LEVELS } from '../../core/vocabulary/protection.js';
import { recordIdSchema } from '../intel/intel.schema.js';
import { sharingInputSchema } from '../records/sharing.schema.js';

/** Any ISO-8601 instant with an offset, stored as UTC with milliseconds. */
const instant = z.iso.datetime({ offset: true }).transform((t) => new Date(t).toISOString());
const lat = z.number().min(-90).max(90);
const lon = z.number().min(-180).max(180);
const MAX_JOURNEY_MS = 72 * 3_600_000;

export const movementIdSchema = recordIdSchema('movement');
export const movementParamsSchema = z.object({ id: movementIdSchema });

/** A site of this node (its position comes from the site), or a named place. */
export const endpointSchema = z.union([
  z.object({ siteId: recordIdSchema('site') }).strict(),
  z.object({ name: z.string().trim().min(1).max(200), lat, lon }).strict(),
]);
export type EndpointInput = z.infer<typeof endpointSchema>;

export const movementInputSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    origin: endpointSchema,
    destination: endpointSchema,
    waypoints: z
      .array(z.object({ name: z.string().trim().max(200).optional(), lat, lon }))
      .max(100)
      .default([]),
    /** The road as drawn on the map; origin → waypoints → destination when absent. */
    route: geoJsonLineStringSchema.optional(),
    plannedDeparture: instant,
    plannedArrival: instant,
    vehicles: z
      .array(
        z.object({
          kind: z.string().trim().min(1).max(100),
          registration: z.string().trim().max(50).optional(),
          seats: z.number().int().min(1).max(100).optional(),
        }),
      )
      .max(50)
      .default([]),
    passengers: z
      .array(
        z.object({
          nationality: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code'),
          count: z.number().int().min(1).max(10_000),
        }),
      )
      .max(50)
      .default([]),
    corridorKm: z.number().min(1).max(50).default(10),
    checkinIntervalMinutes: z.number().int().min(5).max(240).default(30),
    notes: z.string().trim().max(10_000).default(''),
  })
  .extend(sharingInputSchema.shape)
  .refine((m) => m.plannedArrival > m.plannedDeparture, {
    message: 'arrival must be after departure',
    path: ['plannedArrival'],
  })
  .refine(
    (m) =>
      new Date(m.plannedArrival).getTime() - new Date(m.plannedDeparture).getTime() <=
      MAX_JOURNEY_MS,
    { message: 'a movement may last at most 72 hours', path: ['plannedArrival'] },
  );
export type MovementInput = z.infer<typeof movementInputSchema>;

const code = z.string().min(4).max(32);

/** The escort as the movement's body keeps it: never its codes. */
export const escortSchema = z.object({
  orgId: recordIdSchema('identity'),
  unit: z.string().trim().min(1).max(200),
  callSign: z.string().trim().min(1).max(50),
  strength: z.number().int().min(1).max(1_000),
  vehicles: z
    .array(
      z.object({
        kind: z.string().trim().min(1).max(100),
        registration: z.string().trim().max(50).optional(),
      }),
    )
    .max(50)
    .default([]),
});

export const escortInputSchema = escortSchema
  .extend({ checkinCode: code, duressCode: code })
  .refine((e) => e.checkinCode !== e.duressCode, {
    message: 'the duress code must differ from the check-in code',
    path: ['duressCode'],
  });
export type EscortInput = z.infer<typeof escortInputSchema>;

export const CHECKIN_KINDS = ['waypoint', 'interval', 'arrival', 'manual'] as const;

export const checkinInputSchema = z.object({
  clientId: z.uuid(),
  recordedAt: instant,
  lat,
  lon,
  kind: z.enum(CHECKIN_KINDS),
  code,
  note: z.string().trim().max(1_000).optional(),
});
export type CheckinInput = z.infer<typeof checkinInputSchema>;

export const manifestInputSchema = z.object({
  people: z
    .array(
      z.object({
        fullName: z.string().trim().min(1).max(200),
        nationality: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code'),
        role: z.string().trim().min(1).max(100),
        documentNumber: z.string().trim().max(50).optional(),
      }),
    )
    .max(100),
});
export type ManifestInput = z.infer<typeof manifestInputSchema>;

export const riskOverrideInputSchema = z.object({
  level: z.enum(RISK_LEVELS),
  reason: z.string().trim().min(3).max(500),
});

/** The optional reason every transition may carry (a return or rejection should say why). */
export const transitionInputSchema = z.object({
  reason: z.string().trim().min(1).max(1_000).optional(),
});

export const movementListQuerySchema = z.object({
  state: z.enum(MOVEMENT_STATES).optional(),
  day: z.iso.date().optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional(),
});
export type MovementListQuery = z.infer<typeof movementListQuerySchema>;
