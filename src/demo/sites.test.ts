/**
 * The demo's protected sites, on both engines: the seven sites of the
 * scenario with today's people and role-only contacts, released to operator,
 * guard and coordination cell, loaded once.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildUser, startTestApp, type TestApp } from '../../test/support/app.js';
import { describeEachEngine } from '../../test/support/storage.js';
import { toCurrentUser } from '../modules/identity/identity.presenter.js';
import { findUserByUsername } from '../modules/identity/users.repository.js';
import { listContacts } from '../modules/sites/sites.people.repository.js';
import { listSitesFor } from '../modules/sites/sites.service.js';
import { seedDemoSites } from './sites.js';

const ORG_KEYS = [
  'pk-moi-jscc',
  'pk-ssd',
  'pk-fc-kp',
  'pk-sindh-police',
  'cn-hydro-contractor',
  'cn-power-operator',
];

describeEachEngine('the demo sites', (database) => {
  let t: TestApp;
  const orgIds = new Map<string, string>();
  const usernames = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp(database());
    for (const key of ORG_KEYS) {
      const user = await buildUser(t.context, { roles: ['duty_officer'] });
      orgIds.set(key, user.orgId);
      usernames.set(key, user.username);
    }
  });
  afterAll(async () => t.close());

  const userOf = async (key: string) => {
    const row = await findUserByUsername(t.context.storage.db, usernames.get(key) ?? '');
    if (!row) throw new Error(`no user for ${key}`);
    return toCurrentUser(row);
  };

  it('creates the seven sites once, with people and role-only contacts', async () => {
    const deps = { ...t.context.identity, capabilities: t.context.storage.capabilities };
    const orgIdOf = (key: string) => orgIds.get(key) ?? '';
    const author = await userOf('pk-moi-jscc');
    const first = await seedDemoSites(deps, author, orgIdOf);
    expect(first.created).toBe(7);
    const again = await seedDemoSites(deps, author, orgIdOf);
    expect(again.created).toBe(0);
    expect(again.idOf).toEqual(first.idOf);
    expect(first.idOf.size).toBe(7);

    const jscc = await listSitesFor(deps, author, {}, { limit: 50 });
    expect(jscc.rows).toHaveLength(7);
    const dasu = jscc.rows.find((row) => row.name === 'Dasu Hydropower Project');
    expect(dasu).toMatchObject({
      site_type: 'hydropower',
      people_total: 3000,
      people_day: '2026-11-28',
    });
    const contacts = await listContacts(deps.db, dasu?.id ?? '');
    expect(contacts.map((c) => c.name)).toEqual(['Site security manager', 'Guard force duty room']);

    // The power operator reads its two sites only; the hydro contractor its four.
    const power = await listSitesFor(deps, await userOf('cn-power-operator'), {}, { limit: 50 });
    expect(power.rows.map((row) => row.name).sort()).toEqual([
      'Gwadar Port',
      'Port Qasim coal power plant',
    ]);
    const hydro = await listSitesFor(deps, await userOf('cn-hydro-contractor'), {}, { limit: 50 });
    expect(hydro.rows).toHaveLength(4);
  });
});
