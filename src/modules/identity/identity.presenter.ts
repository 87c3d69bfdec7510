/** Identity records -> API shapes. Never send a raw row: it holds password and MFA hashes. */
import { z } from 'zod';
import { ROLES, type Role } from '../../core/policy/types.js';
import { LOCALES, TOKEN_SCOPES, type Locale, type TokenScope } from './identity.schema.js';
import type { CurrentUser } from './identity.types.js';
import type { OrganisationRow } from './organisations.repository.js';
import type { UserWithOrganisation } from './users.repository.js';
import type { ApiTokenRow } from './credentials.repository.js';

const storedScopes = z.array(z.enum(TOKEN_SCOPES));

const KNOWN_ROLES: ReadonlySet<string> = new Set(ROLES);

/** Roles as stored; anything unreadable counts as no role (fail closed). Runs on every request: no zod here. */
export function parseRoles(text: string): Role[] {
  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) return [];
    return parsed.every((role) => typeof role === 'string' && KNOWN_ROLES.has(role))
      ? (parsed as Role[])
      : [];
  } catch {
    return [];
  }
}

export function parseScopes(text: string): TokenScope[] {
  try {
    const parsed = storedScopes.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

function parseLocale(value: string): Locale {
  return (LOCALES as readonly string[]).includes(value) ? (value as Locale) : 'en';
}

export function toCurrentUser(row: UserWithOrganisation): CurrentUser {
  return {
    userId: row.id,
    orgId: row.org_id,
    groupIds: [],
    roles: parseRoles(row.roles),
    active: row.disabled === 0,
    username: row.username,
    displayName: row.display_name,
    locale: parseLocale(row.locale),
    mfaEnabled: row.mfa_secret !== null,
    organisation: {
      id: row.org_id,
      name: row.org_name,
      country: row.org_country,
      kind: row.org_kind,
    },
  };
}

export function presentCurrentUser(user: CurrentUser) {
  return {
    id: user.userId,
    username: user.username,
    displayName: user.displayName,
    organisation: user.organisation,
    roles: [...user.roles],
    locale: user.locale,
    mfaEnabled: user.mfaEnabled,
  };
}

export function presentOrganisation(row: OrganisationRow) {
  return {
    id: row.id,
    name: row.name,
    country: row.country,
    kind: row.kind,
    local: row.local === 1,
    createdAt: row.created_at,
  };
}

export function presentUserForAdmin(row: UserWithOrganisation) {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    organisation: { id: row.org_id, name: row.org_name },
    roles: parseRoles(row.roles),
    disabled: row.disabled === 1,
    mfaEnabled: row.mfa_secret !== null,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
  };
}

/** A person as a release list shows them: no username, roles or contact details. */
export function presentDirectoryEntry(row: UserWithOrganisation) {
  return {
    id: row.id,
    displayName: row.display_name,
    orgId: row.org_id,
    organisationName: row.org_name,
    /** False for a disabled account: it reads nothing, whatever a release list says. */
    active: row.disabled === 0,
  };
}

export function presentApiToken(row: ApiTokenRow) {
  return {
    id: row.id,
    name: row.name,
    scopes: parseScopes(row.scopes),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}
