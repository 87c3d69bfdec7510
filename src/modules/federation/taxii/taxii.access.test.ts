/**
 * Who sees and writes which TAXII collection, on both engines: the sharing
 * policy decides (canRead to see, canEdit to write); a collection the caller
 * may not read answers exactly like one that does not exist. Administrators
 * manage collections through /api/taxii/collections, audited.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../../test/support/storage.js';
import { startTestApp, TEST_ORIGIN, type TestApp } from '../../../../test/support/app.js';
import {
  COLLECTIONS,
  createCollection,
  getTaxii,
  indicator,
  postObjects,
  taxiiUser,
  type TaxiiUser,
} from './test-support/taxii-client.js';

describeEachEngine('TAXII collection access', (database) => {
  let t: TestApp;
  let adminA: TaxiiUser;
  let analystA: TaxiiUser;
  let viewerA: TaxiiUser;
  let analystB: TaxiiUser;
  let analystC: TaxiiUser;
  let adminC: TaxiiUser;

  beforeAll(async () => {
    t = await startTestApp(database());
    adminA = await taxiiUser(t, { roles: ['org_admin'] });
    analystA = await taxiiUser(t, { roles: ['analyst'], orgId: adminA.orgId });
    viewerA = await taxiiUser(t, { roles: ['viewer'], orgId: adminA.orgId });
    analystB = await taxiiUser(t, { roles: ['analyst'] });
    analystC = await taxiiUser(t, { roles: ['analyst'] });
    adminC = await taxiiUser(t, { roles: ['org_admin'], orgId: analystC.orgId });
  });
  afterAll(async () => t.close());

  /** Status and TAXII error body without the per-request error id. */
  const outcome = async (request: Promise<{ statusCode: number; body: string }>) => {
    const response = await request;
    const body = JSON.parse(response.body) as Record<string, unknown>;
    delete body.error_id;
    return { status: response.statusCode, body };
  };

  it('hides an AMBER collection from organisations it is not released to, exactly like a missing one', async () => {
    const id = await createCollection(t, adminA.cookie, {
      marking: 'TLP:AMBER',
      releasableTo: [analystB.orgId],
    });
    await postObjects(t, id, analystA.auth, [indicator()]);
    const missing = randomUUID();

    const listed = await getTaxii(t, COLLECTIONS, analystC.auth);
    expect(JSON.stringify(listed.json())).not.toContain(id);
    for (const path of ['', 'objects/', 'manifest/', `objects/${String(indicator().id)}/`]) {
      const hidden = await outcome(getTaxii(t, `${COLLECTIONS}${id}/${path}`, analystC.auth));
      const absent = await outcome(getTaxii(t, `${COLLECTIONS}${missing}/${path}`, analystC.auth));
      expect(hidden.status, path).toBe(404);
      expect(hidden).toEqual(absent);
    }
    const post = await outcome(postObjects(t, id, analystC.auth, [indicator()]));
    expect(post).toEqual(await outcome(postObjects(t, missing, analystC.auth, [indicator()])));
    expect(post.status).toBe(404);
    const stored = await getTaxii(t, `${COLLECTIONS}${id}/objects/`, analystA.auth);
    expect(stored.json().objects).toHaveLength(1);
  });

  it('lets the organisations a collection is released to read it but only its originator write', async () => {
    const id = await createCollection(t, adminA.cookie, {
      marking: 'TLP:AMBER',
      releasableTo: [analystB.orgId],
    });
    const asB = await getTaxii(t, `${COLLECTIONS}${id}/`, analystB.auth);
    expect(asB.json()).toMatchObject({ can_read: true, can_write: false });
    expect((await postObjects(t, id, analystB.auth, [indicator()])).statusCode).toBe(403);
    expect((await getTaxii(t, `${COLLECTIONS}${id}/objects/`, analystB.auth)).statusCode).toBe(200);

    // A viewer of the originating organisation reads; only editing roles write (canEdit).
    const asViewer = await getTaxii(t, `${COLLECTIONS}${id}/`, viewerA.auth);
    expect(asViewer.json()).toMatchObject({ can_read: true, can_write: false });
    expect((await postObjects(t, id, viewerA.auth, [indicator()])).statusCode).toBe(403);
    expect((await postObjects(t, id, analystA.auth, [indicator()])).statusCode).toBe(202);
  });

  it('shows a TLP:RED collection only to the users it names', async () => {
    const id = await createCollection(t, adminA.cookie, {
      marking: 'TLP:RED',
      releasableTo: [analystA.userId],
    });
    expect((await getTaxii(t, `${COLLECTIONS}${id}/`, analystA.auth)).statusCode).toBe(200);
    expect((await getTaxii(t, `${COLLECTIONS}${id}/`, viewerA.auth)).statusCode).toBe(404);
    expect((await getTaxii(t, `${COLLECTIONS}${id}/`, analystB.auth)).statusCode).toBe(404);
  });

  it('lets organisation administrators manage their own collections, audited, and nobody else', async () => {
    const manage = (
      cookie: string,
      method: 'GET' | 'POST' | 'DELETE',
      url: string,
      payload?: object,
    ) =>
      t.app.inject({
        method,
        url,
        headers: { cookie, origin: TEST_ORIGIN },
        ...(payload ? { payload } : {}),
      });

    const refused = await manage(analystA.cookie, 'POST', '/api/taxii/collections', {
      title: 'Not mine to make',
      marking: 'TLP:GREEN',
    });
    expect(refused.statusCode).toBe(403);
    const invalid = await manage(adminC.cookie, 'POST', '/api/taxii/collections', {
      title: 'Wrong list',
      marking: 'TLP:AMBER',
      releasableTo: [analystA.userId],
    });
    expect(invalid.statusCode).toBe(400);

    const id = await createCollection(t, adminC.cookie, { title: 'Border crossings' });
    const listC = await manage(adminC.cookie, 'GET', '/api/taxii/collections');
    expect(listC.json().items).toEqual([
      expect.objectContaining({
        id,
        title: 'Border crossings',
        createdBy: analystC.orgId,
        marking: 'TLP:GREEN',
        releasableTo: [],
        url: `/taxii2/tandem/collections/${id}/`,
      }),
    ]);
    const listA = await manage(adminA.cookie, 'GET', '/api/taxii/collections');
    expect(JSON.stringify(listA.json())).not.toContain(id);
    expect((await manage(adminA.cookie, 'DELETE', `/api/taxii/collections/${id}`)).statusCode).toBe(
      404,
    );

    expect((await getTaxii(t, `${COLLECTIONS}${id}/`, analystB.auth)).statusCode).toBe(200);
    expect((await manage(adminC.cookie, 'DELETE', `/api/taxii/collections/${id}`)).statusCode).toBe(
      204,
    );
    expect((await getTaxii(t, `${COLLECTIONS}${id}/`, analystB.auth)).statusCode).toBe(404);
    expect((await getTaxii(t, `${COLLECTIONS}${id}/`, analystC.auth)).statusCode).toBe(404);

    const audited = await t.context.storage.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('target_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(audited).toEqual([
      { action: 'taxii.collection_created', actor_user_id: adminC.userId },
      { action: 'taxii.collection_removed', actor_user_id: adminC.userId },
    ]);
  });
});
