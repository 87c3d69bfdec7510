/**
 * Threat actors (groups, shareable, versioned) and the "who will see this"
 * sharing preview, over HTTP on both engines.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/storage.js';
import {
  buildUser,
  signIn,
  startTestApp,
  TEST_ORIGIN,
  type TestApp,
} from '../../../test/support/app.js';
import { buildThreatActorInput } from '../../../test/support/factories.js';
import { listRecordVersions } from '../records/records.repository.js';

describeEachEngine('threat actors and the sharing preview', (database) => {
  let t: TestApp;
  let analyst: string;
  let partner: string;
  let viewer: string;
  type TestUser = Awaited<ReturnType<typeof buildUser>>;
  let a: TestUser;
  let b: TestUser;
  let c: TestUser;

  beforeAll(async () => {
    t = await startTestApp(database());
    a = await buildUser(t.context, { roles: ['analyst'] });
    analyst = await signIn(t.app, a.username);
    b = await buildUser(t.context, { roles: ['analyst'] });
    partner = await signIn(t.app, b.username);
    c = await buildUser(t.context, { roles: ['liaison'] });
    viewer = await signIn(
      t.app,
      (await buildUser(t.context, { roles: ['viewer'], orgId: a.orgId })).username,
    );
  });
  afterAll(async () => t.close());

  const send = (cookie: string, method: 'POST' | 'PUT', url: string, payload: object) =>
    t.app.inject({ method, url, headers: { cookie, origin: TEST_ORIGIN }, payload });
  const get = (cookie: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie } });

  it('describes a group, corrects it as a new version, and refuses the correction to a partner', async () => {
    const created = await send(
      analyst,
      'POST',
      '/api/threat-actors',
      buildThreatActorInput({ name: 'Convoy Raiders' }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().threatActor.id as string;
    t.clock.advance(1_000);
    const corrected = await send(
      analyst,
      'PUT',
      `/api/threat-actors/${id}`,
      buildThreatActorInput({ name: 'Convoy Raiders', aliases: ['CR', 'Raiders'] }),
    );
    expect(corrected.json().threatActor).toMatchObject({
      aliases: ['CR', 'Raiders'],
      type: 'threat-actor',
    });
    expect(corrected.json().threatActor.modified > created.json().threatActor.modified).toBe(true);
    const versions = await listRecordVersions(t.context.storage.db, id);
    expect(versions.map((v) => v.modified)).toEqual([
      corrected.json().threatActor.modified,
      created.json().threatActor.modified,
    ]);
    expect(
      (await send(partner, 'PUT', `/api/threat-actors/${id}`, buildThreatActorInput())).statusCode,
    ).toBe(403);
    const found = (await get(partner, '/api/threat-actors?q=convoy')).json().items;
    expect(found.map((i: { id: string }) => i.id)).toEqual([id]);
  });

  it('answers 404 for an actor the caller may not read, and keeps it out of lists', async () => {
    const id = (
      await send(
        analyst,
        'POST',
        '/api/threat-actors',
        buildThreatActorInput({ name: 'Hidden Cell', marking: 'TLP:AMBER' }),
      )
    ).json().threatActor.id as string;
    expect((await get(partner, `/api/threat-actors/${id}`)).statusCode).toBe(404);
    expect(
      (await send(partner, 'PUT', `/api/threat-actors/${id}`, buildThreatActorInput())).statusCode,
    ).toBe(404);
    expect((await get(partner, '/api/threat-actors?q=hidden')).json().items).toEqual([]);
    expect((await get(viewer, `/api/threat-actors/${id}`)).statusCode).toBe(200);
  });

  it('refuses an actor last seen before it was first seen, naming the field', async () => {
    const response = await send(
      analyst,
      'POST',
      '/api/threat-actors',
      buildThreatActorInput({
        firstSeen: '2024-01-01T00:00:00Z',
        lastSeen: '2021-01-01T00:00:00Z',
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues.map((i: { path: string }) => i.path)).toContain('lastSeen');
  });

  it('previews the originator and the listed organisations for TLP:AMBER', async () => {
    const response = await send(analyst, 'POST', '/api/sharing/preview', {
      marking: 'TLP:AMBER',
      releasableTo: [b.orgId, 'identity--00000000-0000-4000-8000-00000000dead'],
    });
    expect(response.statusCode).toBe(200);
    const preview = response.json();
    expect(preview.audience).toBe('organisations');
    expect(preview.organisations.map((o: { id: string }) => o.id)).toEqual([a.orgId, b.orgId]);
    expect(preview.organisations[1].name).toMatch(/^Test organisation/);
    expect(preview.unknownGrantees).toEqual(['identity--00000000-0000-4000-8000-00000000dead']);
  });

  it('previews every organisation for TLP:GREEN and only named users for TLP:RED', async () => {
    const green = (
      await send(analyst, 'POST', '/api/sharing/preview', {
        marking: 'TLP:GREEN',
        releasableTo: [b.orgId],
      })
    ).json();
    expect(green.audience).toBe('everyone');
    expect(green.organisations.map((o: { id: string }) => o.id)).toEqual(
      expect.arrayContaining([a.orgId, b.orgId, c.orgId]),
    );
    const red = (
      await send(analyst, 'POST', '/api/sharing/preview', {
        marking: 'TLP:RED',
        releasableTo: [c.userId],
      })
    ).json();
    expect(red).toMatchObject({
      audience: 'named_users',
      organisations: [],
      users: { count: 2, ids: [a.userId, c.userId] },
    });
  });

  it("previews an edited record's audience with its originator as author, for its editors only", async () => {
    // A colleague edits a RED record only when it names them (canEdit needs canRead).
    const colleague = await buildUser(t.context, { roles: ['analyst'], orgId: a.orgId });
    const colleagueCookie = await signIn(t.app, colleague.username);
    const red = await send(
      analyst,
      'POST',
      '/api/threat-actors',
      buildThreatActorInput({
        name: 'Red group',
        marking: 'TLP:RED',
        releasableTo: [c.userId, colleague.userId],
      }),
    );
    expect(red.statusCode, red.body).toBe(201);
    const recordId = red.json().threatActor.id as string;
    const preview = await send(colleagueCookie, 'POST', '/api/sharing/preview', {
      marking: 'TLP:RED',
      releasableTo: [c.userId],
      recordId,
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect([...preview.json().users.ids].sort()).toEqual([a.userId, c.userId].sort());
    const asNew = await send(colleagueCookie, 'POST', '/api/sharing/preview', {
      marking: 'TLP:RED',
      releasableTo: [c.userId],
    });
    expect([...asNew.json().users.ids].sort()).toEqual([colleague.userId, c.userId].sort());
    // A partner who may not edit the record learns nothing about it.
    const refused = await send(partner, 'POST', '/api/sharing/preview', {
      marking: 'TLP:RED',
      releasableTo: [],
      recordId,
    });
    expect(refused.statusCode).toBe(404);
    const unknown = await send(partner, 'POST', '/api/sharing/preview', {
      marking: 'TLP:RED',
      releasableTo: [],
      recordId: 'threat-actor--00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('refuses a preview whose release list does not fit the marking, and refuses previews to viewers', async () => {
    const mismatched = await send(analyst, 'POST', '/api/sharing/preview', {
      marking: 'TLP:RED',
      releasableTo: [b.orgId],
    });
    expect(mismatched.statusCode).toBe(400);
    expect(mismatched.json().error.issues[0].path).toBe('releasableTo');
    expect(
      (
        await send(viewer, 'POST', '/api/sharing/preview', {
          marking: 'TLP:GREEN',
          releasableTo: [],
        })
      ).statusCode,
    ).toBe(403);
  });
});
