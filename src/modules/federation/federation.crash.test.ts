/**
 * A large sync survives crashes on both sides: node A holds 33,334 released
 * incidents, which its collection serves as 100,002 STIX objects (each
 * incident with its location and located-at link); node B, pulling them, is SIGKILLed mid-sync and restarted, then
 * A is SIGKILLed mid-sync and restarted on another port (B's administrator
 * points the peer at it). B ends with exactly A's records: none missing,
 * none stored twice, every one held as received. Both nodes are real
 * `serve` processes run from source, as in scheduler.crash.test.ts.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { createAppContext, type AppContext } from '../../app/context.js';
import { systemClock } from '../../core/clock.js';
import type { Reader } from '../../core/policy/index.js';
import { createOrganisation } from '../identity/admin.service.js';
import { ingestIncidents } from '../incidents/ingest.service.js';
import { buildIncidentInput } from '../../../test/support/factories.js';
import { killServe, startServe, type ServeProcess } from '../../../test/support/serve-processes.js';
import {
  createTestDatabase,
  describeEachEngine,
  type TestDatabase,
} from '../../../test/support/storage.js';
import { addPeer, changePeer } from './peers.service.js';

const RECORDS = 33_334;
const SERVE_ENV = {
  TANDEM_FEDERATION_PULL_MS: '200',
  // Three STIX objects per incident (incident, location, located-at): 3,000 records a page.
  TANDEM_FEDERATION_PAGE_SIZE: '9000',
};
/** Kill B once it holds this many, and A once B holds that many: both well inside the sync. */
const KILL_B_AT = 7_000;
const KILL_A_AT = 19_000;
/**
 * How long the whole sync may take: generous, because signing on A and storing each
 * record through its module on B make it slow on a busy 2-core machine. A stalled sync
 * (a lost page) still fails, naming how many arrived.
 */
const SYNC_DEADLINE_MS = 15 * 60_000;

interface Node {
  database: TestDatabase;
  context: AppContext;
  orgId: string;
  process?: ServeProcess;
}

async function prepareNode(database: TestDatabase, name: string): Promise<Node> {
  const context = createAppContext(
    loadConfig({ TANDEM_DATABASE_URL: database.url, TANDEM_NODE_NAME: name }),
    { storage: database.storage, clock: systemClock },
  );
  const org = await createOrganisation(
    context.identity,
    { name: `${name} police`, country: 'PK', kind: 'police' },
    undefined,
  );
  if (!org.ok) throw new Error(org.error);
  await context.nodeIdentity(); // made here, so both processes of a node sign with the same key
  return { database, context, orgId: org.value.id };
}

async function fillWithIncidents(node: Node): Promise<void> {
  const actor: Reader = {
    userId: 'cli',
    orgId: node.orgId,
    groupIds: [],
    roles: ['analyst'],
    active: true,
  };
  const inputs = Array.from({ length: RECORDS }, (_, i) =>
    buildIncidentInput({ narrative: `Incident ${i} near Besham.` }),
  );
  const deps = {
    db: node.database.storage.db,
    clock: systemClock,
    audit: node.context.audit,
    capabilities: node.database.storage.capabilities,
  };
  const outcome = await ingestIncidents(deps, inputs, actor, { source: 'crash test' });
  if (!outcome.ok) throw new Error(outcome.error);
}

/** `self` registers `other` as its peer at `other`'s current address. */
async function registerPeer(self: Node, other: Node): Promise<void> {
  const { identity } = await other.context.nodeIdentity();
  const added = await addPeer(
    self.context.identity,
    {
      nodeId: identity.id,
      name: identity.name,
      baseUrl: other.process?.url ?? '',
      publicKey: identity.public_key,
      orgIds: [other.orgId],
    },
    undefined,
  );
  if (!added.ok) throw new Error(added.error);
}

/** `self`'s administrator points the peer at `other`'s new address. */
async function movePeer(self: Node, other: Node): Promise<void> {
  const { identity } = await other.context.nodeIdentity();
  const changed = await changePeer(
    self.context.identity,
    identity.id,
    { baseUrl: other.process?.url ?? '' },
    undefined,
  );
  if (!changed.ok) throw new Error(changed.error);
}

async function receivedOn(node: Node): Promise<number> {
  const row = await node.database.storage.db
    .selectFrom('records')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('received_from_peer', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Waits until `node` holds at least `count` received records; giving up names how many it held. */
async function waitUntilHolding(node: Node, count: number, giveUp: number): Promise<number> {
  for (;;) {
    const held = await receivedOn(node);
    if (held >= count) return held;
    if (Date.now() > giveUp) throw new Error(`waited for ${count} records, ${held} arrived`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function countRows(node: Node, table: string): Promise<number> {
  const db = node.database.storage.db;
  return Number(
    (await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db))
      .rows[0]?.n,
  );
}

/** Every incident a `federation.received` entry names, as often as it is named. */
async function storedIncidentsAudited(node: Node): Promise<string[]> {
  const rows = await node.database.storage.db
    .selectFrom('audit_log')
    .select('details')
    .where('action', '=', 'federation.received')
    .execute();
  return rows.flatMap((row) => {
    const details = JSON.parse(row.details) as { objects?: [string, string][] };
    return (details.objects ?? []).map(([id]) => id).filter((id) => id.startsWith('incident--'));
  });
}

async function incidentIds(node: Node): Promise<string[]> {
  const rows = await node.database.storage.db
    .selectFrom('records')
    .select('id')
    .where('type', '=', 'incident')
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

describeEachEngine('a 100,000-object sync with both nodes killed midway', (database) => {
  let a: Node;
  let b: Node;
  let databaseB: TestDatabase | undefined;

  beforeAll(async () => {
    databaseB = await createTestDatabase(database().engine);
    a = await prepareNode(database(), 'Islamabad');
    b = await prepareNode(databaseB, 'Beijing');
    const started = Date.now();
    await fillWithIncidents(a);
    console.log(
      `[${database().engine}] A filled with ${RECORDS} incidents in ${Date.now() - started} ms`,
    );
  }, 120_000);

  afterAll(async () => {
    for (const node of [a, b]) {
      const child = node?.process?.child;
      if (child && child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await node.process?.exited;
      }
    }
    await databaseB?.dispose();
  });

  it(
    'ends with every record of A on B exactly once, after B and then A were killed mid-sync',
    { timeout: SYNC_DEADLINE_MS + 60_000 },
    async () => {
      const started = Date.now();
      a.process = await startServe(a.database, SERVE_ENV);
      b.process = await startServe(b.database, SERVE_ENV);
      await registerPeer(a, b);
      await registerPeer(b, a);

      const deadline = started + SYNC_DEADLINE_MS;
      await waitUntilHolding(b, KILL_B_AT, deadline);
      expect(await killServe(b.process)).toBe('SIGKILL');
      const heldWhenBDied = await receivedOn(b);
      expect(heldWhenBDied).toBeLessThan(RECORDS); // killed mid-sync
      // Whole pages or nothing: the records B holds all have their incident and search rows.
      expect(await countRows(b, 'incidents')).toBe(heldWhenBDied);
      expect(await countRows(b, 'record_search')).toBe(heldWhenBDied);
      const bKilledAt = Date.now();
      b.process = await startServe(b.database, SERVE_ENV);
      await movePeer(a, b);

      await waitUntilHolding(b, KILL_A_AT, deadline);
      expect(await killServe(a.process)).toBe('SIGKILL');
      const heldWhenADied = await receivedOn(b);
      expect(heldWhenADied).toBeLessThan(RECORDS); // killed mid-sync
      const aKilledAt = Date.now();
      a.process = await startServe(a.database, SERVE_ENV);
      await movePeer(b, a);

      await waitUntilHolding(b, RECORDS, deadline);
      const synced = Date.now();
      // A few more pull intervals: nothing further may arrive.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      console.log(
        `[${database().engine}] B killed at ${heldWhenBDied} held (${bKilledAt - started} ms), ` +
          `A killed at ${heldWhenADied} held (${aKilledAt - started} ms), ` +
          `all ${RECORDS} on B after ${synced - started} ms`,
      );

      const idsOfA = await incidentIds(a);
      expect(idsOfA).toHaveLength(RECORDS);
      const idsOfB = await incidentIds(b);
      expect(idsOfB).toHaveLength(RECORDS); // records.id is the key: as many rows as distinct ids
      expect(idsOfB).toEqual(idsOfA);
      expect(await countRows(b, 'records')).toBe(RECORDS); // B has no record of its own
      expect(await receivedOn(b)).toBe(RECORDS);
      expect(await countRows(b, 'incidents')).toBe(RECORDS);
      expect(await countRows(b, 'record_search')).toBe(RECORDS);
      // A version stored over an equal one would have kept the first as a replaced version.
      expect(await countRows(b, 'record_versions')).toBe(0);
      // And B's audit names each incident stored exactly once, across all three processes.
      const stored = await storedIncidentsAudited(b);
      expect(stored).toHaveLength(RECORDS);
      expect(new Set(stored).size).toBe(RECORDS);
    },
  );
});
