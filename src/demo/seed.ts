/**
 * Loads the demo scenario into a node. Idempotent: existing organisations are
 * kept; demo users get fresh random passwords on every run, which are
 * returned once for printing (no fixed demo password exists anywhere).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createOrganisation, createUser, setPassword } from '../modules/identity/admin.service.js';
import type { IdentityDeps } from '../modules/identity/identity.types.js';
import { findOrganisationByName } from '../modules/identity/organisations.repository.js';
import { writeSetting } from '../modules/identity/settings.repository.js';
import { findUserByUsername } from '../modules/identity/users.repository.js';
import type { IncidentDeps } from '../modules/incidents/incidents.service.js';
import { toCurrentUser } from '../modules/identity/identity.presenter.js';
import type { CurrentUser } from '../modules/identity/identity.types.js';
import { seedDemoCoordination } from './coordination.js';
import { seedDemoIncidents } from './incidents.js';
import { seedDemoIntel } from './intel.js';
import { seedDemoProgrammes } from './programmes.js';
import { seedDemoMovements } from './movements.js';
import { seedDemoBeshamThreat } from './protection-threat.js';
import { seedDemoSites } from './sites.js';
import { createLiveBus, type LiveBus } from '../modules/live/live.bus.js';
import {
  DEFAULT_PROTECTION_SETTINGS,
  type ProtectionSettings,
} from '../core/protection-settings.js';
import { DEMO_NODES, DEMO_ORGANISATIONS, DEMO_USERS, type DemoNodeKey } from './scenario.js';

export interface DemoLogin {
  username: string;
  password: string;
  roles: string[];
  organisation: string;
}

/** Organisations that the demo's AMBER incidents are released to, per node. */
const PARTNERS: Record<DemoNodeKey, readonly string[]> = {
  pk: ['pk-ssd', 'cn-embassy-security', 'cn-hydro-contractor'],
  cn: ['cn-hydro-contractor', 'pk-moi-jscc'],
};

export interface DemoOptions {
  /** How many synthetic incidents to generate (the first run only). */
  syntheticIncidents: number;
  /** How many synthetic threat reports to generate (the first run only). */
  syntheticReports?: number;
  /**
   * Whether this node registers the scenario's sites, movements and the Besham threat (default
   * true). In the federated demo only the host country's node does; the other receives them.
   */
  protection?: boolean;
}

/**
 * The id of a scenario organisation, the same on every demo node: a peer's
 * records name their originator by id, so both nodes must agree on it.
 * A version-4-shaped UUID from the organisation's key.
 */
export function demoOrganisationId(key: string): string {
  const hex = createHash('sha256').update(`tandem demo organisation ${key}`).digest('hex');
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `identity--${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Field codes of the demo's movements, new on every run (printed once by `tandem demo`). */
export interface DemoFieldCodes {
  checkinCode: string;
  duressCode: string;
}

export async function seedDemo(
  deps: IdentityDeps & IncidentDeps & { live?: LiveBus; protection?: ProtectionSettings },
  node: DemoNodeKey,
  options: DemoOptions = { syntheticIncidents: 3_000 },
): Promise<{
  nodeName: string;
  logins: DemoLogin[];
  incidents: number;
  threatReports: number;
  actionItems: number;
  programmes: number;
  sites: number;
  movements: number;
  fieldCodes: DemoFieldCodes | undefined;
}> {
  const identity = deps;
  const nodeName = DEMO_NODES[node].name;
  await writeSetting(identity.db, 'node_name', nodeName);
  const orgIds = new Map<string, { id: string; name: string }>();
  for (const org of DEMO_ORGANISATIONS) {
    const existing = await findOrganisationByName(identity.db, org.name);
    if (existing) {
      orgIds.set(org.key, { id: existing.id, name: existing.name });
      continue;
    }
    const created = await createOrganisation(
      identity,
      {
        id: demoOrganisationId(org.key),
        name: org.name,
        country: org.country,
        kind: org.kind,
        local: org.node === node,
      },
      undefined,
    );
    if (!created.ok) throw new Error(`demo organisation ${org.key}: ${created.error}`);
    orgIds.set(org.key, { id: created.value.id, name: created.value.name });
  }
  const logins: DemoLogin[] = [];
  for (const user of DEMO_USERS[node]) {
    const org = orgIds.get(user.orgKey);
    if (!org) throw new Error(`demo user ${user.username}: unknown organisation ${user.orgKey}`);
    const password = randomBytes(12).toString('base64url');
    const existing = await findUserByUsername(identity.db, user.username);
    if (existing) {
      const reset = await setPassword(identity, existing.id, password);
      if (!reset.ok) throw new Error(`demo user ${user.username}: ${reset.error}`);
    } else {
      const created = await createUser(
        identity,
        {
          username: user.username,
          displayName: user.displayName,
          orgId: org.id,
          roles: user.roles,
          password,
        },
        undefined,
      );
      if (!created.ok) throw new Error(`demo user ${user.username}: ${created.error}`);
    }
    logins.push({ username: user.username, password, roles: user.roles, organisation: org.name });
  }
  const author = async (username: string) => {
    const row = await findUserByUsername(identity.db, username);
    if (!row) throw new Error(`demo user ${username} is missing`);
    return toCurrentUser(row);
  };
  const partnerOrgIds = PARTNERS[node]
    .map((key) => orgIds.get(key)?.id)
    .filter((id): id is string => id !== undefined);
  const incidents = await seedDemoIncidents(
    deps,
    {
      analyst: await author('demo.analyst'),
      dutyOfficer: await author('demo.duty'),
      partnerOrgIds,
    },
    node === 'pk' ? 'CN' : 'PK',
    options.syntheticIncidents,
  );
  const liaison = await author('demo.liaison');
  const threatReports = await seedDemoIntel(
    deps,
    { analyst: await author('demo.analyst'), partnerOrgIds, redReaderUserId: liaison.userId },
    options.syntheticReports ?? 300,
  );
  const orgIdOf = (key: string) => {
    const id = orgIds.get(key)?.id;
    if (!id) throw new Error(`demo organisation ${key} is missing`);
    return id;
  };
  const actionItems = await seedDemoCoordination(deps, await author('demo.duty'), orgIdOf);
  const programmes = await seedDemoProgrammes(deps, await author('demo.duty'), orgIdOf);
  const protection =
    options.protection === false
      ? { sites: 0, movements: 0, fieldCodes: undefined }
      : await seedDemoProtection(deps, author, orgIdOf);
  return {
    nodeName,
    logins,
    incidents,
    threatReports,
    actionItems,
    programmes,
    ...protection,
  };
}

/** Sites, today's movements and the Besham threat that alerts them. */
async function seedDemoProtection(
  deps: IdentityDeps & IncidentDeps & { live?: LiveBus; protection?: ProtectionSettings },
  author: (username: string) => Promise<CurrentUser>,
  orgIdOf: (key: string) => string,
): Promise<{ sites: number; movements: number; fieldCodes: DemoFieldCodes }> {
  const duty = await author('demo.duty');
  const sites = await seedDemoSites(deps, duty, orgIdOf);
  const now = deps.clock.now();
  const movements = await seedDemoMovements(
    {
      ...deps,
      live: deps.live ?? createLiveBus(),
      protection: deps.protection ?? DEFAULT_PROTECTION_SETTINGS,
    },
    { requester: await author('demo.orgadmin'), duty, field: await author('demo.field') },
    orgIdOf,
    (key) => sites.idOf.get(key),
    now,
  );
  // Last, so that the alert matcher finds the movements on the road when it reads the report.
  await seedDemoBeshamThreat(
    deps,
    await author('demo.analyst'),
    ['pk-ssd', 'pk-moi-jscc', 'cn-hydro-contractor'].map(orgIdOf),
    now,
  );
  return {
    sites: sites.created,
    movements: movements.created,
    fieldCodes: { checkinCode: movements.checkinCode, duressCode: movements.duressCode },
  };
}
