/**
 * The TAXII 2.1 API over HTTP, on both engines: discovery, API root and
 * collection resources; content negotiation and size errors as TAXII error
 * messages; paging with limit/next and added_after with the Date-Added
 * headers; match filters, versions, manifest; status resources.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../../app/config.js';
import { createAppContext } from '../../../app/context.js';
import { buildServer } from '../../../app/server.js';
import { describeEachEngine } from '../../../../test/support/storage.js';
import { startTestApp, TEST_ORIGIN, type TestApp } from '../../../../test/support/app.js';
import { countAuditEntries } from '../../audit/audit.repository.js';
import {
  apiToken,
  basic,
  COLLECTIONS,
  createCollection,
  getTaxii,
  indicator,
  postObjects,
  postTaxii,
  TAXII_MEDIA_TYPE,
  taxiiUser,
  type TaxiiUser,
} from './test-support/taxii-client.js';

describeEachEngine('TAXII 2.1 API', (database) => {
  let t: TestApp;
  let admin: TaxiiUser;

  beforeAll(async () => {
    t = await startTestApp(database());
    admin = await taxiiUser(t, { roles: ['org_admin'] });
  });
  afterAll(async () => t.close());

  const objectsOf = (body: string): Record<string, unknown>[] =>
    (JSON.parse(body) as { objects?: Record<string, unknown>[] }).objects ?? [];

  it('serves discovery, the API root and the collections the caller may see, as TAXII', async () => {
    const id = await createCollection(t, admin.cookie, { title: 'Convoy indicators' });

    const discovery = await getTaxii(t, '/taxii2/', admin.auth);
    expect(discovery.statusCode).toBe(200);
    expect(discovery.headers['content-type']).toBe(TAXII_MEDIA_TYPE);
    expect(discovery.json()).toEqual({
      title: await t.context.nodeName(),
      description: expect.any(String),
      default: `${TEST_ORIGIN}/taxii2/tandem/`,
      api_roots: [`${TEST_ORIGIN}/taxii2/tandem/`],
    });

    const root = await getTaxii(t, '/taxii2/tandem/', admin.auth);
    expect(root.json()).toMatchObject({
      versions: ['application/taxii+json;version=2.1'],
      max_content_length: t.context.config.federation.taxiiMaxBytes,
    });

    const list = await getTaxii(t, COLLECTIONS, admin.auth);
    const expected = {
      id,
      title: 'Convoy indicators',
      can_read: true,
      can_write: true,
      media_types: ['application/stix+json;version=2.1'],
    };
    expect(list.json().collections).toContainEqual(expected);
    const one = await getTaxii(t, `${COLLECTIONS}${id}/`, admin.auth);
    expect(one.json()).toEqual(expected);
  });

  it('answers 406 to an Accept without TAXII and 415 to a body that is not TAXII, as TAXII errors', async () => {
    const id = await createCollection(t, admin.cookie);
    const wrongAccept = await getTaxii(t, COLLECTIONS, admin.auth, { accept: 'application/json' });
    expect(wrongAccept.statusCode).toBe(406);
    expect(wrongAccept.headers['content-type']).toBe(TAXII_MEDIA_TYPE);
    expect(wrongAccept.json()).toMatchObject({ http_status: '406', error_code: 'NOT_ACCEPTABLE' });
    expect(wrongAccept.json().title).toEqual(expect.any(String));

    const wrongType = await postTaxii(
      t,
      `${COLLECTIONS}${id}/objects/`,
      admin.auth,
      JSON.stringify({ objects: [indicator()] }),
      { 'content-type': 'application/json' },
    );
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json()).toMatchObject({ http_status: '415' });
    const stored = await getTaxii(t, `${COLLECTIONS}${id}/objects/`, admin.auth);
    expect(stored.json()).toEqual({ more: false });

    const unknownPath = await getTaxii(t, '/taxii2/tandem/no-such-resource/', admin.auth);
    expect(unknownPath.statusCode).toBe(404);
    expect(unknownPath.headers['content-type']).toBe(TAXII_MEDIA_TYPE);
    expect(unknownPath.json()).toMatchObject({ http_status: '404', error_code: 'NOT_FOUND' });
  });

  it('answers 401 with the Basic realm without or with bad credentials, and audits each refusal', async () => {
    const before = await countAuditEntries(t.context.storage.db, 'federation.refused');
    const anonymous = await t.app.inject({
      method: 'GET',
      url: COLLECTIONS,
      headers: { accept: TAXII_MEDIA_TYPE },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['www-authenticate']).toBe('Basic realm="Tandem TAXII"');
    expect(anonymous.json()).toMatchObject({ http_status: '401' });
    const badToken = await getTaxii(t, COLLECTIONS, basic('tdm_not-a-real-token'));
    expect(badToken.statusCode).toBe(401);
    const badPassword = await getTaxii(t, COLLECTIONS, basic('hunter2'));
    expect(badPassword.statusCode).toBe(401);
    expect(await countAuditEntries(t.context.storage.db, 'federation.refused')).toBe(before + 3);
    const reasons = await t.context.storage.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'federation.refused')
      .orderBy('seq', 'desc')
      .limit(3)
      .execute();
    expect(reasons.map((row) => JSON.parse(String(row.details)).reason)).toEqual([
      'token_invalid',
      'token_invalid',
      'credentials_missing',
    ]);
  });

  it('audits a bad Bearer token on a TAXII route as a TAXII refusal, without the token', async () => {
    const before = await countAuditEntries(t.context.storage.db, 'federation.refused');
    const guess = 'tdm_GUESSED-BEARER-MUST-NOT-BE-AUDITED';
    const response = await t.app.inject({
      method: 'GET',
      url: COLLECTIONS,
      remoteAddress: '198.51.100.20',
      headers: { accept: TAXII_MEDIA_TYPE, authorization: `Bearer ${guess}` },
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Basic realm="Tandem TAXII"');
    expect(response.json()).toMatchObject({ http_status: '401', error_code: 'TOKEN_INVALID' });
    expect(await countAuditEntries(t.context.storage.db, 'federation.refused')).toBe(before + 1);
    const rows = await t.context.storage.db
      .selectFrom('audit_log')
      .select(['action', 'outcome', 'address', 'request_id', 'details'])
      .where('address', '=', '198.51.100.20')
      .execute();
    expect(rows).toEqual([
      {
        action: 'federation.refused',
        outcome: 'denied',
        address: '198.51.100.20',
        request_id: expect.any(String),
        details: expect.any(String),
      },
    ]);
    expect(JSON.parse(String(rows[0]?.details))).toEqual({
      reason: 'token_invalid',
      method: 'GET',
      path: '/taxii2/tandem/collections/',
    });
    expect(JSON.stringify(rows)).not.toContain('GUESSED-BEARER');
  });

  it('counts bad Bearer and bad Basic tokens from one address against one budget', async () => {
    const limit = t.context.identity.settings.addressFailureLimit;
    const remoteAddress = '198.51.100.21';
    const asGuesser = (authorization: string) =>
      t.app.inject({
        method: 'GET',
        url: COLLECTIONS,
        remoteAddress,
        headers: { accept: TAXII_MEDIA_TYPE, authorization },
      });
    for (let attempt = 0; attempt < limit; attempt++) {
      const guess = `tdm_guess-${attempt}`;
      const response = await asGuesser(attempt % 2 === 0 ? `Bearer ${guess}` : basic(guess));
      expect(response.statusCode).toBe(401);
    }
    const bearer = await apiToken(t, admin.cookie, ['intel:read']);
    for (const valid of [`Bearer ${bearer}`, basic(bearer)]) {
      const locked = await asGuesser(valid);
      expect(locked.statusCode).toBe(429);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    }
    const reasons = await t.context.storage.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'federation.refused')
      .where('address', '=', remoteAddress)
      .orderBy('seq')
      .execute();
    const parsed = reasons.map((row) => JSON.parse(String(row.details)) as Record<string, unknown>);
    expect(parsed.map((details) => details.reason)).toEqual([
      ...Array.from({ length: limit }, () => 'token_invalid'),
      'throttled',
      'throttled',
    ]);
    expect(parsed[limit - 1]).toMatchObject({ locked: 'address' });
  });

  it('refuses a token without the scope the request needs', async () => {
    const id = await createCollection(t, admin.cookie);
    const readOnly = basic(await apiToken(t, admin.cookie, ['intel:read']));
    const writeOnly = basic(await apiToken(t, admin.cookie, ['intel:write']));
    expect((await getTaxii(t, COLLECTIONS, readOnly)).statusCode).toBe(200);
    expect((await postObjects(t, id, readOnly, [indicator()])).statusCode).toBe(403);
    expect((await getTaxii(t, COLLECTIONS, writeOnly)).statusCode).toBe(403);
    expect((await postObjects(t, id, writeOnly, [indicator()])).statusCode).toBe(202);
    // A token sent as Bearer works as well as one sent as the Basic password.
    const bearer = await apiToken(t, admin.cookie, ['intel:read']);
    expect((await getTaxii(t, COLLECTIONS, `Bearer ${bearer}`)).statusCode).toBe(200);
  });

  it('answers 413 to a body over max_content_length', async () => {
    const config = loadConfig({
      TANDEM_DATABASE_URL: database().url,
      TANDEM_ENV: 'test',
      TANDEM_LOG_LEVEL: 'silent',
      TANDEM_PUBLIC_URL: TEST_ORIGIN,
      TANDEM_TAXII_MAX_BYTES: '2048',
    });
    const small = await buildServer(
      createAppContext(config, { storage: database().storage, clock: t.clock }),
    );
    await small.ready();
    try {
      const id = await createCollection(t, admin.cookie);
      const root = await small.inject({
        method: 'GET',
        url: '/taxii2/tandem/',
        headers: { authorization: admin.auth, accept: TAXII_MEDIA_TYPE },
      });
      expect(root.json().max_content_length).toBe(2048);
      const objects = Array.from({ length: 10 }, () => indicator());
      const tooLarge = await small.inject({
        method: 'POST',
        url: `${COLLECTIONS}${id}/objects/`,
        headers: {
          authorization: admin.auth,
          accept: TAXII_MEDIA_TYPE,
          'content-type': TAXII_MEDIA_TYPE,
        },
        payload: JSON.stringify({ objects }),
      });
      expect(tooLarge.statusCode).toBe(413);
      expect(tooLarge.headers['content-type']).toBe(TAXII_MEDIA_TYPE);
      expect(tooLarge.json()).toMatchObject({ http_status: '413' });
      const fits = await small.inject({
        method: 'POST',
        url: `${COLLECTIONS}${id}/objects/`,
        headers: {
          authorization: admin.auth,
          accept: TAXII_MEDIA_TYPE,
          'content-type': TAXII_MEDIA_TYPE,
        },
        payload: JSON.stringify({ objects: objects.slice(0, 1) }),
      });
      expect(fits.statusCode).toBe(202);
    } finally {
      await small.close();
    }
  });

  it('pages through objects in the order they were added, with next, added_after and the Date-Added headers', async () => {
    const id = await createCollection(t, admin.cookie);
    const firstBatch = Array.from({ length: 5 }, (_, n) => indicator({ name: `first ${n}` }));
    const secondBatch = Array.from({ length: 3 }, (_, n) => indicator({ name: `second ${n}` }));
    const firstAt = t.clock.now().toISOString();
    expect((await postObjects(t, id, admin.auth, firstBatch)).statusCode).toBe(202);
    t.clock.advance(60_000);
    const secondAt = t.clock.now().toISOString();
    expect((await postObjects(t, id, admin.auth, secondBatch)).statusCode).toBe(202);

    const seen: Record<string, unknown>[] = [];
    let url = `${COLLECTIONS}${id}/objects/?limit=3`;
    const headers: string[][] = [];
    for (;;) {
      const page = await getTaxii(t, url, admin.auth);
      expect(page.statusCode).toBe(200);
      const body = page.json<{ more: boolean; next?: string }>();
      seen.push(...objectsOf(page.body));
      headers.push([
        String(page.headers['x-taxii-date-added-first']),
        String(page.headers['x-taxii-date-added-last']),
      ]);
      if (!body.more) {
        expect(body.next).toBeUndefined();
        break;
      }
      url = `${COLLECTIONS}${id}/objects/?limit=3&next=${encodeURIComponent(String(body.next))}`;
    }
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    const expected = [
      ...(firstBatch as { id: string }[]).sort(byId),
      ...(secondBatch as { id: string }[]).sort(byId),
    ];
    expect(seen).toEqual(expected);
    expect(headers).toEqual([
      [firstAt, firstAt],
      [firstAt, secondAt],
      [secondAt, secondAt],
    ]);

    const after = await getTaxii(
      t,
      `${COLLECTIONS}${id}/objects/?added_after=${encodeURIComponent(firstAt)}`,
      admin.auth,
    );
    expect(objectsOf(after.body).map((object) => object.name)).toEqual(
      (secondBatch as { id: string; name: string }[]).sort(byId).map((object) => object.name),
    );
    expect(after.headers['x-taxii-date-added-first']).toBe(secondAt);
    const none = await getTaxii(
      t,
      `${COLLECTIONS}${id}/objects/?added_after=${encodeURIComponent(secondAt)}`,
      admin.auth,
    );
    expect(none.json()).toEqual({ more: false });
    expect(none.headers['x-taxii-date-added-first']).toBeUndefined();

    const badNext = await getTaxii(t, `${COLLECTIONS}${id}/objects/?next=garbage`, admin.auth);
    expect(badNext.statusCode).toBe(400);
    expect(badNext.json()).toMatchObject({ http_status: '400' });
  });

  it('filters by id, type and version, and lists versions and the manifest', async () => {
    const id = await createCollection(t, admin.cookie);
    const base = `${COLLECTIONS}${id}`;
    const v1 = indicator({ modified: '2026-01-01T00:00:00.000Z', name: 'v1' });
    const v2 = { ...v1, modified: '2026-02-01T00:00:00.000Z', name: 'v2' };
    const v3 = { ...v1, modified: '2026-03-01T00:00:00.000Z', name: 'v3' };
    const malware = {
      type: 'malware',
      spec_version: '2.1',
      id: 'malware--6b6f1e7e-3c9a-4bfa-9a8e-1a2b3c4d5e6f',
      created: '2026-01-05T00:00:00.000Z',
      modified: '2026-01-05T00:00:00.000Z',
      name: 'Loader',
      is_family: true,
    };
    const marking = {
      type: 'marking-definition',
      spec_version: '2.1',
      id: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
      definition_type: 'statement',
      definition: { statement: 'Shared under the cooperation agreement' },
    };
    await postObjects(t, id, admin.auth, [v1, malware, marking]);
    t.clock.advance(1000);
    const addedLater = t.clock.now().toISOString();
    await postObjects(t, id, admin.auth, [v3, v2]);

    const names = async (query: string) =>
      objectsOf((await getTaxii(t, `${base}/objects/${query}`, admin.auth)).body).map(
        (object) => object.name ?? object.type,
      );
    expect(await names('?match[type]=malware')).toEqual(['Loader']);
    expect(await names(`?match[id]=${String(v1.id)}`)).toEqual(['v3']);
    expect(await names(`?match[id]=${String(v1.id)}&match[version]=first`)).toEqual(['v1']);
    expect((await names(`?match[id]=${String(v1.id)}&match[version]=all`)).sort()).toEqual([
      'v1',
      'v2',
      'v3',
    ]);
    expect(
      await names(`?match[id]=${String(v1.id)}&match[version]=2026-02-01T00:00:00.000Z`),
    ).toEqual(['v2']);
    expect(await names('?match[spec_version]=2.0')).toEqual([]);
    expect((await names('?match[type]=indicator,marking-definition')).sort()).toEqual([
      'marking-definition',
      'v3',
    ]);

    const one = await getTaxii(t, `${base}/objects/${String(v1.id)}/`, admin.auth);
    expect(objectsOf(one.body)).toEqual([v3]);
    const missing = await getTaxii(
      t,
      `${base}/objects/indicator--00000000-0000-4000-8000-000000000000/`,
      admin.auth,
    );
    expect(missing.statusCode).toBe(404);

    const versions = await getTaxii(t, `${base}/objects/${String(v1.id)}/versions/`, admin.auth);
    expect(versions.statusCode).toBe(200);
    expect(versions.json().more).toBe(false);
    expect([...(versions.json().versions as string[])].sort()).toEqual([
      '2026-01-01T00:00:00.000Z',
      '2026-02-01T00:00:00.000Z',
      '2026-03-01T00:00:00.000Z',
    ]);
    expect(versions.headers['x-taxii-date-added-last']).toBe(addedLater);

    const manifest = await getTaxii(t, `${base}/manifest/?match[type]=indicator`, admin.auth);
    expect(manifest.json()).toEqual({
      more: false,
      objects: [
        {
          id: v1.id,
          date_added: addedLater,
          version: '2026-03-01T00:00:00.000Z',
          media_type: 'application/stix+json;version=2.1',
        },
      ],
    });
    const unversioned = await getTaxii(
      t,
      `${base}/manifest/?match[type]=marking-definition`,
      admin.auth,
    );
    const record = unversioned.json().objects[0];
    // An object without modified or created is versioned by when it was added.
    expect(record.version).toBe(record.date_added);
  });

  it('reports each object in a status its owner alone reads, and stores a repeated version once', async () => {
    const id = await createCollection(t, admin.cookie);
    const good = indicator();
    const posted = await postObjects(t, id, admin.auth, [
      good,
      good,
      { ...indicator(), spec_version: '2.0' },
      { ...indicator(), id: 'malware--6b6f1e7e-3c9a-4bfa-9a8e-1a2b3c4d5e6f' },
      { type: 'indicator', spec_version: '2.1' },
      'not an object',
    ]);
    expect(posted.statusCode).toBe(202);
    expect(posted.headers['content-type']).toBe(TAXII_MEDIA_TYPE);
    const status = posted.json();
    expect(status).toMatchObject({
      status: 'complete',
      total_count: 6,
      success_count: 2,
      failure_count: 4,
      pending_count: 0,
      successes: [
        { id: good.id, version: good.modified },
        { id: good.id, version: good.modified },
      ],
    });
    expect(status.failures.map((f: { message: string }) => f.message)).toEqual([
      'spec_version must be 2.1',
      'id must be <type>--<uuid> of the object type',
      'id must be <type>--<uuid> of the object type',
      'not a JSON object',
    ]);

    const again = await postObjects(t, id, admin.auth, [good]);
    expect(again.json()).toMatchObject({ success_count: 1, failure_count: 0 });
    const all = await getTaxii(t, `${COLLECTIONS}${id}/objects/?match[version]=all`, admin.auth);
    expect(objectsOf(all.body)).toEqual([good]);

    const mine = await getTaxii(t, `/taxii2/tandem/status/${String(status.id)}/`, admin.auth);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toEqual(status);
    const other = await taxiiUser(t, { orgId: admin.orgId });
    const theirs = await getTaxii(t, `/taxii2/tandem/status/${String(status.id)}/`, other.auth);
    expect(theirs.statusCode).toBe(404);

    const audited = await t.context.storage.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'taxii.objects_added')
      .where('target_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(audited.map((row) => JSON.parse(String(row.details)))).toEqual([
      expect.objectContaining({ total: 6, added: 1, alreadyStored: 1, failed: 4 }),
      expect.objectContaining({ total: 1, added: 0, alreadyStored: 1, failed: 0 }),
    ]);
  });

  it('refuses a malformed envelope with 400', async () => {
    const id = await createCollection(t, admin.cookie);
    const url = `${COLLECTIONS}${id}/objects/`;
    for (const body of ['{"objects": {}}', 'not json', '[]']) {
      const response = await postTaxii(t, url, admin.auth, body);
      expect(response.statusCode, body).toBe(400);
      expect(response.json()).toMatchObject({ error_code: 'ENVELOPE_MALFORMED' });
    }
  });
});
