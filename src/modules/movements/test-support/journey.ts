/**
 * A cast for movement tests on one in-process server: a requester
 * organisation (analyst, org admin, field user), a JSCC-like organisation
 * (two duty officers, a liaison), an escort organisation (field user, org
 * admin) and an outsider; plus helpers that drive a movement through its
 * states over HTTP.
 */
import { expect } from 'vitest';
import type { Role } from '../../../core/policy/types.js';
import { buildUser, signIn, TEST_ORIGIN, type TestApp } from '../../../../test/support/app.js';
import { findUserByUsername } from '../../identity/users.repository.js';
import { toCurrentUser } from '../../identity/identity.presenter.js';
import type { CurrentUser } from '../../identity/identity.types.js';
import type { MovementDeps } from '../movements.records.js';

export const CHECKIN_CODE = '4711';
export const DURESS_CODE = '9911';

export interface Member {
  userId: string;
  orgId: string;
  username: string;
  cookie: string;
}

export interface Cast {
  requester: Member;
  requesterAdmin: Member;
  requesterField: Member;
  duty: Member;
  duty2: Member;
  liaison: Member;
  escortField: Member;
  escortAdmin: Member;
  outsider: Member;
  viewer: Member;
}

export async function buildCast(t: TestApp): Promise<Cast> {
  const member = async (roles: Role[], orgId?: string): Promise<Member> => {
    const user = await buildUser(t.context, { roles, ...(orgId ? { orgId } : {}) });
    return { ...user, cookie: await signIn(t.app, user.username) };
  };
  const requester = await member(['analyst']);
  const duty = await member(['duty_officer']);
  const escortField = await member(['field']);
  return {
    requester,
    requesterAdmin: await member(['org_admin'], requester.orgId),
    requesterField: await member(['field'], requester.orgId),
    viewer: await member(['viewer'], requester.orgId),
    duty,
    duty2: await member(['duty_officer'], duty.orgId),
    liaison: await member(['liaison'], duty.orgId),
    escortField,
    escortAdmin: await member(['org_admin'], escortField.orgId),
    outsider: await member(['duty_officer']),
  };
}

export function movementDeps(t: TestApp): MovementDeps {
  return {
    db: t.context.storage.db,
    clock: t.clock,
    audit: t.context.audit,
    capabilities: t.context.storage.capabilities,
    live: t.context.live,
    protection: t.context.config.protection,
  };
}

export async function currentUser(t: TestApp, member: Member): Promise<CurrentUser> {
  const row = await findUserByUsername(t.context.storage.db, member.username);
  if (!row) throw new Error(`no user ${member.username}`);
  return toCurrentUser(row);
}

/** Islamabad → Besham → Dasu, tomorrow morning (UTC), released to the duty officers' organisation. */
export function buildMovementInput(cast: Cast, overrides: Record<string, unknown> = {}) {
  return {
    title: 'Engineers to Dasu',
    origin: { name: 'Islamabad', lat: 33.7215, lon: 73.0433 },
    destination: { name: 'Dasu', lat: 35.2917, lon: 73.2906 },
    waypoints: [{ name: 'Besham', lat: 34.92, lon: 72.87 }],
    plannedDeparture: '2026-11-28T04:00:00.000Z',
    plannedArrival: '2026-11-28T12:00:00.000Z',
    vehicles: [{ kind: 'bus', seats: 30 }],
    passengers: [{ nationality: 'CN', count: 12 }],
    marking: 'TLP:AMBER',
    releasableTo: [cast.duty.orgId],
    ...overrides,
  };
}

export function client(t: TestApp) {
  const send = (cookie: string, method: 'POST' | 'PUT', url: string, payload: object = {}) =>
    t.app.inject({ method, url, headers: { cookie, origin: TEST_ORIGIN }, payload });
  const get = (cookie: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie } });
  const act = (cookie: string, id: string, action: string, payload: object = {}) =>
    send(cookie, 'POST', `/api/movements/${id}/${action}`, payload);
  const errorCode = (response: { json<T>(): T }) =>
    response.json<{ error: { code: string } }>().error.code;
  return { send, get, act, errorCode };
}

/** A new movement driven as far as `until` (inclusive), by the usual people. */
export async function movementIn(
  t: TestApp,
  cast: Cast,
  until: 'draft' | 'submitted' | 'approved' | 'escort_assigned' | 'in_transit',
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const { send, act } = client(t);
  const created = await send(
    cast.requester.cookie,
    'POST',
    '/api/movements',
    buildMovementInput(cast, overrides),
  );
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json<{ movement: { id: string } }>().movement.id;
  const steps: [string, Member, string, object][] = [
    ['submitted', cast.requester, 'submit', {}],
    ['approved', cast.duty, 'approve', {}],
    [
      'escort_assigned',
      cast.duty,
      'escort',
      {
        orgId: cast.escortField.orgId,
        unit: '34th Light Infantry',
        callSign: 'Falcon 1',
        strength: 12,
        vehicles: [{ kind: 'pickup' }],
        checkinCode: CHECKIN_CODE,
        duressCode: DURESS_CODE,
      },
    ],
    ['in_transit', cast.escortField, 'start', {}],
  ];
  for (const [state, who, action, payload] of steps) {
    if (until === 'draft') break;
    const response = await act(who.cookie, id, action, payload);
    expect(response.statusCode, `${action}: ${response.body}`).toBe(200);
    if (state === until) break;
  }
  return id;
}
