/** The query shapes of incident reads: filters, paging, and the geographic reads. */
import { z } from 'zod';
import { geoJsonLineStringSchema, MAX_COVER_RADIUS_KM } from '../../core/geo/index.js';
import { TLP_MARKINGS } from '../../core/policy/types.js';
import { EVENT_TYPES, SUB_EVENT_TYPES } from '../../core/vocabulary/acled.js';
import type { IncidentFilters } from './incidents.repository.js';
import type { StorageCapabilities } from '../../storage/capabilities.js';

const filterFields = {
  /** Words that must all appear in the narrative, place or actors (any language). */
  q: z.string().trim().max(200).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  eventType: z.enum(EVENT_TYPES).optional(),
  subEventType: z.enum(SUB_EVENT_TYPES as [string, ...string[]]).optional(),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  orgId: z
    .string()
    .regex(/^identity--[0-9a-f-]{36}$/)
    .optional(),
  marking: z.enum(TLP_MARKINGS).optional(),
  includeRevoked: z.stringbool().default(false),
};

const datesInOrder = (q: { from?: string | undefined; to?: string | undefined }) =>
  q.from === undefined || q.to === undefined || q.from <= q.to;
const datesMessage = { message: 'must not be before from', path: ['to'] };

export const incidentFilterSchema = z.object(filterFields).refine(datesInOrder, datesMessage);
export type IncidentFilterQuery = z.infer<typeof incidentFilterSchema>;

export const incidentListQuerySchema = z
  .object({
    ...filterFields,
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().max(500).optional(),
  })
  .refine(datesInOrder, datesMessage);
export type IncidentListQuery = z.infer<typeof incidentListQuerySchema>;

const radiusKm = z.coerce.number().positive().max(MAX_COVER_RADIUS_KM);
const resultLimit = z.coerce.number().int().min(1).max(5_000).default(1_000);

export const nearQuerySchema = z
  .object({
    ...filterFields,
    lat: z.coerce.number().min(-90).max(90),
    lon: z.coerce.number().min(-180).max(180),
    radiusKm,
    limit: resultLimit,
  })
  .refine(datesInOrder, datesMessage);

/** JSON body: a route can be long, so it is not a query string. Filters keep their query-string types. */
export const alongRouteBodySchema = z
  .object({
    ...filterFields,
    includeRevoked: z.boolean().default(false),
    route: geoJsonLineStringSchema,
    radiusKm: z.number().positive().max(MAX_COVER_RADIUS_KM),
    limit: z.number().int().min(1).max(5_000).default(1_000),
  })
  .refine(datesInOrder, datesMessage);

const longitude = z.coerce.number().min(-180).max(180);
const latitude = z.coerce.number().min(-90).max(90);
export const mapViewQuerySchema = z
  .object({
    ...filterFields,
    zoom: z.coerce.number().min(0).max(24),
    west: longitude,
    south: latitude,
    east: longitude,
    north: latitude,
  })
  .refine(datesInOrder, datesMessage)
  .refine((q) => q.south < q.north, { message: 'south must be less than north', path: ['north'] })
  .refine((q) => q.west < q.east, {
    message: 'west must be less than east (split a view that crosses 180°)',
    path: ['east'],
  });

/** The filters of a query; `capabilities` turns the search words into the engine's text matches. */
export function filtersOf(
  query: IncidentFilterQuery,
  capabilities: Pick<StorageCapabilities, 'recordContains'>,
): IncidentFilters {
  const words = query.q?.split(/\s+/u).filter((word) => word !== '') ?? [];
  return {
    textMatches: words.map((word) => capabilities.recordContains(word, 'incidents')),
    from: query.from,
    to: query.to,
    eventType: query.eventType,
    subEventType: query.subEventType,
    country: query.country,
    createdBy: query.orgId,
    marking: query.marking,
    includeRevoked: query.includeRevoked,
  };
}
