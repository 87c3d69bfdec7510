/**
 * Peers and the egress preview over HTTP, on both engines: only node
 * administrators manage peers, with clear refusals; the preview of a peer
 * and of a record says exactly what the egress view would send, and never
 * names a record the viewer may not read; an unsigned notice is refused and
 * audited.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildIncidentInput } from '../../../test/support/factories.js';
import {
  buildUser,
  signIn,
  startTestApp,
  TEST_ORIGIN,
  type TestApp,
} from '../../../test/support/app.js';
import { describeEachEngine } from '../../../test/support/storage.js';
import { rawPublicKey } from './provenance.js';

describeEachEngine('peers and egress preview over HTTP', (database) => {
  let t: TestApp;
  let admin: string;
  let analyst: string;
  let outsider: string;
  let analystOrg: string;
  const peerOrg = `identity--${randomUUID()}`;
  const otherOrg = `identity--${randomUUID()}`;
  const peerId = `identity--${randomUUID()}`;
  const publicKey = rawPublicKey(generateKeyPairSync('ed25519').publicKey);

  const call = (
    cookie: string,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url,
      headers: { cookie, origin: TEST_ORIGIN },
      ...(payload ? { payload } : {}),
    });

  beforeAll(async () => {
    t = await startTestApp(database());
    admin = await signIn(t.app, (await buildUser(t.context, { roles: ['node_admin'] })).username);
    const author = await buildUser(t.context, { roles: ['analyst'] });
    analystOrg = author.orgId;
    analyst = await signIn(t.app, author.username);
    outsider = await signIn(t.app, (await buildUser(t.context, { roles: ['analyst'] })).username);
  });
  afterAll(async () => t.close());

  const peerInput = (overrides: object = {}) => ({
    nodeId: peerId,
    name: 'Beijing node',
    baseUrl: 'https://beijing.example.org',
    publicKey,
    orgIds: [peerOrg],
    ...overrides,
  });

  it('lets only node administrators register peers, and refuses bad ones with clear codes', async () => {
    expect((await call(analyst, 'POST', '/api/peers', peerInput())).statusCode).toBe(403);
    const bad = await call(
      admin,
      'POST',
      '/api/peers',
      peerInput({ baseUrl: 'http://beijing.example.org' }),
    );
    expect(bad.json().error.code).toBe('PEER_URL_REFUSED');
    const local = await call(admin, 'POST', '/api/peers', peerInput({ orgIds: [analystOrg] }));
    expect([local.statusCode, local.json().error.code]).toEqual([409, 'CONFLICT']);
    const added = await call(admin, 'POST', '/api/peers', peerInput());
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ id: peerId, orgIds: [peerOrg], sync: { failures: 0 } });
    expect((await call(admin, 'POST', '/api/peers', peerInput())).statusCode).toBe(409);
    const listed = await call(admin, 'GET', '/api/peers');
    expect(listed.json().items.map((p: { id: string }) => p.id)).toEqual([peerId]);
    const node = await call(admin, 'GET', '/api/federation/node');
    expect(node.json()).toMatchObject({
      nodeId: expect.stringMatching(/^identity--/),
      publicKey: expect.any(String),
    });
    expect(node.json()).not.toHaveProperty('privateKey');
  });

  it('previews exactly what leaves for a peer, and for a record per peer', async () => {
    const create = async (overrides: object) =>
      (await call(analyst, 'POST', '/api/incidents', buildIncidentInput(overrides))).json<{
        incident: { id: string };
      }>().incident.id;
    const green = await create({ narrative: 'Green for everyone.' });
    const released = await create({
      marking: 'TLP:AMBER',
      releasableTo: [peerOrg],
      narrative: 'Amber for the peer.',
    });
    const withheld = await create({
      marking: 'TLP:AMBER',
      releasableTo: [otherOrg],
      narrative: 'Amber elsewhere.',
    });

    const preview = await call(admin, 'GET', `/api/peers/${peerId}/preview?limit=200`);
    expect(preview.statusCode).toBe(200);
    // The administrator's organisation reads the GREEN record, not the AMBER one: that is counted, not named.
    const ids = preview.json().items.map((i: { id: string }) => i.id);
    expect(ids).toContain(green);
    expect(ids).not.toContain(withheld);
    expect(ids).not.toContain(released);
    expect(preview.json().unreadable).toBeGreaterThanOrEqual(1);

    const perRecord = await call(analyst, 'GET', `/api/records/${released}/egress`);
    expect(perRecord.statusCode).toBe(200);
    const decision = perRecord.json().peers.find((p: { peerId: string }) => p.peerId === peerId);
    expect(decision.decision).toBe('full');
    expect(decision.objects[0]).toMatchObject({
      type: 'incident',
      id: released,
      created_by_ref: analystOrg,
    });
    const refused = (await call(analyst, 'GET', `/api/records/${withheld}/egress`)).json();
    expect(refused.peers[0]).toMatchObject({
      decision: 'none',
      reason: 'not_released_to_peer',
      objects: [],
    });
    // Someone who cannot read the record learns nothing of it.
    expect((await call(outsider, 'GET', `/api/records/${released}/egress`)).statusCode).toBe(404);
  });

  it('refuses an unsigned notice and audits it', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/federation/notices',
      headers: { 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('PEER_SIGNATURE_INVALID');
    const refusals = await t.context.storage.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'federation.refused')
      .execute();
    expect(refusals.some((row) => String(row.details).includes('notice'))).toBe(true);
  });

  it('removes a peer, which then no longer appears', async () => {
    expect((await call(admin, 'DELETE', `/api/peers/${peerId}`)).statusCode).toBe(204);
    expect((await call(admin, 'GET', '/api/peers')).json().items).toEqual([]);
    expect((await call(admin, 'GET', `/api/peers/${peerId}/preview`)).statusCode).toBe(404);
  });
});
