/**
 * A node's database for browser benchmarks: migrated, one organisation with
 * an analyst who signs in with a password, and `count` synthetic incidents
 * ingested through the real bulk path (validated, indexed, audited).
 */
import { loadConfig } from '../../src/app/config.js';
import { createAppContext } from '../../src/app/context.js';
import { createOrganisation, createUser } from '../../src/modules/identity/admin.service.js';
import { toCurrentUser } from '../../src/modules/identity/identity.presenter.js';
import { findUser } from '../../src/modules/identity/users.repository.js';
import { incidentInputSchema } from '../../src/modules/incidents/incidents.schema.js';
import { ingestIncidents } from '../../src/modules/incidents/ingest.service.js';
import { migrateToLatest } from '../../src/storage/migrator.js';
import { syntheticIncidents } from './synthetic-incidents.js';

export interface SeededUser {
  username: string;
  password: string;
}

const CHUNK = 50_000;

export async function seedNode(databaseUrl: string, count: number): Promise<SeededUser> {
  const context = createAppContext(
    loadConfig({ TANDEM_DATABASE_URL: databaseUrl, TANDEM_LOG_LEVEL: 'silent' }),
  );
  try {
    await migrateToLatest(context.storage);
    const org = await createOrganisation(
      context.identity,
      { name: 'Bench ministry', country: 'PK', kind: 'ministry' },
      undefined,
    );
    if (!org.ok) throw new Error(org.error);
    const credentials = { username: 'bench.analyst', password: 'bench password long enough' };
    const user = await createUser(
      context.identity,
      {
        ...credentials,
        displayName: 'Bench analyst',
        orgId: org.value.id,
        roles: ['analyst'],
      },
      undefined,
    );
    if (!user.ok) throw new Error(user.error);
    const row = await findUser(context.storage.db, user.value.id);
    if (!row) throw new Error('bench user vanished');
    const author = toCurrentUser(row);
    const deps = {
      db: context.storage.db,
      clock: context.clock,
      audit: context.audit,
      capabilities: context.storage.capabilities,
    };
    for (let start = 0; start < count; start += CHUNK) {
      const size = Math.min(CHUNK, count - start);
      const inputs = syntheticIncidents(size, 1_000 + start).map((raw) =>
        incidentInputSchema.parse(raw),
      );
      const outcome = await ingestIncidents(deps, inputs, author, {
        batchSize: 5_000,
        source: 'bench',
      });
      if (!outcome.ok) throw new Error(`ingest refused row ${outcome.index}: ${outcome.error}`);
      process.stderr.write(`\r  loaded ${(start + size).toLocaleString('en')} incidents`);
    }
    process.stderr.write('\n');
    return credentials;
  } finally {
    await context.storage.close();
  }
}
