import { apiRequest } from './client';
import type { Organisation, OrganisationKind, Page, Role, UserSummary } from './types';

export interface PageQuery {
  q?: string;
  limit?: number;
  cursor?: string | null;
}

export function listOrganisations(
  query: PageQuery,
  signal?: AbortSignal,
): Promise<Page<Organisation>> {
  return apiRequest<Page<Organisation>>('GET', '/api/organisations', {
    query: { ...query },
    signal,
  });
}

export async function createOrganisation(request: {
  name: string;
  country: string;
  kind: OrganisationKind;
}): Promise<Organisation> {
  return (
    await apiRequest<{ organisation: Organisation }>('POST', '/api/organisations', {
      body: request,
    })
  ).organisation;
}

/** Every organisation, page by page, for pickers (bounded: a node holds few organisations). */
export async function listAllOrganisations(
  signal?: AbortSignal,
  maxPages = 20,
): Promise<Organisation[]> {
  const all: Organisation[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page += 1) {
    const result: Page<Organisation> = await listOrganisations({ limit: 100, cursor }, signal);
    all.push(...result.items);
    cursor = result.nextCursor;
    if (cursor === null) break;
  }
  return all.sort((a, b) => a.name.localeCompare(b.name));
}

export function listUsers(
  query: PageQuery & { orgId?: string },
  signal?: AbortSignal,
): Promise<Page<UserSummary>> {
  return apiRequest<Page<UserSummary>>('GET', '/api/users', { query: { ...query }, signal });
}

export async function createUser(request: {
  username: string;
  displayName: string;
  orgId: string;
  roles: Role[];
  password: string;
}): Promise<UserSummary> {
  return (await apiRequest<{ user: UserSummary }>('POST', '/api/users', { body: request })).user;
}

export async function updateUser(
  id: string,
  changes: { roles?: Role[]; disabled?: boolean; displayName?: string },
): Promise<UserSummary> {
  return (
    await apiRequest<{ user: UserSummary }>('PATCH', `/api/users/${encodeURIComponent(id)}`, {
      body: changes,
    })
  ).user;
}
