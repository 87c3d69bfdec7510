/**
 * The composition root's object graph: storage, clock, audit log and each
 * module's dependencies, built once per process and handed to the server
 * and the CLI alike.
 */
import { systemClock, type Clock } from '../core/clock.js';
import { engineOf, openStorage, type Storage } from '../storage/database.js';
import { createAuditLog, type AuditLog } from '../modules/audit/audit.service.js';
import {
  DEFAULT_IDENTITY_SETTINGS,
  type IdentityDeps,
  type IdentitySettings,
} from '../modules/identity/identity.types.js';
import { readSetting } from '../modules/identity/settings.repository.js';
import { createLiveBus, type LiveBus } from '../modules/live/live.bus.js';
import { createBridgedLiveBus } from '../modules/live/live.bridge.js';
import { postgresLiveChannel } from '../storage/dialects/postgres-live.js';
import { createPullWakeups, type PullWakeups } from '../modules/federation/pull-wakeups.js';
import { ensureNodeIdentity, signingKeyOf } from '../modules/federation/node-identity.js';
import type { NodeIdentityRow } from '../modules/federation/peers.repository.js';
import type { SigningKey } from '../modules/federation/provenance.js';
import type { Config } from './config.js';

export interface AppContext {
  config: Config;
  storage: Storage;
  clock: Clock;
  audit: AuditLog;
  identity: IdentityDeps;
  /**
   * Live events for open browsers (alerts, alarms, movements): in-process on SQLite, and
   * across every process on the database on PostgreSQL (LISTEN/NOTIFY).
   */
  live: LiveBus;
  nodeName(): Promise<string>;
  /** This node's federation identity and signing key, made on first use. */
  nodeIdentity(): Promise<{ identity: NodeIdentityRow; key: SigningKey }>;
  /** Wakes this process's pull of a peer (push notices, the administrators' "pull now"). */
  pullWakeups: PullWakeups;
}

export function createAppContext(
  config: Config,
  overrides: {
    storage?: Storage;
    clock?: Clock;
    identitySettings?: Partial<IdentitySettings>;
  } = {},
): AppContext {
  const storage = overrides.storage ?? openStorage(config.databaseUrl);
  const clock = overrides.clock ?? systemClock;
  const audit = createAuditLog(storage.db, clock);
  const identity: IdentityDeps = {
    db: storage.db,
    clock,
    audit,
    settings: { ...DEFAULT_IDENTITY_SETTINGS, ...overrides.identitySettings },
  };
  const nodeName = async () =>
    config.nodeName ?? (await readSetting(storage.db, 'node_name')) ?? 'Tandem node';
  let nodeIdentity: Promise<{ identity: NodeIdentityRow; key: SigningKey }> | undefined;
  return {
    config,
    storage,
    clock,
    audit,
    identity,
    live: liveBusFor(config, storage),
    nodeName,
    nodeIdentity() {
      nodeIdentity ??= (async () => {
        const identity = await ensureNodeIdentity(storage.db, clock, await nodeName());
        return { identity, key: signingKeyOf(identity) };
      })();
      // A failure (say, the database not migrated yet) must not stick.
      nodeIdentity.catch(() => {
        nodeIdentity = undefined;
      });
      return nodeIdentity;
    },
    pullWakeups: createPullWakeups(),
  };
}

/**
 * Several processes share a PostgreSQL database, so there events must cross
 * between them. The listening connection is opened from the configured URL;
 * a caller that hands in PostgreSQL storage under another configuration (a
 * one-process bench) keeps the in-process bus.
 */
function liveBusFor(config: Config, storage: Storage): LiveBus {
  switch (storage.engine) {
    case 'sqlite':
      return createLiveBus();
    case 'postgres':
      if (engineOf(config.databaseUrl) !== 'postgres') return createLiveBus();
      return createBridgedLiveBus(
        postgresLiveChannel({ url: config.databaseUrl, db: storage.db, schema: storage.schema }),
      );
  }
}
