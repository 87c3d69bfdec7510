import { afterAll, beforeAll, expect, it } from 'vitest';
import { readScope } from '../core/policy/index.js';
import { describeEachEngine } from '../../test/support/storage.js';
import { startTestApp, type TestApp } from '../../test/support/app.js';
import { toCurrentUser } from '../modules/identity/identity.presenter.js';
import { findUserByUsername } from '../modules/identity/users.repository.js';
import { countIncidentsByType } from '../modules/incidents/incidents.repository.js';
import { listThreatReportsFor } from '../modules/intel/reports.read.service.js';
import { listActionItemsFor, todayOf } from '../modules/coordination/action-items.service.js';
import { presentProgrammeSummary } from '../modules/coordination/programmes.presenter.js';
import { listProgrammesFor } from '../modules/coordination/programmes.service.js';
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
    const first = await seedDemo(deps, 'pk', { syntheticIncidents: 400, syntheticReports: 40 });
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
    expect(first.threatReports).toBe(47);
    expect(first.actionItems).toBe(6);
    expect(first.programmes).toBe(4);
    expect(first.sites).toBe(7);
    expect(first.movements).toBe(4);
    expect(first.fieldCodes?.checkinCode).toMatch(/\S/);
    expect(first.fieldCodes?.checkinCode).not.toBe(first.fieldCodes?.duressCode);
    const again = await seedDemo(deps, 'pk', { syntheticIncidents: 400, syntheticReports: 40 });
    expect(again.incidents).toBe(0);
    expect(again.threatReports).toBe(0);
    expect(again.actionItems).toBe(0);
    expect(again.programmes).toBe(0);
    expect(again.sites).toBe(0);
    expect(again.movements).toBe(0);
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

  it('gives the threat reports different audiences: AMBER to partners, RED to one person, drafts to the author', async () => {
    const titlesFor = async (username: string) => {
      const row = await findUserByUsername(t.context.storage.db, username);
      if (!row) throw new Error(`${username} missing`);
      const reader = toCurrentUser(row);
      const rows = await listThreatReportsFor(
        { ...t.context.identity, capabilities: t.context.storage.capabilities },
        reader,
        { status: undefined },
        undefined,
        { limit: 500 },
      );
      return rows.filter((r) => !r.title.startsWith('[SYNTHETIC')).map((r) => r.title);
    };
    const analyst = await titlesFor('demo.analyst');
    const liaison = await titlesFor('demo.liaison');
    const field = await titlesFor('demo.field');
    const viewer = await titlesFor('demo.viewer');
    const red = 'Sensitive source: planning against power-plant staff in Karachi';
    const amber = 'Reconnaissance reported near the Dasu residential camp';
    const draft = 'Draft: threat to the Diamer-Bhasha dam workforce';
    expect(analyst).toEqual(expect.arrayContaining([red, amber, draft]));
    expect(liaison).toContain(red);
    expect(liaison).not.toContain(draft);
    expect(field).toContain(amber); // the SSD is a partner
    expect(field).not.toContain(red);
    expect(viewer).not.toContain(amber);
    expect(viewer).toContain('喀喇昆仑公路沿线车队安全提示');
  });

  it('tracks the ministers’ decisions as action items, some of them overdue', async () => {
    const row = await findUserByUsername(t.context.storage.db, 'demo.viewer');
    if (!row) throw new Error('demo.viewer missing');
    const reader = toCurrentUser(row);
    const deps = {
      db: t.context.storage.db,
      clock: t.clock,
      audit: t.context.audit,
      capabilities: t.context.storage.capabilities,
    };
    const all = await listActionItemsFor(deps, reader, {}, { limit: 50 });
    expect(all.rows.map((item) => item.title)).toContain(
      'Deliver the first tranche of police equipment',
    );
    expect(all.rows).toHaveLength(6);
    const overdue = await listActionItemsFor(deps, reader, { overdue: true }, { limit: 50 });
    expect(overdue.rows.map((item) => item.title).sort()).toEqual([
      'Deliver the first tranche of police equipment',
      'Hold the first Beijing–Islamabad police exchange visit',
    ]);
  });

  it('runs four programmes from the ministers’ decisions, some milestones overdue, under varied markings', async () => {
    const deps = {
      db: t.context.storage.db,
      clock: t.clock,
      audit: t.context.audit,
      capabilities: t.context.storage.capabilities,
    };
    const boardFor = async (username: string) => {
      const row = await findUserByUsername(t.context.storage.db, username);
      if (!row) throw new Error(`${username} missing`);
      const page = await listProgrammesFor(deps, toCurrentUser(row), {}, { limit: 50 });
      return page.rows.map((r) => presentProgrammeSummary(r, todayOf(t.clock)));
    };
    const duty = await boardFor('demo.duty');
    expect(duty.map((p) => [p.kind, p.title, p.marking, p.overdueMilestones])).toEqual([
      ['training', 'National Police Academy course on protective security', 'TLP:AMBER', 1],
      ['equipment_transfer', 'Police equipment delivery', 'TLP:GREEN', 1],
      ['border_cooperation', 'Khunjerab border procedures', 'TLP:AMBER+STRICT', 0],
      ['exchange', 'Beijing–Islamabad police exchange', 'TLP:AMBER', 1],
    ]);
    // The Islamabad Police viewer is not among those the border procedures were released to.
    const viewer = await boardFor('demo.viewer');
    expect(viewer.map((p) => p.title).sort()).toEqual([
      'Beijing–Islamabad police exchange',
      'National Police Academy course on protective security',
      'Police equipment delivery',
    ]);
  });
});
