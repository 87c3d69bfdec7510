/** Zod schemas for incidents at the API boundary, ACLED-compatible. */
import { z } from 'zod';
import { LOCALES } from '../identity/identity.schema.js';
import { sharingInputSchema } from '../records/sharing.schema.js';
import {
  EVENT_TYPES,
  GEO_PRECISIONS,
  isSubEventOf,
  SUB_EVENT_TYPES,
} from '../../core/vocabulary/acled.js';

const country = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'an ISO 3166 two-letter country code');
const recordId = (type: string) =>
  z.string().regex(new RegExp(`^${type}--[0-9a-f-]{36}$`), `a ${type} id`);

const actorSchema = z.object({
  name: z.string().trim().min(1).max(200),
  inter: z.number().int().min(0).max(8),
});

const countByNationality = z.object({ country, count: z.number().int().min(0).max(100_000) });
const casualtiesSchema = z
  .object({
    /** Null when the number is not known (ACLED codes unknown as 0; we keep the difference). */
    total: z.number().int().min(0).max(100_000).nullable(),
    byNationality: z.array(countByNationality).max(50).default([]),
  })
  .refine(
    (c) => c.total === null || c.byNationality.reduce((sum, n) => sum + n.count, 0) <= c.total,
    {
      message: 'the counts by nationality add up to more than the total',
      path: ['byNationality'],
    },
  );

export const placeSchema = z.object({
  name: z.string().trim().min(1).max(200),
  admin1: z.string().trim().max(200).optional(),
  admin2: z.string().trim().max(200).optional(),
  country,
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  geoPrecision: z.union(GEO_PRECISIONS.map((p) => z.literal(p))),
});

const sourceSchema = z.object({
  name: z.string().trim().min(1).max(300),
  url: z.url().max(2000).optional(),
  date: z.iso.date().optional(),
});

export const incidentInputSchema = z
  .object({
    eventDate: z.iso.date(),
    timePrecision: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    eventType: z.enum(EVENT_TYPES),
    subEventType: z.enum(SUB_EVENT_TYPES as [string, ...string[]]),
    actor1: actorSchema,
    actor2: actorSchema.optional(),
    place: placeSchema,
    fatalities: casualtiesSchema.default({ total: 0, byNationality: [] }),
    injured: casualtiesSchema.default({ total: 0, byNationality: [] }),
    narrative: z.string().trim().max(20_000).default(''),
    language: z.enum(LOCALES).default('en'),
    sources: z.array(sourceSchema).max(30).default([]),
    siteId: recordId('site').optional(),
    movementId: recordId('movement').optional(),
  })
  .extend(sharingInputSchema.shape)
  .refine((i) => isSubEventOf(i.eventType, i.subEventType), {
    message: 'is not a sub-event type of this event type',
    path: ['subEventType'],
  });
export type IncidentInput = z.infer<typeof incidentInputSchema>;
