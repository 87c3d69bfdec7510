/** Shapes of the Tandem HTTP API as the web shell uses them (see the server's presenters). */

export const LOCALES = ['en', 'zh-Hans', 'ur'] as const;
export type Locale = (typeof LOCALES)[number];

export const ROLES = [
  'viewer',
  'analyst',
  'duty_officer',
  'field',
  'liaison',
  'org_admin',
  'node_admin',
] as const;
export type Role = (typeof ROLES)[number];

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
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const TOKEN_SCOPES = ['profile:read', 'intel:read', 'intel:write', 'admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export interface NodeInfo {
  name: string;
}

export interface SessionInfo {
  authenticated: boolean;
  mfaPending: boolean;
  bootstrapOpen: boolean;
  node: NodeInfo;
}

export interface OrganisationRef {
  id: string;
  name: string;
}

export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  organisation: OrganisationRef & { country: string; kind: OrganisationKind };
  roles: Role[];
  locale: Locale;
  mfaEnabled: boolean;
}

export type LoginResult = { status: 'ok'; user: CurrentUser } | { status: 'mfa_required' };

export interface MfaSetup {
  secret: string;
  otpauthUrl: string;
}

export interface ApiToken {
  id: string;
  name: string;
  scopes: TokenScope[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface Organisation {
  id: string;
  name: string;
  country: string;
  kind: OrganisationKind;
  local: boolean;
  createdAt: string;
}

export interface UserSummary {
  id: string;
  username: string;
  displayName: string;
  organisation: OrganisationRef;
  roles: Role[];
  disabled: boolean;
  mfaEnabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
