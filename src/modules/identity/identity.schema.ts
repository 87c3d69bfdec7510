/** Zod schemas for everything the identity module accepts, and the types inferred from them. */
import { z } from 'zod';
import { ROLES } from '../../core/policy/types.js';
import { MIN_PASSWORD_LENGTH } from '../../core/passwords.js';
import { pageQuerySchema } from '../../core/pagination.js';

export const ORGANISATION_KINDS = [
  'ministry',
  'police',
  'paramilitary',
  'agency',
  'academy',
  'embassy',
  'company',
  'ngo',
  'other',
] as const;
export const LOCALES = ['en', 'zh-Hans', 'ur'] as const;
export const TOKEN_SCOPES = ['profile:read', 'intel:read', 'intel:write', 'admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
export type Locale = (typeof LOCALES)[number];

const orgId = z.string().regex(/^identity--[0-9a-f-]{36}$/, 'must be an organisation id');
const userId = z.string().regex(/^user--[0-9a-f-]{36}$/, 'must be a user id');
export const idParamsSchema = z.object({ id: z.string().max(100) });

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'use letters, digits, dots, dashes and underscores');
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(256);
export const roleSchema = z.enum(ROLES);

export const organisationInputSchema = z.object({
  name: z.string().trim().min(2).max(200),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'an ISO 3166 two-letter country code'),
  kind: z.enum(ORGANISATION_KINDS),
});
export type OrganisationInput = z.infer<typeof organisationInputSchema>;

export const userInputSchema = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(200),
  orgId,
  roles: z.array(roleSchema).min(1).max(ROLES.length),
  password: passwordSchema,
});
export type UserInput = z.infer<typeof userInputSchema>;

export const userPatchSchema = z
  .object({
    displayName: z.string().trim().min(1).max(200).optional(),
    roles: z.array(roleSchema).min(1).max(ROLES.length).optional(),
    disabled: z.boolean().optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to change');
export type UserPatch = z.infer<typeof userPatchSchema>;

export const mePatchSchema = z
  .object({
    displayName: z.string().trim().min(1).max(200).optional(),
    locale: z.enum(LOCALES).optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to change');

export const loginSchema = z.object({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(256),
});
export const mfaCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'six digits'),
});

export const bootstrapSchema = z.object({
  token: z.string().min(20).max(200),
  organisation: organisationInputSchema,
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(200),
  password: passwordSchema,
});
export type BootstrapInput = z.infer<typeof bootstrapSchema>;

export const tokenInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(TOKEN_SCOPES)).min(1),
  expiresInDays: z.number().int().min(1).max(365).default(90),
});
export type TokenInput = z.infer<typeof tokenInputSchema>;

export const organisationListQuerySchema = pageQuerySchema;
export const userListQuerySchema = pageQuerySchema.extend({ orgId: orgId.optional() });
export type UserListQuery = z.infer<typeof userListQuerySchema>;

/**
 * A directory lookup names an organisation, people's ids, or gives at least two characters:
 * it finds the people to release to, and is not a way to page through everyone.
 */
export const directoryQuerySchema = z
  .object({
    q: z.string().trim().min(2).max(100).optional(),
    orgId: orgId.optional(),
    /** Up to 50 people by id (`a,b`): a stored release list shown by name. */
    ids: z
      .string()
      .max(50 * 42)
      .transform((s) => s.split(',').map((part) => part.trim()))
      .pipe(z.array(userId).min(1).max(50))
      .optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
    cursor: z.string().max(1000).optional(),
  })
  .refine((query) => query.q !== undefined || query.orgId !== undefined || query.ids, {
    message: 'give q (at least 2 characters), orgId or ids',
    path: ['q'],
  });
export type DirectoryQuery = z.infer<typeof directoryQuerySchema>;

export { orgId as orgIdSchema, userId as userIdSchema };
