/**
 * The site tests' world: the in-process app of test/support/app.ts with a
 * coordination cell (duty officer, analyst) that registers sites, the
 * operating company (security manager, viewer, field user), the guard force
 * (field user), a released partner (viewer) and an outsider organisation
 * (analyst) that nothing is released to; a site factory and HTTP helpers.
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { SiteInput } from '../sites.schema.js';
import {
  buildUser,
  signIn,
  startTestApp,
  TEST_ORIGIN,
  type TestApp,
} from '../../../../test/support/app.js';
import type { TestDatabase } from '../../../../test/support/storage.js';
import type { Role } from '../../../core/policy/types.js';

export const DASU = { lat: 35.3, lon: 73.22 };

export type Who =
  | 'duty'
  | 'jsccAnalyst'
  | 'operatorManager'
  | 'operatorViewer'
  | 'operatorField'
  | 'guardField'
  | 'partnerViewer'
  | 'outsider';

export function buildSiteInput(
  orgs: { operator: string; guard: string; released: readonly string[] },
  overrides: Partial<SiteInput> = {},
): SiteInput {
  return {
    name: 'Dasu Hydropower Project',
    type: 'hydropower',
    location: { kind: 'point', ...DASU },
    bufferKm: 5,
    operatorOrgId: orgs.operator,
    guardOrgId: orgs.guard,
    postureLevel: 'heightened',
    notes: 'Main dam and powerhouse; convoy staging at the north gate.',
    marking: 'TLP:AMBER',
    releasableTo: [...orgs.released],
    ...overrides,
  };
}

export async function sitesScene(database: TestDatabase) {
  const t: TestApp = await startTestApp(database);
  const jscc = await buildUser(t.context, { roles: ['duty_officer'] });
  const operator = await buildUser(t.context, { roles: ['analyst'] });
  const guard = await buildUser(t.context, { roles: ['field'] });
  const partner = await buildUser(t.context, { roles: ['viewer'] });
  const outsider = await buildUser(t.context, { roles: ['analyst'] });
  const member = async (orgId: string, roles: Role[]) =>
    (await buildUser(t.context, { orgId, roles })).username;
  const usernames: Record<Who, string> = {
    duty: jscc.username,
    jsccAnalyst: await member(jscc.orgId, ['analyst']),
    operatorManager: operator.username,
    operatorViewer: await member(operator.orgId, ['viewer']),
    operatorField: await member(operator.orgId, ['field']),
    guardField: guard.username,
    partnerViewer: partner.username,
    outsider: outsider.username,
  };
  const cookies = new Map<Who, string>();
  for (const [who, username] of Object.entries(usernames) as [Who, string][]) {
    cookies.set(who, await signIn(t.app, username));
  }
  const orgs = {
    jscc: jscc.orgId,
    operator: operator.orgId,
    guard: guard.orgId,
    partner: partner.orgId,
    outsider: outsider.orgId,
  };
  const siteOrgs = {
    operator: orgs.operator,
    guard: orgs.guard,
    released: [orgs.operator, orgs.guard, orgs.partner],
  };

  const send = (
    who: Who,
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: object,
  ): Promise<LightMyRequestResponse> =>
    t.app.inject({
      method,
      url,
      headers: { cookie: cookies.get(who) ?? '', origin: TEST_ORIGIN },
      ...(payload === undefined ? {} : { payload }),
    });

  /** Registers a site as `who` (the duty officer by default) and returns its presented shape. */
  async function createSite(overrides: Partial<SiteInput> = {}, who: Who = 'duty') {
    const response = await send(who, 'POST', '/api/sites', buildSiteInput(siteOrgs, overrides));
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ site: SiteView }>().site;
  }

  return { t, orgs, siteOrgs, usernames, send, createSite, close: () => t.close() };
}

/** The parts of a presented site the tests look at. */
export interface SiteView {
  id: string;
  name: string;
  type: string;
  location: { type: string; coordinates: unknown };
  centre: { lat: number; lon: number };
  bufferKm: number;
  operator: { id: string; name: string | null };
  guard: { id: string; name: string | null };
  postureLevel: string;
  peopleOnSite: {
    day: string;
    total: number;
    byNationality: { nationality: string; count: number }[];
  } | null;
  notes: string;
  marking: string;
  releasableTo?: string[];
  modified: string;
  revoked: boolean;
  canEdit: boolean;
  mayRecordPeople: boolean;
  mayReadContacts: boolean;
}
