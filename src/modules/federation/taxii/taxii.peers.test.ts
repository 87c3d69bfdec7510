/**
 * Peers over TAXII, on both engines: a registered peer signs its requests
 * (Tandem-Ed25519) and sees exactly its one collection; a forged signature,
 * a changed body, a replayed header or a stale time is refused with 401 and
 * audited; repeated failures from one address lock it out like failed logins.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../../test/support/storage.js';
import { startTestApp, type TestApp } from '../../../../test/support/app.js';
import { newId } from '../../../core/ids.js';
import { countAuditEntries } from '../../audit/audit.repository.js';
import { peerCollections } from '../peer-collections.js';
import { TLP_MARKING_DEFINITION_IDS } from '../stix/markings.js';
import { signRequest } from '../peer-requests.js';
import { findPeer, insertPeer, type PeerRow } from '../peers.repository.js';
import { keyIdOf, rawPublicKey, signObject, type SigningKey } from '../provenance.js';
import {
  COLLECTIONS,
  createCollection,
  getTaxii,
  indicator,
  postTaxii,
  TAXII_MEDIA_TYPE,
  taxiiUser,
} from './test-support/taxii-client.js';

function newSigningKey(nodeId: string): { key: SigningKey; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = rawPublicKey(publicKey);
  return { key: { nodeId, keyId: keyIdOf(raw), privateKey }, publicKey: raw };
}

describeEachEngine('TAXII for peers', (database) => {
  let t: TestApp;
  let peer: PeerRow;
  let key: SigningKey;
  const hostedOrg = newId('identity');

  beforeAll(async () => {
    t = await startTestApp(database());
    const id = newId('identity');
    const generated = newSigningKey(id);
    key = generated.key;
    const now = t.clock.now().toISOString();
    peer = {
      id,
      name: 'Partner node',
      base_url: 'https://partner.example',
      public_key: generated.publicKey,
      key_id: key.keyId,
      collection_id: randomUUID(),
      created_at: now,
      updated_at: now,
      removed_at: null,
    };
    await insertPeer(t.context.storage.db, peer, [hostedOrg]);
  });
  afterAll(async () => t.close());

  const signed = (url: string, signingKey = key, body?: string) =>
    signRequest(
      signingKey,
      { method: body === undefined ? 'GET' : 'POST', pathAndQuery: url, body },
      t.clock.now(),
    );

  const refusals = async (reason: string) => {
    const rows = await t.context.storage.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'federation.refused')
      .execute();
    return rows.filter((row) => JSON.parse(String(row.details)).reason === reason).length;
  };

  it('shows a peer exactly its own collection, and no administrator-defined one', async () => {
    const admin = await taxiiUser(t, { roles: ['org_admin'] });
    const stored = await createCollection(t, admin.cookie, { marking: 'TLP:CLEAR' });

    const list = await getTaxii(t, COLLECTIONS, signed(COLLECTIONS));
    expect(list.statusCode).toBe(200);
    expect(list.json().collections).toEqual([
      expect.objectContaining({ id: peer.collection_id, can_read: true, can_write: true }),
    ]);
    const own = `${COLLECTIONS}${peer.collection_id}/objects/?added_after=2026-01-01T00:00:00Z`;
    const objects = await getTaxii(t, own, signed(own));
    expect(objects.statusCode).toBe(200);
    expect(objects.headers['content-type']).toBe(TAXII_MEDIA_TYPE);
    // What the egress view holds is federation's business; here it only has to be an envelope.
    expect(objects.json()).toMatchObject({ more: false });
    const other = `${COLLECTIONS}${stored}/`;
    expect((await getTaxii(t, other, signed(other))).statusCode).toBe(404);
    // A user never reaches a peer's collection.
    expect((await getTaxii(t, `${COLLECTIONS}${peer.collection_id}/`, admin.auth)).statusCode).toBe(
      404,
    );
  });

  it('takes a signed POST into the peer collection and keeps its status for that peer alone', async () => {
    const url = `${COLLECTIONS}${peer.collection_id}/objects/`;
    const object = indicator();
    const body = JSON.stringify({ objects: [object] });
    const posted = await postTaxii(t, url, signed(url, key, body), body);
    expect(posted.statusCode).toBe(202);
    expect(posted.json()).toMatchObject({ total_count: 1 });
    const statusUrl = `/taxii2/tandem/status/${String(posted.json().id)}/`;
    expect((await getTaxii(t, statusUrl, signed(statusUrl))).statusCode).toBe(200);
    const user = await taxiiUser(t);
    expect((await getTaxii(t, statusUrl, user.auth)).statusCode).toBe(404);
  });

  it('refuses a forged signature and a changed body with 401, audited', async () => {
    const before = await refusals('signature_invalid');
    const forger = newSigningKey(peer.id).key;
    const forged = signed(COLLECTIONS, { ...forger, keyId: key.keyId });
    const refused = await getTaxii(t, COLLECTIONS, forged);
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({
      http_status: '401',
      error_code: 'PEER_SIGNATURE_INVALID',
    });

    const url = `${COLLECTIONS}${peer.collection_id}/objects/`;
    const header = signed(url, key, JSON.stringify({ objects: [] }));
    const changed = await postTaxii(t, url, header, JSON.stringify({ objects: [indicator()] }));
    expect(changed.statusCode).toBe(401);
    const otherPath = await getTaxii(t, `${COLLECTIONS}?x=1`, signed(COLLECTIONS));
    expect(otherPath.statusCode).toBe(401);
    expect(await refusals('signature_invalid')).toBe(before + 3);
  });

  it('refuses, in the status and the audit log, objects claiming an organisation the peer does not host or signed by another key', async () => {
    const url = `${COLLECTIONS}${peer.collection_id}/objects/`;
    const incident = (createdBy: string) => ({
      type: 'incident',
      spec_version: '2.1',
      id: newId('incident'),
      created: '2026-11-28T08:00:00.000Z',
      modified: '2026-11-28T08:00:00.000Z',
      name: 'Claimed incident',
      created_by_ref: createdBy,
    });
    const notHosted = signObject(incident(newId('identity')), key);
    const forgedKey = newSigningKey(peer.id).key;
    const forged = signObject(incident(hostedOrg), { ...forgedKey, keyId: key.keyId });
    const before = {
      hosted: await refusals('organisation_not_hosted'),
      signature: await refusals('signature_invalid'),
    };
    const body = JSON.stringify({ objects: [notHosted, forged] });
    const posted = await postTaxii(t, url, signed(url, key, body), body);
    expect(posted.statusCode).toBe(202);
    expect(posted.json()).toMatchObject({ failure_count: 2, success_count: 0 });
    const messages = (posted.json().failures as { id: string; message: string }[]).map((f) => [
      f.id,
      f.message,
    ]);
    expect(messages).toEqual([
      [notHosted.id, 'organisation_not_hosted'],
      [forged.id, 'signature_invalid'],
    ]);
    expect(await refusals('organisation_not_hosted')).toBe(before.hosted + 1);
    expect(await refusals('signature_invalid')).toBe(before.signature + 1);
    const stored = await t.context.storage.db
      .selectFrom('records')
      .select('id')
      .where('id', 'in', [notHosted.id, forged.id])
      .execute();
    expect(stored).toEqual([]);
  });

  it('stores a peer POST and its status in one transaction: a status that cannot be stored leaves no object', async () => {
    const collections = peerCollections({
      db: t.context.storage.db,
      clock: t.clock,
      audit: t.context.audit,
      capabilities: t.context.storage.capabilities,
      node: () => t.context.nodeIdentity(),
    });
    const withOrgs = await findPeer(t.context.storage.db, peer.id);
    if (!withOrgs) throw new Error('the peer was registered in beforeAll');
    const origin = { address: '127.0.0.1', requestId: 'req-atomic' };
    const indicatorFrom = (name: string) => {
      const id = `indicator--${randomUUID()}`;
      return signObject(
        {
          ...indicator({ id, name }),
          type: 'indicator',
          id,
          created_by_ref: hostedOrg,
          object_marking_refs: [TLP_MARKING_DEFINITION_IDS['TLP:GREEN']],
        },
        key,
      );
    };
    const storedIds = async (id: string) =>
      t.context.storage.db.selectFrom('records').select('id').where('id', '=', id).execute();

    const lost = indicatorFrom('Status lost');
    await expect(
      collections.receive(withOrgs, [lost], origin, () =>
        Promise.reject(new Error('crash before the status')),
      ),
    ).rejects.toThrow('crash before the status');
    expect(await storedIds(lost.id)).toEqual([]);

    const kept = indicatorFrom('Status kept');
    const details = await collections.receive(withOrgs, [kept], origin, (_trx, d) =>
      Promise.resolve(d),
    );
    expect(details.successes).toEqual([{ id: kept.id, version: kept.modified }]);
    expect(await storedIds(kept.id)).toEqual([{ id: kept.id }]);
  });

  it('refuses a malformed envelope from a peer with 400, audited', async () => {
    const url = `${COLLECTIONS}${peer.collection_id}/objects/`;
    const before = await refusals('envelope_malformed');
    const body = JSON.stringify({ objects: { not: 'a list' } });
    const refused = await postTaxii(t, url, signed(url, key, body), body);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error_code: 'ENVELOPE_MALFORMED' });
    expect(await refusals('envelope_malformed')).toBe(before + 1);
  });

  it('refuses a replayed request and a stale one with 401, audited', async () => {
    const before = await refusals('replayed');
    const header = signed(COLLECTIONS);
    expect((await getTaxii(t, COLLECTIONS, header)).statusCode).toBe(200);
    const replayed = await getTaxii(t, COLLECTIONS, header);
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json()).toMatchObject({ error_code: 'PEER_REQUEST_REPLAYED' });

    const stale = signRequest(
      key,
      { method: 'GET', pathAndQuery: COLLECTIONS },
      new Date(t.clock.now().getTime() - 10 * 60_000),
    );
    expect((await getTaxii(t, COLLECTIONS, stale)).statusCode).toBe(401);
    expect(await refusals('replayed')).toBe(before + 2);
  });

  it('locks out an address after repeated failures, before checking even a valid signature', async () => {
    const limit = t.context.identity.settings.addressFailureLimit;
    const remoteAddress = '203.0.113.77';
    const forger = newSigningKey(peer.id).key;
    for (let attempt = 0; attempt < limit; attempt++) {
      const response = await t.app.inject({
        method: 'GET',
        url: COLLECTIONS,
        remoteAddress,
        headers: {
          accept: TAXII_MEDIA_TYPE,
          authorization: signed(COLLECTIONS, { ...forger, keyId: key.keyId }),
        },
      });
      expect(response.statusCode).toBe(401);
    }
    const throttledBefore = await countAuditEntries(t.context.storage.db, 'federation.refused');
    const locked = await t.app.inject({
      method: 'GET',
      url: COLLECTIONS,
      remoteAddress,
      headers: { accept: TAXII_MEDIA_TYPE, authorization: signed(COLLECTIONS) },
    });
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(await countAuditEntries(t.context.storage.db, 'federation.refused')).toBe(
      throttledBefore + 1,
    );
    // Other addresses are not locked out.
    expect((await getTaxii(t, COLLECTIONS, signed(COLLECTIONS))).statusCode).toBe(200);
  });
});
