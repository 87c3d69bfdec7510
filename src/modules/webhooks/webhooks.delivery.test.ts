/**
 * Webhook delivery on both engines, to a real receiver on 127.0.0.1 that
 * checks every signature: an alert reaches the webhook whose owner may read
 * it and never one whose owner may not (or who was deactivated); failures
 * (a redirect, a 500) are retried with back-off and given up after eight
 * attempts; two workers on one database send each delivery once; the scan
 * finds alerts raised while no worker listened.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { buildIncidentInput } from '../../../test/support/factories.js';
import { buildUser } from '../../../test/support/app.js';
import { describeEachEngine } from '../../../test/support/storage.js';
import { createIncident } from '../incidents/incidents.service.js';
import { toCurrentUser } from '../identity/identity.presenter.js';
import { findUser, updateUser } from '../identity/users.repository.js';
import { alertsScene, NEAR_DASU, type AlertsScene } from '../alerts/test-support/scene.js';
import { startWebhookDelivery, type RunningWebhookDelivery } from './webhooks.delivery.js';
import { deliveriesOfAlert } from './webhooks.repository.js';
import { createWebhook } from './webhooks.service.js';
import { verifySignature } from './webhooks.signing.js';

interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  signed: boolean;
}

describeEachEngine('webhook delivery', (database) => {
  let s: AlertsScene;
  let server: Server;
  let base: string;
  const received: Received[] = [];
  const secrets = new Map<string, string>();
  /** Statuses the receiver answers with per path, in order; 200 once they run out. */
  const answers = new Map<string, number[]>();
  const workers: RunningWebhookDelivery[] = [];
  let worker: RunningWebhookDelivery;
  let offset = 0;
  let operatorAdminId: string;
  let operatorHook: string;
  let guardHook: string;

  const start = () => {
    const started = startWebhookDelivery(
      { db: s.db, clock: s.t.clock, live: s.t.context.live },
      { log: { error: (details, message) => console.error(message, details) }, pollMs: 60_000 },
    );
    workers.push(started);
    return started;
  };
  /** An administrator of `orgId` who adds a webhook to `path` on the receiver; their user id. */
  async function webhookFor(orgId: string, path: string) {
    const built = await buildUser(s.t.context, { roles: ['org_admin'], orgId });
    const row = await findUser(s.db, built.userId);
    if (!row) throw new Error('test user vanished');
    const created = await createWebhook(
      s.t.context.identity,
      { url: `${base}${path}` },
      toCurrentUser(row),
      { address: '127.0.0.1', requestId: 'test' },
    );
    if (!created.ok) throw new Error(created.error);
    secrets.set(path, created.value.secret);
    return { userId: built.userId, webhookId: created.value.id };
  }
  /** A new incident near Dasu, and the id of the alert it raised for the Dasu site. */
  async function incidentNearDasu(sharing: object = {}) {
    offset += 0.001;
    const created = await createIncident(
      s.deps,
      buildIncidentInput({
        eventDate: '2026-11-27',
        place: {
          name: 'Near Dasu',
          country: 'PK',
          geoPrecision: 1,
          lat: NEAR_DASU.lat + offset,
          lon: NEAR_DASU.lon,
        },
        ...sharing,
      }),
      s.users.intel.current,
    );
    if (!created.ok) throw new Error(created.error);
    await s.matcher.drain();
    const alert = await s.db
      .selectFrom('alerts')
      .select('id')
      .where('trigger_id', '=', created.value)
      .where('subject_id', '=', s.siteId)
      .executeTakeFirstOrThrow();
    return alert.id;
  }
  const to = (path: string) => received.filter((request) => request.path === path);
  const bodiesTo = (path: string) => to(path).map((request) => JSON.parse(request.body).id);
  const deliveryOf = async (alertId: string, webhookId: string) =>
    (await deliveriesOfAlert(s.db, alertId)).find((row) => row.webhook_id === webhookId);

  beforeAll(async () => {
    s = await alertsScene(database());
    server = createServer((request, response) => {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => (body += chunk));
      request.on('end', () => {
        const path = request.url ?? '';
        const secret = secrets.get(path) ?? '';
        const headers = request.headers;
        received.push({
          path,
          headers,
          body,
          signed: verifySignature(
            secret,
            String(headers['x-tandem-timestamp']),
            body,
            String(headers['x-tandem-signature']),
          ),
        });
        const status = answers.get(path)?.shift() ?? 200;
        response.writeHead(status, status === 302 ? { location: `${base}/elsewhere` } : {});
        response.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const operator = await webhookFor(s.users.operator.orgId, '/operator');
    operatorAdminId = operator.userId;
    operatorHook = operator.webhookId;
    guardHook = (await webhookFor(s.users.guard.orgId, '/guard')).webhookId;
    worker = start();
  });
  afterEach(() => {
    answers.clear();
  });
  afterAll(async () => {
    for (const running of workers) await running.stop();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await s.close();
  });

  it('sends a signed alert to the owner who may read it, and nothing to one who may not', async () => {
    // AMBER, released to the operator only: the guard is addressed but may not read the trigger.
    const alertId = await incidentNearDasu({
      marking: 'TLP:AMBER',
      releasableTo: [s.users.operator.orgId],
    });
    await worker.drain();
    await expect.poll(() => bodiesTo('/operator')).toContain(alertId);
    const request = to('/operator').find((r) => JSON.parse(r.body).id === alertId);
    expect(request?.signed).toBe(true);
    expect(request?.headers).toMatchObject({
      'content-type': 'application/json',
      'x-tandem-event': 'alert',
      'x-tandem-timestamp': String(Math.floor(s.t.clock.now().getTime() / 1000)),
    });
    expect(request?.headers['x-tandem-delivery']).toMatch(/^webhook-delivery--/);
    expect(JSON.parse(request?.body ?? '{}').headline).toEqual(expect.any(String));
    expect(bodiesTo('/guard')).not.toContain(alertId);
    expect(await deliveryOf(alertId, operatorHook)).toMatchObject({ state: 'delivered' });
    expect(await deliveryOf(alertId, guardHook)).toMatchObject({ state: 'withheld' });
  });

  it('retries with back-off, does not follow a redirect, then delivers', async () => {
    answers.set('/operator', [302, 500]);
    const alertId = await incidentNearDasu();
    await worker.drain();
    await worker.drain();
    expect(bodiesTo('/operator').filter((id) => id === alertId)).toHaveLength(1);
    expect(received.some((r) => r.path === '/elsewhere')).toBe(false);
    const operatorRow = () => deliveryOf(alertId, operatorHook);
    expect(await operatorRow()).toMatchObject({ state: 'pending', attempts: 1, last_status: 302 });
    // Not due before a minute has passed.
    s.t.clock.advance(59_000);
    await worker.drain();
    expect(await operatorRow()).toMatchObject({ attempts: 1 });
    s.t.clock.advance(1_000);
    await worker.drain();
    expect(await operatorRow()).toMatchObject({ state: 'pending', attempts: 2, last_status: 500 });
    // The second retry waits two minutes.
    s.t.clock.advance(60_000);
    await worker.drain();
    expect(await operatorRow()).toMatchObject({ attempts: 2 });
    s.t.clock.advance(60_000);
    await worker.drain();
    expect(await operatorRow()).toMatchObject({
      state: 'delivered',
      attempts: 3,
      last_status: 200,
    });
  });

  it('gives up after the eighth failed attempt', async () => {
    answers.set('/operator', [500, 500]);
    const alertId = await incidentNearDasu();
    await worker.drain();
    expect(await deliveryOf(alertId, operatorHook)).toMatchObject({ attempts: 1 });
    // Seven attempts behind it, and due now.
    await s.db
      .updateTable('webhook_deliveries')
      .set({ attempts: 7, next_attempt_at: s.t.clock.now().toISOString() })
      .where('alert_id', '=', alertId)
      .where('webhook_id', '=', operatorHook)
      .execute();
    await worker.drain();
    expect(await deliveryOf(alertId, operatorHook)).toMatchObject({
      state: 'failed',
      attempts: 8,
      last_status: 500,
    });
  });

  it('sends each delivery once when two workers share the database', async () => {
    const second = start();
    const alertIds = [await incidentNearDasu(), await incidentNearDasu(), await incidentNearDasu()];
    await Promise.all([worker.drain(), second.drain(), worker.drain(), second.drain()]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const alertId of alertIds)
      expect(bodiesTo('/operator').filter((id) => id === alertId)).toHaveLength(1);
    await second.stop();
  });

  it('finds alerts raised while no worker was running', async () => {
    await worker.stop();
    const alertId = await incidentNearDasu();
    expect(await deliveriesOfAlert(s.db, alertId)).toEqual([]);
    worker = start();
    await worker.drain();
    expect(bodiesTo('/operator')).toContain(alertId);
  });

  it('sends nothing once the owner is deactivated', async () => {
    await updateUser(s.db, operatorAdminId, { disabled: 1 });
    const alertId = await incidentNearDasu();
    await worker.drain();
    expect(bodiesTo('/operator')).not.toContain(alertId);
    expect(await deliveryOf(alertId, operatorHook)).toMatchObject({ state: 'withheld' });
    // The guard's administrator is still active, and may read this green alert.
    expect(await deliveryOf(alertId, guardHook)).toMatchObject({ state: 'delivered' });
  });
});
