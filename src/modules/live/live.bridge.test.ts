/**
 * The live bus across processes on PostgreSQL: two buses on one database
 * (as two Tandem processes would be) see each other's events exactly once,
 * their own exactly once, nothing from another schema and nothing malformed;
 * the listening connection is held only while someone subscribes. The app
 * context picks the bridged bus on PostgreSQL and the in-process one on SQLite.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { createAppContext } from '../../app/context.js';
import { liveChannelName, postgresLiveChannel } from '../../storage/dialects/postgres-live.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/storage.js';
import { recordRan } from '../../../test/support/ran.js';
import { createBridgedLiveBus, type BridgedLiveBus } from './live.bridge.js';
import type { LiveEvent } from './live.bus.js';

const postgresUrl = process.env.TANDEM_TEST_POSTGRES_URL;
const quiet = { warn: () => undefined };

function busOn(database: TestDatabase): BridgedLiveBus {
  const channel = postgresLiveChannel({
    url: database.url,
    db: database.storage.db,
    schema: database.schema,
  });
  return createBridgedLiveBus(channel, { log: quiet, retryMs: 50 });
}

function collect(bus: BridgedLiveBus) {
  const seen: LiveEvent[] = [];
  const stop = bus.subscribe((event) => seen.push(event));
  return { seen, stop };
}

const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

describe.runIf(postgresUrl)('live bus bridged through PostgreSQL LISTEN/NOTIFY', () => {
  let database: TestDatabase;
  let elsewhere: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    elsewhere = await createTestDatabase('postgres');
    recordRan('storage: postgres');
  });
  afterAll(async () => {
    await database.dispose();
    await elsewhere.dispose();
  });

  it('delivers an event to the other process once and to its own listeners once', async () => {
    const a = busOn(database);
    const b = busOn(database);
    const onA = collect(a);
    const onB = collect(b);
    await Promise.all([a.listening(), b.listening()]);
    a.publish({ channel: 'alert', id: 'alert--1', change: 'raised' });
    b.publish({ channel: 'movement', id: 'movement--1', change: 'checked-in' });
    await expect.poll(() => onB.seen.length).toBe(2);
    await expect.poll(() => onA.seen.length).toBe(2);
    await settle();
    expect(onA.seen).toEqual([
      { channel: 'alert', id: 'alert--1', change: 'raised' },
      { channel: 'movement', id: 'movement--1', change: 'checked-in' },
    ]);
    expect(onB.seen).toHaveLength(2);
    expect(onB.seen).toContainEqual({ channel: 'alert', id: 'alert--1', change: 'raised' });
    onA.stop();
    onB.stop();
  });

  it('hears nothing from a process working in another schema', async () => {
    const here = busOn(database);
    const there = busOn(elsewhere);
    const heard = collect(here);
    await here.listening();
    there.publish({ channel: 'alarm', id: 'alarm--1', change: 'raised' });
    await settle();
    expect(heard.seen).toEqual([]);
    heard.stop();
  });

  it('ignores notifications that are not live events', async () => {
    const bus = busOn(database);
    const heard = collect(bus);
    await bus.listening();
    const channel = liveChannelName('tandem_live', database.schema);
    for (const payload of ['not json', '{"p":"x","c":"secret","i":"a","x":"b"}', '{"p":"x"}'])
      await sql`select pg_notify(${channel}, ${payload})`.execute(database.storage.db);
    await sql`select pg_notify(${channel}, ${'{"p":"x","c":"alarm","i":"alarm--9","x":"raised"}'})`.execute(
      database.storage.db,
    );
    await expect.poll(() => heard.seen.length).toBe(1);
    expect(heard.seen[0]).toEqual({ channel: 'alarm', id: 'alarm--9', change: 'raised' });
    heard.stop();
  });

  it('holds its listening connection only while someone subscribes', async () => {
    const bus = busOn(database);
    expect(bus.isListening()).toBe(false);
    bus.publish({ channel: 'alert', id: 'alert--2', change: 'raised' });
    const first = collect(bus);
    const second = collect(bus);
    await bus.listening();
    expect(bus.isListening()).toBe(true);
    first.stop();
    first.stop();
    expect(bus.isListening()).toBe(true);
    second.stop();
    expect(bus.isListening()).toBe(false);
  });

  it('is what the app context uses on PostgreSQL, so two nodes share events', async () => {
    const config = loadConfig({ TANDEM_DATABASE_URL: database.url, TANDEM_ENV: 'test' });
    const one = createAppContext(config, { storage: database.storage });
    const two = createAppContext(config, { storage: database.storage });
    const heard: LiveEvent[] = [];
    const stop = two.live.subscribe((event) => heard.push(event));
    await (two.live as BridgedLiveBus).listening();
    one.live.publish({ channel: 'alert', id: 'alert--3', change: 'raised' });
    await expect
      .poll(() => heard)
      .toEqual([{ channel: 'alert', id: 'alert--3', change: 'raised' }]);
    stop();
  });
});

describe('live bus on SQLite', () => {
  it('is the in-process bus: one process, nothing to bridge', async () => {
    const database = await createTestDatabase('sqlite');
    try {
      const config = loadConfig({ TANDEM_DATABASE_URL: database.url, TANDEM_ENV: 'test' });
      const context = createAppContext(config, { storage: database.storage });
      const heard: LiveEvent[] = [];
      const stop = context.live.subscribe((event) => heard.push(event));
      context.live.publish({ channel: 'alarm', id: 'alarm--1', change: 'raised' });
      expect(heard).toHaveLength(1);
      expect('listening' in context.live).toBe(false);
      stop();
    } finally {
      await database.dispose();
    }
  });
});
