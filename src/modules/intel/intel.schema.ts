/**
 * Zod schemas for threat actors, threat reports and corroborations at the API
 * boundary, and the types inferred from them. Sharing fields come from the
 * records module so every shareable record accepts them alike.
 */
import { z } from 'zod';
import { geoJsonPolygonSchema, latLonSchema } from '../../core/geo/index.js';
import { LOCALES } from '../identity/identity.schema.js';
import { SUB_EVENT_TYPES } from '../../core/vocabulary/acled.js';
import { sharingInputSchema } from '../records/sharing.schema.js';
import {
  CORROBORATION_KINDS,
  INFORMATION_CREDIBILITY,
  MAX_AREA_RADIUS_KM,
  MAX_NARRATIVE_CHARS,
  MOTIVATION,
  SOPHISTICATION,
  SOURCE_RELIABILITY,
  TARGET_TYPES,
} from '../../core/vocabulary/intel.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
export const recordIdSchema = (...types: string[]) =>
  z.string().regex(new RegExp(`^(${types.join('|')})--${UUID}$`), `a ${types.join(' or ')} id`);

/** Any ISO-8601 instant with an offset, stored as UTC with milliseconds so that text order is time order. */
const instant = z.iso.datetime({ offset: true }).transform((t) => new Date(t).toISOString());

export const threatActorInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    aliases: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
    description: z.string().trim().max(20_000).default(''),
    sophistication: z.enum(SOPHISTICATION).optional(),
    primaryMotivation: z.enum(MOTIVATION).optional(),
    firstSeen: instant.optional(),
    lastSeen: instant.optional(),
  })
  .extend(sharingInputSchema.shape)
  .refine((a) => !a.firstSeen || !a.lastSeen || a.firstSeen <= a.lastSeen, {
    message: 'must not be before firstSeen',
    path: ['lastSeen'],
  })
  .describe(
    'A threat actor: an organisation or group as described in public threat reporting. ' +
      'Never an individual person: Tandem keeps no profiles of people.',
  );
export type ThreatActorInput = z.infer<typeof threatActorInputSchema>;

export const areaSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('circle'),
    lat: latLonSchema.shape.lat,
    lon: latLonSchema.shape.lon,
    radiusKm: z.number().positive().max(MAX_AREA_RADIUS_KM),
  }),
  z.object({ kind: z.literal('polygon'), polygon: geoJsonPolygonSchema }),
]);
export type ThreatArea = z.infer<typeof areaSchema>;

export const threatReportInputSchema = z
  .object({
    title: z.string().trim().min(1).max(300),
    narrative: z.string().trim().max(MAX_NARRATIVE_CHARS).default(''),
    language: z.enum(LOCALES).default('en'),
    area: areaSchema,
    validFrom: instant,
    validUntil: instant,
    targetType: z.enum(TARGET_TYPES),
    modusOperandi: z
      .object({
        description: z.string().trim().max(5_000).default(''),
        acledSubEventType: z.enum(SUB_EVENT_TYPES as [string, ...string[]]).optional(),
      })
      .default({ description: '' }),
    threatActorIds: z.array(recordIdSchema('threat-actor')).max(50).default([]),
    sourceReliability: z.enum(SOURCE_RELIABILITY),
    informationCredibility: z.union(INFORMATION_CREDIBILITY.map((n) => z.literal(n))),
  })
  .extend(sharingInputSchema.shape)
  .refine((r) => r.validFrom <= r.validUntil, {
    message: 'must not be before validFrom',
    path: ['validUntil'],
  });
export type ThreatReportInput = z.infer<typeof threatReportInputSchema>;

export const corroborationInputSchema = z
  .object({
    subjectId: recordIdSchema('threat-report', 'incident'),
    kind: z.enum(CORROBORATION_KINDS),
    text: z.string().trim().min(1).max(10_000),
    observedAt: instant.optional(),
    place: latLonSchema.extend({ name: z.string().trim().max(200).optional() }).optional(),
  })
  .extend(sharingInputSchema.shape);
export type CorroborationInput = z.infer<typeof corroborationInputSchema>;

export const sharingPreviewSchema = sharingInputSchema.extend({
  /** The record being edited, when not a new one: its author reads it whatever the release list says. */
  recordId: z
    .string()
    .regex(/^[a-z][a-z0-9-]*--[0-9a-f-]{36}$/, 'a record id')
    .optional(),
});
export type SharingPreviewInput = z.infer<typeof sharingPreviewSchema>;
