/**
 * Loads the demo scenario into a node. Idempotent: existing organisations are
 * kept; demo users get fresh random passwords on every run, which are
 * returned once for printing (no fixed demo password exists anywhere).
 */
import { randomBytes } from 'node:crypto';
import { createOrganisation, createUser, setPassword } from '../modules/identity/admin.service.js';
import type { IdentityDeps } from '../modules/identity/identity.types.js';
import { findOrganisationByName } from '../modules/identity/organisations.repository.js';
import { writeSetting } from '../modules/identity/settings.repository.js';
import { findUserByUsername } from '../modules/identity/users.repository.js';
import { DEMO_NODES, DEMO_ORGANISATIONS, DEMO_USERS, type DemoNodeKey } from './scenario.js';

export interface DemoLogin {
  username: string;
  password: string;
  roles: string[];
  organisation: string;
}

export async function seedDemo(
  identity: IdentityDeps,
  node: DemoNodeKey,
): Promise<{ nodeName: string; logins: DemoLogin[] }> {
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
      { name: org.name, country: org.country, kind: org.kind, local: org.node === node },
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
  return { nodeName, logins };
}
