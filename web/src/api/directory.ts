/**
 * The people directory: users of this node and its partners as release lists
 * name them (TLP:RED names people). Only what picking a person needs comes
 * back: the id, the name, and the organisation.
 */
import { apiRequest } from './client';
import type { Page } from './types';

export interface DirectoryUser {
  /** `user--<uuid>`, the id a TLP:RED release list holds. */
  id: string;
  displayName: string;
  orgId: string;
  organisationName: string;
  /** False for a disabled account (only look-ups by id return those). */
  active: boolean;
}

export function searchDirectoryUsers(
  query: { q?: string; orgId?: string; limit: number; cursor?: string | null },
  signal?: AbortSignal,
): Promise<Page<DirectoryUser>> {
  return apiRequest('GET', '/api/directory/users', { query: { ...query }, signal });
}

/** The people with these ids (at most 50), to show a stored release list by name. */
export async function lookUpDirectoryUsers(
  ids: readonly string[],
  signal?: AbortSignal,
): Promise<DirectoryUser[]> {
  const page = await apiRequest<Page<DirectoryUser>>('GET', '/api/directory/users', {
    query: { ids: ids.join(','), limit: 50 },
    signal,
  });
  return page.items;
}
