/**
 * The demo's movements on both engines: today's four movements in their
 * states (in transit, escort assigned, in transit and about to go overdue,
 * waiting for approval), codes that work, and a second run that creates
 * nothing but sets new codes.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/support/app.js';
import { describeEachEngine } from '../../test/support/storage.js';
import { pendingDeadlinesOf } from '../modules/scheduler/deadlines.repository.js';
import { CHECKIN_DUE } from '../modules/movements/movements.schedule.js';
import {
  buildCast,
  currentUser,
  movementDeps,
  type Cast,
} from '../modules/movements/test-support/journey.js';
import { seedDemoMovements } from './movements.js';

describeEachEngine('demo: movements', (database) => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await startTestApp(database());
    cast = await buildCast(t);
  });
  afterAll(async () => t.close());

  it("seeds today's movements in their states, one due to go overdue three minutes after the start", async () => {
    const orgs: Record<string, string> = {
      'pk-ssd': cast.requesterAdmin.orgId,
      'pk-moi-jscc': cast.duty.orgId,
      'cn-embassy-security': cast.outsider.orgId,
      'cn-hydro-contractor': cast.escortField.orgId,
      'cn-power-operator': cast.escortField.orgId,
    };
    const orgIdOf = (key: string) => orgs[key] ?? cast.outsider.orgId;
    const users = {
      requester: await currentUser(t, cast.requesterAdmin),
      duty: await currentUser(t, cast.duty),
      field: await currentUser(t, cast.requesterField),
    };
    const deps = movementDeps(t);
    const summary = await seedDemoMovements(deps, users, orgIdOf, () => undefined, t.clock.now());
    expect(summary.created).toBe(4);
    expect(summary.checkinCode).not.toBe(summary.duressCode);
    const rows = await t.context.storage.db
      .selectFrom('movements')
      .select(['id', 'state'])
      .where('id', 'in', summary.movementIds)
      .execute();
    const stateOf = new Map(rows.map((r) => [r.id, r.state]));
    expect(summary.movementIds.map((id) => stateOf.get(id))).toEqual([
      'in_transit',
      'escort_assigned',
      'in_transit',
      'submitted',
    ]);
    const late = summary.movementIds[2] ?? '';
    const due = (await pendingDeadlinesOf(t.context.storage.db, late)).find(
      (d) => d.kind === CHECKIN_DUE,
    );
    expect(due?.due_at).toBe(new Date(t.clock.now().getTime() + 3 * 60_000).toISOString());

    const again = await seedDemoMovements(deps, users, orgIdOf, () => undefined, t.clock.now());
    expect(again.created).toBe(0);
    expect(again.movementIds).toEqual(summary.movementIds);
  });
});
