import { apiRequest } from './client';
import type { CurrentUser, LoginResult, OrganisationKind, SessionInfo } from './types';

export function getSession(signal?: AbortSignal): Promise<SessionInfo> {
  return apiRequest<SessionInfo>('GET', '/api/session', { signal });
}

export function login(username: string, password: string): Promise<LoginResult> {
  return apiRequest<LoginResult>('POST', '/api/auth/login', {
    body: { username, password },
    expectUnauthorized: true,
  });
}

export function submitMfaCode(code: string): Promise<{ status: 'ok'; user: CurrentUser }> {
  return apiRequest('POST', '/api/auth/mfa', { body: { code }, expectUnauthorized: true });
}

export function logout(): Promise<void> {
  return apiRequest<void>('POST', '/api/auth/logout', { expectUnauthorized: true });
}

export interface BootstrapRequest {
  token: string;
  organisation: { name: string; country: string; kind: OrganisationKind };
  username: string;
  displayName: string;
  password: string;
}

export function bootstrapNode(request: BootstrapRequest): Promise<{ user: CurrentUser }> {
  return apiRequest('POST', '/api/bootstrap', { body: request, expectUnauthorized: true });
}
