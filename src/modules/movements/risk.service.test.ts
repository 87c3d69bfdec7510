/**
 * Gathering route risk through the policy on both engines: an incident the
 * assessor may not read never counts, and a contributor stored from another
 * reader's assessment is shown only to readers who may read its record.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { buildIncidentInput } from '../../../test/support/factories.js';
import { describeEachEngine } from '../../../test/support/storage.js';
import { createIncident } from '../incidents/incidents.service.js';
import {
  buildCast,
  client,
  currentUser,
  movementDeps,
  movementIn,
  type Cast,
} from './test-support/journey.js';

describeEachEngine('movements: risk through the policy', (database) => {
  let t: TestApp;
  let cast: Cast;
  let http: ReturnType<typeof client>;
  let hiddenIncident: string;
  let openIncident: string;

  beforeAll(async () => {
    t = await startTestApp(database());
    cast = await buildCast(t);
    http = client(t);
    const deps = movementDeps(t);
    const duty = await currentUser(t, cast.duty);
    const place = {
      name: 'Besham',
      country: 'PK',
      lat: 34.92,
      lon: 72.87,
      geoPrecision: 1 as const,
    };
    const hidden = await createIncident(
      deps,
      buildIncidentInput({
        eventDate: '2026-11-20',
        place,
        marking: 'TLP:AMBER',
        releasableTo: [],
      }),
      duty,
    );
    const open = await createIncident(
      deps,
      buildIncidentInput({ eventDate: '2026-11-21', place, marking: 'TLP:GREEN' }),
      duty,
    );
    if (!hidden.ok || !open.ok) throw new Error('incidents not created');
    hiddenIncident = hidden.value;
    openIncident = open.value;
  });
  afterAll(async () => t.close());

  type Risk = { score: number; level: string; contributors: { id: string; type: string }[] };
  const riskAs = async (cookie: string, id: string) =>
    (await http.get(cookie, `/api/movements/${id}`)).json<{ movement: { risk: Risk } }>().movement
      .risk;

  it('counts only what the submitter may read, and shows each viewer only the contributors they may read', async () => {
    const id = await movementIn(t, cast, 'submitted');
    const requesterView = await riskAs(cast.requester.cookie, id);
    const ids = requesterView.contributors.map((c) => c.id);
    expect(ids).toContain(openIncident);
    expect(ids).not.toContain(hiddenIncident);
    expect(requesterView.score).toBeGreaterThan(0);

    // The duty officer (who reads the AMBER incident) assesses again: it now counts.
    const assessed = await http.send(
      cast.duty.cookie,
      'POST',
      `/api/movements/${id}/risk/assess`,
      {},
    );
    expect(assessed.statusCode, assessed.body).toBe(200);
    const dutyView = await riskAs(cast.duty.cookie, id);
    expect(dutyView.contributors.map((c) => c.id)).toEqual(
      expect.arrayContaining([openIncident, hiddenIncident]),
    );
    expect(dutyView.score).toBeGreaterThan(requesterView.score);

    // The requester sees the new score but never the incident it may not read.
    const after = await riskAs(cast.requester.cookie, id);
    expect(after.score).toBe(dutyView.score);
    expect(after.contributors.map((c) => c.id)).not.toContain(hiddenIncident);
    expect((await http.get(cast.requester.cookie, `/api/movements/${id}`)).body).not.toContain(
      hiddenIncident,
    );
  });

  it('lets only a duty officer override the level, with a reason, audited', async () => {
    const id = await movementIn(t, cast, 'submitted');
    const path = `/api/movements/${id}/risk/override`;
    expect(
      (await http.send(cast.requester.cookie, 'POST', path, { level: 'low', reason: 'Looks fine' }))
        .statusCode,
    ).toBe(403);
    expect((await http.send(cast.duty.cookie, 'POST', path, { level: 'low' })).statusCode).toBe(
      400,
    );
    expect(
      (
        await http.send(cast.duty.cookie, 'POST', path, {
          level: 'medium',
          reason: 'Escort doubled',
        })
      ).statusCode,
    ).toBe(200);
    const risk = await riskAs(cast.requester.cookie, id);
    expect(risk).toMatchObject({ level: 'medium', overridden: true });
    const audit = await t.context.storage.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'movement.risk_overridden')
      .where('target_id', '=', id)
      .execute();
    expect(audit).toHaveLength(1);
  });
});
