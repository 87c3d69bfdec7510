import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { ManualClock } from '../../core/clock.js';
import { describeEachEngine } from '../../../test/support/storage.js';
import { createAuditLog, verifyAuditChain } from './audit.service.js';
import { countAuditEntries } from './audit.repository.js';

describeEachEngine('audit log', (database) => {
  const actor = {
    userId: 'user--00000000-0000-4000-8000-000000000001',
    orgId: 'identity--00000000-0000-4000-8000-000000000002',
  };

  async function writeEntries(n: number): Promise<void> {
    const audit = createAuditLog(database().storage.db, new ManualClock());
    for (let i = 0; i < n; i += 1) {
      await audit.record({ action: 'auth.login', outcome: 'success', actor, details: { i } });
    }
  }

  it('verifies an untouched chain and counts its entries', async () => {
    await writeEntries(5);
    const outcome = await verifyAuditChain(database().storage.db);
    expect(outcome).toEqual({ ok: true, entries: 5 });
  });

  it('keeps one unbroken chain under concurrent appends', async () => {
    await Promise.all(Array.from({ length: 4 }, () => writeEntries(10)));
    const outcome = await verifyAuditChain(database().storage.db);
    expect(outcome).toEqual({ ok: true, entries: 45 });
  });

  it('names the entry whose details were changed', async () => {
    const { db } = database().storage;
    await sql`update audit_log set details = ${'{"i":999}'} where seq = 3`.execute(db);
    const outcome = await verifyAuditChain(db);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.break.seq).toBe(3);
      expect(outcome.break.problem).toContain('changed');
    }
  });
});

describeEachEngine('audit log tampering by removal', (database) => {
  it('names a removed entry in the middle and a removed last entry', async () => {
    const { db } = database().storage;
    const audit = createAuditLog(db, new ManualClock());
    for (let i = 0; i < 6; i += 1) await audit.record({ action: 'token.used', outcome: 'success' });
    expect(await countAuditEntries(db, 'token.used')).toBe(6);

    await sql`delete from audit_log where seq = 6`.execute(db);
    const tail = await verifyAuditChain(db);
    expect(tail.ok === false && tail.break.seq).toBe(6);

    await sql`delete from audit_log where seq = 2`.execute(db);
    const middle = await verifyAuditChain(db);
    expect(middle.ok === false && middle.break.seq).toBe(2);
  });
});
