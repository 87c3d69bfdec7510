import { apiRequest } from './client';
import type { ApiToken, CurrentUser, Locale, MfaSetup, TokenScope } from './types';

export async function getMe(signal?: AbortSignal): Promise<CurrentUser> {
  return (await apiRequest<{ user: CurrentUser }>('GET', '/api/me', { signal })).user;
}

export async function updateMe(changes: {
  locale?: Locale;
  displayName?: string;
}): Promise<CurrentUser> {
  return (await apiRequest<{ user: CurrentUser }>('PATCH', '/api/me', { body: changes })).user;
}

export function setupMfa(): Promise<MfaSetup> {
  return apiRequest<MfaSetup>('POST', '/api/me/mfa/setup');
}

export async function enableMfa(code: string): Promise<CurrentUser> {
  return (await apiRequest<{ user: CurrentUser }>('POST', '/api/me/mfa/enable', { body: { code } }))
    .user;
}

export async function listTokens(signal?: AbortSignal): Promise<ApiToken[]> {
  return (await apiRequest<{ items: ApiToken[] }>('GET', '/api/me/tokens', { signal })).items;
}

export interface CreatedToken {
  /** The secret, shown once and never again. */
  token: string;
  item: ApiToken;
}

export function createToken(request: {
  name: string;
  scopes: TokenScope[];
  expiresInDays: number;
}): Promise<CreatedToken> {
  return apiRequest<CreatedToken>('POST', '/api/me/tokens', { body: request });
}

export function revokeToken(id: string): Promise<void> {
  return apiRequest<void>('DELETE', `/api/me/tokens/${encodeURIComponent(id)}`);
}
