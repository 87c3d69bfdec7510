/**
 * The alerts tests' world: the in-process app on a test database, the
 * organisations an alert involves (an intelligence unit that writes the
 * triggers, a site's operator and guard, a movement's requester and escort,
 * a partner that is addressed by nothing), their users as CurrentUser and as
 * signed-in cookies, a site at Dasu, a restricted site elsewhere and a
 * movement on the Karakoram Highway, and the matcher ready to drain.
 */
import { destinationPoint } from '../../../core/geo/index.js';
import type { Role } from '../../../core/policy/types.js';
import { toCurrentUser } from '../../identity/identity.presenter.js';
import type { CurrentUser } from '../../identity/identity.types.js';
import { findUser } from '../../identity/users.repository.js';
import { buildUser, signIn, startTestApp, type TestApp } from '../../../../test/support/app.js';
import type { TestDatabase } from '../../../../test/support/storage.js';
import { startAlertMatcher } from '../alerts.matcher.service.js';
import type { AlertDeps } from '../alerts.raise.js';
import { insertMovement, insertSite } from './subjects.js';

export const DASU = { lat: 35.3, lon: 73.22 };
export const BESHAM = { lat: 34.93, lon: 72.9 };
export const KARACHI = { lat: 24.86, lon: 67.01 };
export const KKH = [
  { lat: 33.7215, lon: 73.0433 },
  { lat: 34.1463, lon: 73.2117 },
  { lat: 34.79, lon: 72.94 },
  { lat: 34.92, lon: 72.87 },
  { lat: 35.2917, lon: 73.2906 },
];
/** Inside the Dasu site's 5 km buffer, 3 km east of its centre. */
export const NEAR_DASU = destinationPoint(DASU, 90, 3);

export interface SceneUser {
  userId: string;
  orgId: string;
  username: string;
  current: CurrentUser;
}

export async function alertsScene(database: TestDatabase) {
  const t: TestApp = await startTestApp(database);
  const db = t.context.storage.db;
  const deps: AlertDeps & { capabilities: typeof t.context.storage.capabilities } = {
    db,
    clock: t.clock,
    audit: t.context.audit,
    live: t.context.live,
    protection: t.context.config.protection,
    capabilities: t.context.storage.capabilities,
  };
  async function user(roles: Role[], orgId?: string): Promise<SceneUser> {
    const built = await buildUser(t.context, orgId ? { roles, orgId } : { roles });
    const row = await findUser(db, built.userId);
    if (!row) throw new Error('test user vanished');
    return { ...built, current: toCurrentUser(row) };
  }
  const cookieOf = (u: SceneUser) => signIn(t.app, u.username);

  const intel = await user(['analyst']);
  const operator = await user(['analyst']);
  const guard = await user(['analyst']);
  const requester = await user(['analyst']);
  const escort = await user(['field']);
  const partner = await user(['analyst']);
  const partnerDuty = await user(['duty_officer'], partner.orgId);
  const operatorViewer = await user(['viewer'], operator.orgId);

  const green = { marking: 'TLP:GREEN' as const, releasableTo: [] };
  const siteId = await insertSite(db, {
    name: 'Dasu Hydropower Project',
    centre: DASU,
    bufferKm: 5,
    operatorOrgId: operator.orgId,
    guardOrgId: guard.orgId,
    createdBy: operator.orgId,
    createdByUser: operator.userId,
    ...green,
  });
  /** Only its operator reads it: the guard is a recipient of its alerts but sees none. */
  const restrictedSiteId = await insertSite(db, {
    name: 'Gwadar Port Workforce Camp',
    centre: { lat: 25.12, lon: 62.32 },
    bufferKm: 5,
    operatorOrgId: operator.orgId,
    guardOrgId: guard.orgId,
    createdBy: operator.orgId,
    createdByUser: operator.userId,
    marking: 'TLP:AMBER',
    releasableTo: [],
  });
  const movementId = await insertMovement(db, {
    title: 'Islamabad → Dasu by the KKH',
    route: KKH,
    corridorKm: 10,
    state: 'in_transit',
    plannedDeparture: '2026-11-28T06:00:00.000Z',
    plannedArrival: '2026-11-28T15:00:00.000Z',
    requesterOrgId: requester.orgId,
    requestedByUser: requester.userId,
    escortOrgId: escort.orgId,
    createdBy: requester.orgId,
    createdByUser: requester.userId,
    ...green,
  });

  const matcher = startAlertMatcher(deps, {
    log: {
      error(details, message) {
        throw new Error(`${message}: ${JSON.stringify(details)}`);
      },
    },
    pollMs: 60_000,
  });
  await matcher.drain();

  return {
    t,
    db,
    deps,
    users: { intel, operator, guard, requester, escort, partner, partnerDuty, operatorViewer },
    cookieOf,
    siteId,
    restrictedSiteId,
    movementId,
    matcher,
    async close() {
      await matcher.stop();
      await t.close();
    },
  };
}

export type AlertsScene = Awaited<ReturnType<typeof alertsScene>>;
