/**
 * Zod schemas of protected sites at the API boundary — the site itself, its
 * list query, people-on-site counts, emergency contacts and the nearby query —
 * and the types inferred from them. Sharing fields come from the records
 * module. Emergency contacts are personal data and have their own schema: they
 * are never part of the site's body.
 */
import { z } from 'zod';
import { geoJsonPolygonSchema, latLonSchema } from '../../core/geo/index.js';
import { POSTURE_LEVELS, SITE_TYPES } from '../../core/vocabulary/protection.js';
import { recordIdSchema } from '../intel/intel.schema.js';
import { sharingInputSchema } from '../records/sharing.schema.js';

export const SITE_TYPE = 'site';
export const MAX_SITE_BUFFER_KM = 50;
export const MAX_CONTACTS = 20;

export const siteIdSchema = recordIdSchema(SITE_TYPE);
const organisationId = recordIdSchema('identity');

export const siteLocationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('point'), lat: latLonSchema.shape.lat, lon: latLonSchema.shape.lon }),
  z.object({ kind: z.literal('polygon'), polygon: geoJsonPolygonSchema }),
]);
export type SiteLocation = z.infer<typeof siteLocationSchema>;

export const siteInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    type: z.enum(SITE_TYPES),
    location: siteLocationSchema,
    /** The protected region is every point within this distance of the point or polygon. */
    bufferKm: z.number().min(0).max(MAX_SITE_BUFFER_KM),
    /** The organisation running the site (often a company of the guest country). */
    operatorOrgId: organisationId,
    /** The force guarding it. */
    guardOrgId: organisationId,
    postureLevel: z.enum(POSTURE_LEVELS),
    notes: z.string().trim().max(10_000).default(''),
  })
  .extend(sharingInputSchema.shape);
export type SiteInput = z.infer<typeof siteInputSchema>;

export const siteListQuerySchema = z.object({
  /** Words that must all occur in the site's search text (name, notes). */
  q: z.string().trim().min(2).max(200).optional(),
  type: z.enum(SITE_TYPES).optional(),
  posture: z.enum(POSTURE_LEVELS).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});
export type SiteListQuery = z.infer<typeof siteListQuerySchema>;

export const siteParamsSchema = z.object({ id: siteIdSchema });
export const siteDayParamsSchema = z.object({ id: siteIdSchema, day: z.iso.date() });

/** ISO 3166-1 alpha-2, or 'XX' for other and unknown nationalities. */
export const nationalitySchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code in capitals, or XX for other');

export const peopleInputSchema = z.object({
  counts: z
    .array(
      z.object({
        nationality: nationalitySchema,
        count: z.number().int().min(0).max(1_000_000),
      }),
    )
    .max(250)
    .refine(
      (counts) => new Set(counts.map((c) => c.nationality)).size === counts.length,
      'each nationality may appear only once',
    ),
});
export type PeopleInput = z.infer<typeof peopleInputSchema>;

export const peopleQuerySchema = z
  .object({ from: z.iso.date().optional(), to: z.iso.date().optional() })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: 'must not be before from',
    path: ['to'],
  });

export const contactSchema = z.object({
  name: z.string().trim().min(1).max(200),
  role: z.string().trim().min(1).max(200),
  phone: z
    .string()
    .trim()
    .regex(
      /^\+?[0-9 ()-]{3,40}$/,
      'a phone number: digits, spaces, dashes, brackets and a leading +',
    ),
  /** Empty and null mean none, so that a client may send back what it read. */
  email: z
    .union([z.email().max(320), z.literal('')])
    .nullish()
    .transform((email) => (email ? email : null)),
});
export type Contact = z.infer<typeof contactSchema>;

export const contactsInputSchema = z.object({
  contacts: z.array(contactSchema).max(MAX_CONTACTS),
});
export type ContactsInput = z.infer<typeof contactsInputSchema>;

export const nearbyQuerySchema = z.object({
  radiusKm: z.coerce.number().positive().max(200).default(25),
  days: z.coerce.number().int().min(1).max(3650).default(90),
});
export type NearbyQuery = z.infer<typeof nearbyQuerySchema>;

export const revocationInputSchema = z.object({ reason: z.string().trim().min(1).max(1_000) });
