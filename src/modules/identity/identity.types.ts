/** Who is making a request, as every other module sees it. */
import type { Reader } from '../../core/policy/types.js';
import type { Clock } from '../../core/clock.js';
import type { Executor } from '../../storage/executor.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { Locale, TokenScope } from './identity.schema.js';

export interface CurrentUser extends Reader {
  username: string;
  displayName: string;
  locale: Locale;
  mfaEnabled: boolean;
  organisation: { id: string; name: string; country: string; kind: string };
}

export interface Principal {
  user: CurrentUser;
  via: 'session' | 'token';
  /** Token scopes; a browser session may do whatever the user's roles allow. */
  scopes: readonly TokenScope[] | 'session';
  sessionIdHash?: string;
  tokenId?: string;
}

/** Where a request came from, for the audit log. */
export interface RequestOrigin {
  address: string;
  requestId: string;
}

export interface IdentityDeps {
  db: Executor;
  clock: Clock;
  audit: AuditLog;
  settings: IdentitySettings;
}

export interface IdentitySettings {
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Failures before an account is locked, and for how long. */
  accountFailureLimit: number;
  addressFailureLimit: number;
  throttleWindowMinutes: number;
  lockoutMinutes: number;
}

export const DEFAULT_IDENTITY_SETTINGS: IdentitySettings = {
  sessionIdleMinutes: 120,
  sessionAbsoluteHours: 12,
  accountFailureLimit: 5,
  addressFailureLimit: 20,
  throttleWindowMinutes: 15,
  lockoutMinutes: 15,
};
