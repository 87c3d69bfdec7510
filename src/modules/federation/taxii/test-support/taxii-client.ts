/**
 * Helpers for the TAXII HTTP tests: API tokens, Basic headers, collections
 * created through the management API, STIX objects to POST. Test code only.
 */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { buildUser, signIn, TEST_ORIGIN, type TestApp } from '../../../../../test/support/app.js';
import type { Role } from '../../../../core/policy/types.js';
import { TAXII_MEDIA_TYPE } from '../taxii.media.js';

export { TAXII_MEDIA_TYPE };
export const COLLECTIONS = '/taxii2/tandem/collections/';

export interface TaxiiUser {
  userId: string;
  orgId: string;
  cookie: string;
  /** `Authorization` value: HTTP Basic with an API token carrying intel:read and intel:write. */
  auth: string;
}

export function basic(token: string, username = 'taxii-client'): string {
  return `Basic ${Buffer.from(`${username}:${token}`).toString('base64')}`;
}

export async function apiToken(t: TestApp, cookie: string, scopes: string[]): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/me/tokens',
    headers: { cookie, origin: TEST_ORIGIN },
    payload: { name: 'taxii', scopes, expiresInDays: 30 },
  });
  if (response.statusCode !== 201)
    throw new Error(`token: ${response.statusCode} ${response.body}`);
  return response.json<{ token: string }>().token;
}

export async function taxiiUser(
  t: TestApp,
  overrides: { roles?: Role[]; orgId?: string } = {},
): Promise<TaxiiUser> {
  const user = await buildUser(t.context, overrides);
  const cookie = await signIn(t.app, user.username);
  const token = await apiToken(t, cookie, ['intel:read', 'intel:write']);
  return { userId: user.userId, orgId: user.orgId, cookie, auth: basic(token) };
}

export async function createCollection(
  t: TestApp,
  adminCookie: string,
  input: { title?: string; marking?: string; releasableTo?: string[] } = {},
): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/taxii/collections',
    headers: { cookie: adminCookie, origin: TEST_ORIGIN },
    payload: { title: 'Shared indicators', marking: 'TLP:GREEN', ...input },
  });
  if (response.statusCode !== 201) {
    throw new Error(`collection: ${response.statusCode} ${response.body}`);
  }
  return response.json<{ id: string }>().id;
}

export function getTaxii(
  t: TestApp,
  url: string,
  auth: string,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'GET',
    url,
    headers: { authorization: auth, accept: TAXII_MEDIA_TYPE, ...headers },
  });
}

export function postTaxii(
  t: TestApp,
  url: string,
  auth: string,
  payload: string,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url,
    headers: {
      authorization: auth,
      accept: TAXII_MEDIA_TYPE,
      'content-type': TAXII_MEDIA_TYPE,
      ...headers,
    },
    payload,
  });
}

export function postObjects(
  t: TestApp,
  collectionId: string,
  auth: string,
  objects: unknown[],
): Promise<LightMyRequestResponse> {
  return postTaxii(t, `${COLLECTIONS}${collectionId}/objects/`, auth, JSON.stringify({ objects }));
}

export function indicator(
  overrides: { id?: string; modified?: string; name?: string } = {},
): Record<string, unknown> {
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: overrides.id ?? `indicator--${randomUUID()}`,
    created: '2026-01-01T00:00:00.000Z',
    modified: overrides.modified ?? '2026-01-01T00:00:00.000Z',
    name: overrides.name ?? 'Convoy watcher',
    pattern: "[ipv4-addr:value = '198.51.100.7']",
    pattern_type: 'stix',
    valid_from: '2026-01-01T00:00:00Z',
  };
}
