/** Row types of the identity tables, as stored (see the identity migration). */
export interface OrganisationsTable {
  id: string;
  name: string;
  /** Lower-cased, trimmed name: unique, so two spellings of one organisation cannot coexist. */
  name_folded: string;
  country: string;
  kind: string;
  /** 1 when the organisation is hosted on this node, 0 when a peer hosts it. */
  local: number;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  org_id: string;
  /** JSON array of roles. */
  roles: string;
  password_hash: string;
  disabled: number;
  locale: string;
  mfa_secret: string | null;
  mfa_pending_secret: string | null;
  /** The last TOTP time step accepted: a code is never accepted twice. */
  mfa_last_counter: number | null;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the cookie value: a stolen database does not yield live sessions. */
  id_hash: string;
  user_id: string;
  mfa_verified: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  address: string;
}

export interface ApiTokensTable {
  id: string;
  token_hash: string;
  user_id: string;
  name: string;
  /** JSON array of scopes. */
  scopes: string;
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuthThrottleTable {
  key: string;
  failures: number;
  window_started_at: string;
  locked_until: string | null;
}

export interface BootstrapTokensTable {
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface NodeSettingsTable {
  key: string;
  value: string;
}
