/**
 * The read filter in SQL must answer exactly as canRead: same records, for
 * every kind of reader, on both engines. Records and readers are random
 * (seeded), including badly marked records that must fail closed.
 */
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { canRead, readScope, ROLES, TLP_MARKINGS, type Reader } from '../../core/policy/index.js';
import { describeEachEngine } from '../../../test/support/storage.js';
import {
  readableBy,
  storeRecordVersion,
  toShareable,
  type RecordRow,
  type RecordVersionInput,
} from './records.repository.js';

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;
const orgs = Array.from({ length: 5 }, (_, i) => `identity--${uuid(100 + i)}`);
const groups = Array.from({ length: 2 }, (_, i) => `group--${uuid(200 + i)}`);
const users = Array.from({ length: 6 }, (_, i) => `user--${uuid(300 + i)}`);

const grantee = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...orgs, ...groups) },
  { weight: 4, arbitrary: fc.constantFrom(...users) },
  { weight: 1, arbitrary: fc.constantFrom('not-an-id', 'identity--nope', '') },
);
const recordArbitrary = (n: number): fc.Arbitrary<RecordVersionInput> =>
  fc
    .record({
      marking: fc.oneof(
        { weight: 9, arbitrary: fc.constantFrom<string>(...TLP_MARKINGS) },
        { weight: 1, arbitrary: fc.constantFrom('TLP:WHITE', 'tlp:amber', '') },
      ),
      createdBy: fc.oneof(
        { weight: 9, arbitrary: fc.constantFrom(...orgs) },
        { weight: 1, arbitrary: fc.constant('identity--broken') },
      ),
      createdByUser: fc.option(fc.constantFrom(...users), { nil: null }),
      releasableTo: fc.array(grantee, { maxLength: 4 }),
    })
    .map((r) => ({
      id: `incident--${uuid(1000 + n)}`,
      type: 'incident',
      created: '2026-01-01T00:00:00.000Z',
      modified: '2026-01-01T00:00:00.000Z',
      revoked: false,
      receivedFromPeer: false,
      containsPersonalData: false,
      legalBasis: null,
      body: {},
      ...r,
    }));

const readerArbitrary: fc.Arbitrary<Reader> = fc.record({
  userId: fc.constantFrom(...users),
  orgId: fc.constantFrom(...orgs),
  groupIds: fc.subarray(groups),
  roles: fc.subarray([...ROLES], { minLength: 1 }),
  active: fc.boolean(),
});

describeEachEngine('the SQL read filter', (database) => {
  let stored: RecordRow[] = [];

  beforeAll(async () => {
    const inputs = Array.from(
      { length: 400 },
      (_, n) => fc.sample(recordArbitrary(n), { numRuns: 1, seed: 7_000 + n })[0],
    );
    const { db } = database().storage;
    stored = [];
    await db.transaction().execute(async (trx) => {
      for (const input of inputs)
        if (input) stored.push(await storeRecordVersion(trx, input, '2026-01-01T00:00:00.000Z'));
    });
  });

  it('stores records of every marking, well and badly formed', () => {
    expect(new Set(stored.map((r) => r.marking_valid))).toEqual(new Set([0, 1]));
    expect(new Set(stored.filter((r) => r.marking_valid === 1).map((r) => r.marking))).toEqual(
      new Set(TLP_MARKINGS),
    );
  });

  it('returns exactly the records canRead allows, for any reader', async () => {
    const { db } = database().storage;
    await fc.assert(
      fc.asyncProperty(readerArbitrary, async (reader) => {
        const rows = await db
          .selectFrom('records')
          .select('id')
          .where(readableBy(readScope(reader)))
          .execute();
        const fromSql = rows.map((r) => r.id).sort();
        const fromPolicy = stored
          .filter((row) => canRead(reader, toShareable(row)))
          .map((r) => r.id)
          .sort();
        expect(fromSql).toEqual(fromPolicy);
      }),
      { numRuns: 150, seed: 42 },
    );
  });
});
