/**
 * fast-check generators for the sharing policy's property tests. Records are
 * mostly well marked, with the kind of release list their marking calls for,
 * and sometimes carry garbage or near-miss ids in any sharing field; readers
 * and peers mix kinds of id; redactors range from honest to lying.
 */
import fc from 'fast-check';
import { ROLES, TLP_MARKINGS, type Peer, type Reader, type ShareableRecord } from '../index.js';
import {
  GROUPS,
  honestRedact,
  id,
  JOINT_CELL,
  neverRedact,
  ORGS,
  ORIGINATOR,
  PARTNER,
  USERS,
  type IntelRecord,
} from './fixtures.js';

export const RUNS = { numRuns: 5_000 };

/** Strings that are almost ids, so that validation is tested at its edges. */
export const nearMissId = fc.oneof(
  fc.constantFrom(
    '',
    'identity--',
    PARTNER.toUpperCase(),
    `${PARTNER} `,
    `${PARTNER}\n`,
    PARTNER.slice(0, -1),
    PARTNER.replace('--', '-'),
    id('report', 1),
    id('a--b', 1),
  ),
  fc
    .tuple(
      fc.constantFrom('identity', 'group', 'user', 'Identity', 'x'),
      fc.constantFrom('--', '-', '---'),
      fc.uuid(),
    )
    .map(([type, separator, uuid]) => `${type}${separator}${uuid}`),
  fc.string(),
);
const garbage = fc.oneof(
  fc.constantFrom(undefined, null, true, 0, {}, []),
  fc.integer(),
  nearMissId,
);
const markings = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom<unknown>(...TLP_MARKINGS) },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.constantFrom<unknown>(
        'TLP:WHITE',
        'tlp:amber',
        'TLP:AMBER ',
        'TLP:AMBER,TLP:RED',
        'TLP:AMBER TLP:RED',
        ['TLP:AMBER', 'TLP:RED'],
      ),
      garbage,
    ),
  },
);
const orgOrGroup = fc.constantFrom(...ORGS, ...GROUPS);
/** Mostly the kind of list the marking calls for, sometimes the wrong kind or garbage. */
const releaseListFor = (marking: unknown): fc.Arbitrary<unknown> => {
  const users = fc.array(fc.constantFrom(...USERS), { maxLength: 4 });
  const orgsAndGroups = fc.array(orgOrGroup, { maxLength: 6 });
  const mixed = fc.array(fc.oneof(orgOrGroup, fc.constantFrom(...USERS), garbage), {
    maxLength: 5,
  });
  const [fitting, wrongKind] =
    marking === 'TLP:RED' ? [users, orgsAndGroups] : [orgsAndGroups, users];
  return fc.oneof(
    { weight: 12, arbitrary: fitting },
    { weight: 1, arbitrary: wrongKind },
    { weight: 1, arbitrary: mixed },
    { weight: 1, arbitrary: garbage },
  );
};
export const records: fc.Arbitrary<IntelRecord> = markings.chain((marking) =>
  fc.record({
    id: fc.constant(id('report', 1)),
    title: fc.constant('Threat'),
    created_by: fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom<unknown>(...ORGS) },
      { weight: 1, arbitrary: garbage },
    ),
    created_by_user: fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom<unknown>(undefined, null, ...USERS) },
      { weight: 1, arbitrary: garbage },
    ),
    marking: fc.constant(marking),
    releasable_to: releaseListFor(marking),
    received_from_peer: fc.option(fc.boolean(), { nil: undefined }),
    contains_personal_data: fc.option(fc.boolean(), { nil: undefined }),
    legal_basis: fc.constantFrom<unknown>(undefined, '', '  ', 'MoU 2024 art. 7', 7),
    named_people: fc.constantFrom(undefined, ['A. Engineer']),
  }),
);
export const readers: fc.Arbitrary<Reader> = fc.record({
  userId: fc.constantFrom(...USERS, ORIGINATOR),
  // Group ids and blanks as orgIds probe confusion between kinds of id.
  orgId: fc.constantFrom(...ORGS, JOINT_CELL, ''),
  groupIds: fc.subarray([...GROUPS, PARTNER]),
  roles: fc.subarray([...ROLES]),
  active: fc.oneof(
    { weight: 5, arbitrary: fc.constant(true) },
    { weight: 1, arbitrary: fc.constant(false) },
  ),
});
export const peers: fc.Arbitrary<Peer> = fc.record({
  peerId: fc.constant('peer-1'),
  orgIds: fc.subarray(ORGS),
  groupIds: fc.subarray([...GROUPS, PARTNER]),
});
export const redactors = fc.constantFrom(
  honestRedact,
  neverRedact,
  (r: IntelRecord): IntelRecord => ({
    ...r,
    contains_personal_data: undefined,
    named_people: undefined,
  }),
  (r: IntelRecord): IntelRecord => ({ ...honestRedact(r), marking: 'TLP:CLEAR' }),
  (r: IntelRecord): IntelRecord => ({ ...honestRedact(r), releasable_to: [...ORGS] }),
  (r: IntelRecord): IntelRecord => ({ ...r, legal_basis: 'invented' }),
);

/** Records written on this node, where egress decisions get interesting. */
export const localRecords = records.map((record) => ({ ...record, received_from_peer: false }));

/** An entry of the kind the record's marking names, to add to its release list. */
export const rightKindEntry = (record: ShareableRecord) =>
  record.marking === 'TLP:RED' ? fc.constantFrom(...USERS) : orgOrGroup;
