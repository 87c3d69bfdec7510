/**
 * Sites and movements written on a peer through their own services, received
 * here and read through this node's read services: the site with its fence,
 * the movement as a read-only summary (no action, no deadline), both only by
 * their release list; a site naming an organisation unknown here is refused.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../../test/support/storage.js';
import { buildUser } from '../../../../test/support/app.js';
import { MOVEMENT_ACTIONS } from '../../movements/movements.transitions.js';
import { createMovement } from '../../movements/movements.records.js';
import { movementDetail, readMovement } from '../../movements/movements.read.js';
import type { MovementInput } from '../../movements/movements.schema.js';
import { findRecord } from '../../records/records.repository.js';
import { readSite } from '../../sites/sites.read.js';
import { createSite, revokeSite } from '../../sites/sites.service.js';
import type { SiteInput } from '../../sites/sites.schema.js';
import { peerScene, valueOf, type PeerScene } from './test-support/peer-scene.js';

describeEachEngine('receiving sites and movements', (database) => {
  let s: PeerScene;
  beforeAll(async () => {
    s = await peerScene(database());
  });
  afterAll(async () => {
    await s.close();
  });

  const siteInput = (overrides: Partial<SiteInput> = {}): SiteInput => ({
    name: 'Sost dry port',
    type: 'port',
    location: { kind: 'point', lat: 36.69, lon: 74.82 },
    bufferKm: 3,
    operatorOrgId: s.author.orgId,
    guardOrgId: s.reader.orgId,
    postureLevel: 'normal',
    notes: 'Customs yard and truck park.',
    ...s.amber,
    ...overrides,
  });

  const movementInput = (overrides: Partial<MovementInput> = {}): MovementInput => ({
    title: 'Engineers to Sost',
    origin: { name: 'Gilgit', lat: 35.92, lon: 74.31 },
    destination: { name: 'Sost', lat: 36.69, lon: 74.82 },
    waypoints: [],
    plannedDeparture: '2026-11-29T04:00:00.000Z',
    plannedArrival: '2026-11-29T10:00:00.000Z',
    vehicles: [{ kind: 'bus', seats: 20 }],
    passengers: [{ nationality: 'CN', count: 8 }],
    corridorKm: 5,
    checkinIntervalMinutes: 30,
    notes: '',
    ...s.amber,
    ...overrides,
  });

  const fenceCells = (id: string) =>
    s.hereDeps.db
      .selectFrom('geofence_cells')
      .select('cell')
      .where('subject_id', '=', id)
      .execute();

  it('stores a received site with its fence, read in its detail by its release list only', async () => {
    const id = valueOf(await createSite(s.peerDeps, siteInput(), s.author));
    await s.deliver(id);

    expect((await findRecord(s.hereDeps.db, id, 'site'))?.received_from_peer).toBe(1);
    expect(await readSite(s.hereDeps, id, s.reader)).toMatchObject({
      id,
      name: 'Sost dry port',
      operator_org_id: s.author.orgId,
      buffer_km: 3,
    });
    expect((await fenceCells(id)).length).toBeGreaterThan(0);
    expect(await readSite(s.hereDeps, id, s.outsider)).toBeUndefined();
  });

  it('takes the fence of a site away when its revocation arrives', async () => {
    const id = valueOf(
      await createSite(s.peerDeps, siteInput({ name: 'Tashkurgan yard' }), s.author),
    );
    await s.deliver(id);
    s.peer.clock.advance(60_000);
    valueOf(await revokeSite(s.peerDeps, id, 'Closed', s.author));
    await s.deliver(id);

    expect((await readSite(s.hereDeps, id, s.reader))?.record.revoked).toBe(1);
    expect(await fenceCells(id)).toEqual([]);
  });

  it('refuses a site whose operator this node does not know, and stores nothing', async () => {
    const stranger = await buildUser(s.peer.context, { roles: ['analyst'] });
    const id = valueOf(
      await createSite(s.peerDeps, siteInput({ operatorOrgId: stranger.orgId }), s.author),
    );
    const received = await s.receive(await s.sent(id));
    expect(received).toEqual({ ok: false, error: 'refused: unknown_operator' });
    expect(await findRecord(s.hereDeps.db, id, 'site')).toBeUndefined();
    expect(await fenceCells(id)).toEqual([]);
  });

  it('stores a received movement as a read-only summary no one here can act on', async () => {
    const siteId = valueOf(
      await createSite(s.peerDeps, siteInput({ name: 'Gilgit camp' }), s.author),
    );
    await s.deliver(siteId);
    const id = valueOf(
      await createMovement(s.peerDeps, movementInput({ origin: { siteId } }), s.author),
    );
    await s.deliver(id);

    const detail = await movementDetail(s.hereDeps, id, s.reader);
    expect(detail?.movement).toMatchObject({
      id,
      title: 'Engineers to Sost',
      state: 'draft',
      requester_org_id: s.author.orgId,
      origin_site_id: siteId,
      destination_site_id: null,
      escort_org_id: null,
    });
    const stateActions: readonly string[] = MOVEMENT_ACTIONS;
    expect(detail?.allowedActions.filter((action) => stateActions.includes(action))).toEqual([]);
    expect(detail?.nextDeadline).toBeUndefined();
    expect((await fenceCells(id)).length).toBeGreaterThan(0);
    expect(await readMovement(s.hereDeps, id, s.outsider)).toBeUndefined();
  });

  it('keeps the state of a received movement and takes its escort from a newer version', async () => {
    const id = valueOf(await createMovement(s.peerDeps, movementInput(), s.author));
    const first = await s.deliver(id);
    const escort = {
      orgId: s.reader.orgId,
      unit: '34th Light Infantry',
      callSign: 'Falcon 1',
      strength: 12,
      vehicles: [{ kind: 'pickup' }],
    };
    const received = await s.receive({
      ...first,
      modified: new Date(new Date(first.modified).getTime() + 60_000).toISOString(),
      body: { ...first.body, escort },
    });
    expect(received.ok).toBe(true);

    const movement = await readMovement(s.hereDeps, id, s.reader);
    expect(movement).toMatchObject({ state: 'draft', escort_org_id: s.reader.orgId });
    expect(JSON.parse(movement?.record.body ?? '{}')).toMatchObject({ escort });
  });
});
