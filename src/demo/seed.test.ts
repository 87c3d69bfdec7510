import { afterAll, beforeAll, expect, it } from 'vitest';
import { readScope } from '../core/policy/index.js';
import { describeEachEngine } from '../../test/support/storage.js';
import { startTestApp, type TestApp } from '../../test/support/app.js';
import { toCurrentUser } from '../modules/identity/identity.presenter.js';
import { findUserByUsername } from '../modules/identity/users.repository.js';
import { countIncidentsByType } from '../modules/incidents/incidents.repository.js';
import { seedDemo } from './seed.js';

describeEachEngine('the demo scenario', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(database());
  });
  afterAll(async () => t.close());

  const totalFor = async (username: string) => {
    const row = await findUserByUsername(t.context.storage.db, username);
    if (!row) throw new Error(`${username} missing`);
    const counts = await countIncidentsByType(
      t.context.storage.db,
      readScope(toCurrentUser(row)),
      {},
    );
    return counts.reduce((sum, c) => sum + c.count, 0);
  };

  it('loads the organisations, one user per role, the past attacks and a synthetic set, once', async () => {
    const deps = { ...t.context.identity, capabilities: t.context.storage.capabilities };
    const first = await seedDemo(deps, 'pk', { syntheticIncidents: 400 });
    expect(first.logins.map((l) => l.username)).toEqual([
      'demo.admin',
      'demo.orgadmin',
      'demo.duty',
      'demo.analyst',
      'demo.field',
      'demo.liaison',
      'demo.viewer',
    ]);
    expect(first.incidents).toBe(406);
    const again = await seedDemo(deps, 'pk', { syntheticIncidents: 400 });
    expect(again.incidents).toBe(0);
    expect(again.logins[0]?.password).not.toBe(first.logins[0]?.password);
  });

  it('shows users of different organisations different pictures', async () => {
    const analyst = await totalFor('demo.analyst');
    const viewer = await totalFor('demo.viewer');
    const field = await totalFor('demo.field');
    expect(analyst).toBeGreaterThan(field);
    expect(field).toBeGreaterThan(viewer);
    expect(viewer).toBeGreaterThanOrEqual(6);
  });
});
