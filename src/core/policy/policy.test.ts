import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isId } from '../ids.js';
import {
  canEdit,
  canRead,
  egress,
  markingProblem,
  ROLES,
  TLP_MARKINGS,
  validateMarking,
  whoCanRead,
  type Peer,
  type Reader,
  type ShareableRecord,
} from './index.js';

// ---------------------------------------------------------------- factories

const id = (type: string, n: number): string =>
  `${type}--00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const ORIGINATOR = id('identity', 1);
const PARTNER = id('identity', 2);
const OUTSIDER = id('identity', 3);
const ORGS = [ORIGINATOR, PARTNER, OUTSIDER, id('identity', 4), id('identity', 5)];
const JOINT_CELL = id('group', 1);
const GROUPS = [JOINT_CELL, id('group', 2), id('group', 3)];
const AUTHOR = id('user', 1);
const NAMED = id('user', 2);
const UNNAMED = id('user', 3);
const USERS = [AUTHOR, NAMED, UNNAMED, id('user', 4), id('user', 5), id('user', 6)];

interface IntelRecord extends ShareableRecord {
  title: string;
  named_people?: readonly string[] | undefined;
}

const buildRecord = (overrides: Partial<IntelRecord> = {}): IntelRecord => ({
  id: id('report', 1),
  title: 'Convoy threat on the Karakoram Highway',
  created_by: ORIGINATOR,
  created_by_user: AUTHOR,
  marking: 'TLP:AMBER',
  releasable_to: [],
  received_from_peer: false,
  contains_personal_data: false,
  ...overrides,
});

const buildReader = (overrides: Partial<Reader> = {}): Reader => ({
  userId: UNNAMED,
  orgId: ORIGINATOR,
  groupIds: [],
  roles: ['analyst'],
  active: true,
  ...overrides,
});

const buildPeer = (overrides: Partial<Peer> = {}): Peer => ({
  peerId: 'peer-partner',
  orgIds: [PARTNER],
  groupIds: [],
  ...overrides,
});

const honestRedact = (record: IntelRecord): IntelRecord => ({
  ...record,
  named_people: undefined,
  contains_personal_data: false,
});
const neverRedact = (record: IntelRecord): IntelRecord => record;

// ------------------------------------------------------- example: reading

describe('canRead', () => {
  it('lets every active reader read a TLP:CLEAR record', () => {
    const reader = buildReader({ orgId: OUTSIDER, roles: [] });
    expect(canRead(reader, buildRecord({ marking: 'TLP:CLEAR' }))).toBe(true);
  });

  it('lets a reader of another organisation read a TLP:GREEN record', () => {
    expect(canRead(buildReader({ orgId: OUTSIDER }), buildRecord({ marking: 'TLP:GREEN' }))).toBe(
      true,
    );
  });

  it('refuses even a TLP:CLEAR record to an inactive reader', () => {
    const reader = buildReader({ active: false });
    expect(canRead(reader, buildRecord({ marking: 'TLP:CLEAR' }))).toBe(false);
    expect(canRead({ ...reader, userId: AUTHOR }, buildRecord({ marking: 'TLP:RED' }))).toBe(false);
  });

  it('lets the originating organisation read its TLP:AMBER record released to no one', () => {
    expect(canRead(buildReader(), buildRecord())).toBe(true);
  });

  it('lets a listed organisation read a TLP:AMBER record', () => {
    const record = buildRecord({ releasable_to: [PARTNER] });
    expect(canRead(buildReader({ orgId: PARTNER }), record)).toBe(true);
  });

  it('lets a reader whose organisation is in a listed group read a TLP:AMBER+STRICT record', () => {
    const record = buildRecord({ marking: 'TLP:AMBER+STRICT', releasable_to: [JOINT_CELL] });
    expect(canRead(buildReader({ orgId: OUTSIDER, groupIds: [JOINT_CELL] }), record)).toBe(true);
  });

  it('refuses a TLP:AMBER record to an organisation that is not listed', () => {
    const record = buildRecord({ releasable_to: [PARTNER, JOINT_CELL] });
    expect(canRead(buildReader({ orgId: OUTSIDER }), record)).toBe(false);
  });

  it('does not take a listed group id passed as an orgId for the group', () => {
    const record = buildRecord({ releasable_to: [JOINT_CELL] });
    expect(canRead(buildReader({ orgId: JOINT_CELL }), record)).toBe(false);
  });

  it('refuses a TLP:RED record to an unnamed user of the originating organisation', () => {
    const record = buildRecord({ marking: 'TLP:RED', releasable_to: [NAMED] });
    expect(canRead(buildReader({ userId: UNNAMED }), record)).toBe(false);
  });

  it('lets a named user of another organisation read a TLP:RED record', () => {
    const record = buildRecord({ marking: 'TLP:RED', releasable_to: [NAMED] });
    expect(canRead(buildReader({ userId: NAMED, orgId: PARTNER }), record)).toBe(true);
  });

  it('lets the author read a TLP:RED record that names no one else', () => {
    const record = buildRecord({ marking: 'TLP:RED', releasable_to: [] });
    expect(canRead(buildReader({ userId: AUTHOR }), record)).toBe(true);
  });

  it('accepts duplicate release-list entries', () => {
    const record = buildRecord({ releasable_to: [PARTNER, PARTNER] });
    expect(canRead(buildReader({ orgId: PARTNER }), record)).toBe(true);
  });

  const broken: [string, Partial<IntelRecord>, string][] = [
    ['the marking is missing', { marking: undefined }, 'marking_missing'],
    ['the marking is null', { marking: null }, 'marking_missing'],
    ['the marking is TLP 1.0 WHITE', { marking: 'TLP:WHITE' }, 'marking_unknown'],
    ['the marking is lower case', { marking: 'tlp:amber' }, 'marking_unknown'],
    ['the marking carries two labels', { marking: 'TLP:AMBER,TLP:RED' }, 'marking_unknown'],
    ['the marking is a list', { marking: ['TLP:GREEN'] }, 'marking_unknown'],
    ['the marking is a number', { marking: 2 }, 'marking_unknown'],
    ['the release list is a string', { releasable_to: PARTNER }, 'releasable_to_not_array'],
    ['the release list is missing', { releasable_to: undefined }, 'releasable_to_not_array'],
    ['an entry is not an id', { releasable_to: ['ACME'] }, 'releasable_to_entry_malformed'],
    [
      'an entry is upper case',
      { releasable_to: [PARTNER.toUpperCase()] },
      'releasable_to_entry_malformed',
    ],
    ['an AMBER record names a user', { releasable_to: [NAMED] }, 'releasable_to_entry_wrong_kind'],
    [
      'a RED record names an organisation',
      { marking: 'TLP:RED', releasable_to: [PARTNER] },
      'releasable_to_entry_wrong_kind',
    ],
    [
      'a GREEN record names a user',
      { marking: 'TLP:GREEN', releasable_to: [NAMED] },
      'releasable_to_entry_wrong_kind',
    ],
    ['the author is malformed', { created_by_user: 'alice' }, 'created_by_user_malformed'],
  ];

  it.each(broken)('reads only to the originating organisation when %s', (_, overrides) => {
    const record = buildRecord({ marking: 'TLP:CLEAR', releasable_to: [], ...overrides });
    expect(canRead(buildReader({ orgId: ORIGINATOR, roles: ['viewer'] }), record)).toBe(true);
    expect(canRead(buildReader({ orgId: PARTNER, groupIds: GROUPS, userId: NAMED }), record)).toBe(
      false,
    );
  });

  it('reads a record with a malformed originator to no one', () => {
    const record = buildRecord({ marking: 'TLP:CLEAR', created_by: 'ACME' });
    expect(canRead(buildReader({ orgId: 'ACME' }), record)).toBe(false);
  });

  describe('validateMarking', () => {
    it('returns the checked sharing fields of a consistent record', () => {
      const record = buildRecord({ releasable_to: [PARTNER, JOINT_CELL] });
      expect(validateMarking(record)).toEqual({
        ok: true,
        value: {
          marking: 'TLP:AMBER',
          createdBy: ORIGINATOR,
          createdByUser: AUTHOR,
          releasableTo: [PARTNER, JOINT_CELL],
        },
      });
    });

    it.each(broken)('names the problem when %s', (_, overrides, problem) => {
      const record = buildRecord({ marking: 'TLP:CLEAR', releasable_to: [], ...overrides });
      expect(validateMarking(record)).toEqual({ ok: false, error: problem });
    });

    it('names a malformed originator', () => {
      expect(markingProblem(buildRecord({ created_by: PARTNER.slice(1) }))).toBe(
        'created_by_malformed',
      );
    });
  });
});

// ------------------------------------------------------- example: editing

describe('canEdit', () => {
  it.each(['analyst', 'duty_officer', 'org_admin'] as const)(
    'lets a %s of the originating organisation edit its record',
    (role) => expect(canEdit(buildReader({ roles: [role] }), buildRecord())).toBe(true),
  );

  it.each(['viewer', 'field', 'liaison', 'node_admin'] as const)(
    'refuses a %s of the originating organisation',
    (role) => expect(canEdit(buildReader({ roles: [role] }), buildRecord())).toBe(false),
  );

  it('lets a node_admin edit only when also holding an editing role in the originator', () => {
    const record = buildRecord();
    expect(canEdit(buildReader({ roles: ['node_admin', 'analyst'] }), record)).toBe(true);
    const elsewhere = buildReader({ orgId: PARTNER, roles: ['node_admin', 'analyst'] });
    expect(canEdit(elsewhere, buildRecord({ releasable_to: [PARTNER] }))).toBe(false);
  });

  it('refuses an org_admin of a listed organisation: recipients never edit', () => {
    const record = buildRecord({ releasable_to: [PARTNER] });
    expect(canEdit(buildReader({ orgId: PARTNER, roles: ['org_admin'] }), record)).toBe(false);
  });

  it('refuses an inactive analyst of the originating organisation', () => {
    expect(canEdit(buildReader({ active: false }), buildRecord())).toBe(false);
  });

  it("lets the originator's duty officer repair a record with a broken marking", () => {
    const record = buildRecord({ marking: 'TLP:WHITE' });
    expect(canEdit(buildReader({ roles: ['duty_officer'] }), record)).toBe(true);
  });

  it('lets no one edit a record whose originator is malformed', () => {
    expect(canEdit(buildReader({ orgId: 'ACME' }), buildRecord({ created_by: 'ACME' }))).toBe(
      false,
    );
  });

  it('lets the author and named analysts of the originator edit a TLP:RED record, no one else', () => {
    const record = buildRecord({ marking: 'TLP:RED', releasable_to: [NAMED] });
    expect(canEdit(buildReader({ userId: AUTHOR }), record)).toBe(true);
    expect(canEdit(buildReader({ userId: NAMED }), record)).toBe(true);
    expect(canEdit(buildReader({ userId: NAMED, orgId: PARTNER }), record)).toBe(false);
    expect(canEdit(buildReader({ userId: UNNAMED, roles: ['org_admin'] }), record)).toBe(false);
  });
});

// -------------------------------------------------------- example: egress

describe('egress', () => {
  it.each(['TLP:CLEAR', 'TLP:GREEN'])('sends a %s record in full to every peer', (marking) => {
    const record = buildRecord({ marking });
    expect(egress(buildPeer({ orgIds: [OUTSIDER] }), record, honestRedact)).toEqual({
      kind: 'full',
      record,
    });
  });

  const refused: [string, Partial<IntelRecord>, Partial<Peer>, string][] = [
    ['a TLP:RED record', { marking: 'TLP:RED', releasable_to: [NAMED] }, {}, 'tlp_red'],
    ['a record with a broken marking', { marking: 'TLP:WHITE' }, {}, 'invalid_marking'],
    [
      'a received record',
      { marking: 'TLP:GREEN', received_from_peer: true },
      {},
      'received_from_peer',
    ],
    [
      'a received AMBER+STRICT record, even to a listed peer',
      { marking: 'TLP:AMBER+STRICT', releasable_to: [PARTNER], received_from_peer: true },
      {},
      'received_from_peer',
    ],
    [
      'a record back to the peer that originated it',
      { marking: 'TLP:GREEN' },
      { orgIds: [ORIGINATOR] },
      'peer_is_originator',
    ],
    [
      'a TLP:AMBER record to a peer that is not listed',
      { releasable_to: [OUTSIDER] },
      {},
      'not_released_to_peer',
    ],
  ];

  it.each(refused)('refuses %s', (_, recordOverrides, peerOverrides, reason) => {
    const decision = egress(buildPeer(peerOverrides), buildRecord(recordOverrides), honestRedact);
    expect(decision).toEqual({ kind: 'none', reason });
  });

  it('sends a TLP:AMBER record to a peer hosting a listed organisation', () => {
    const record = buildRecord({ releasable_to: [PARTNER] });
    expect(egress(buildPeer(), record, honestRedact).kind).toBe('full');
  });

  it('sends a TLP:AMBER+STRICT record to a peer in a listed group', () => {
    const record = buildRecord({ marking: 'TLP:AMBER+STRICT', releasable_to: [JOINT_CELL] });
    const peer = buildPeer({ orgIds: [OUTSIDER], groupIds: [JOINT_CELL] });
    expect(egress(peer, record, honestRedact).kind).toBe('full');
  });

  it('redacts personal data that has no recorded legal basis', () => {
    const record = buildRecord({
      marking: 'TLP:GREEN',
      contains_personal_data: true,
      named_people: ['A. Engineer'],
    });
    expect(egress(buildPeer(), record, honestRedact)).toEqual({
      kind: 'redacted',
      record: { ...record, named_people: undefined, contains_personal_data: false },
      removed: ['named_people'],
    });
  });

  it('sends personal data in full when a legal basis is recorded', () => {
    const record = buildRecord({ contains_personal_data: true, legal_basis: 'MoU 2024 art. 7' });
    const decision = egress(buildPeer(), { ...record, releasable_to: [PARTNER] }, neverRedact);
    expect(decision.kind).toBe('full');
  });

  it('does not take a blank legal basis for one', () => {
    const record = buildRecord({
      marking: 'TLP:GREEN',
      contains_personal_data: true,
      legal_basis: '  ',
    });
    expect(egress(buildPeer(), record, honestRedact).kind).toBe('redacted');
  });

  it('sends nothing when the redaction still claims personal data', () => {
    const record = buildRecord({ marking: 'TLP:GREEN', contains_personal_data: true });
    expect(egress(buildPeer(), record, neverRedact)).toEqual({
      kind: 'none',
      reason: 'redaction_failed',
    });
  });

  it('sends nothing when the redaction relabels the record', () => {
    const record = buildRecord({ releasable_to: [PARTNER], contains_personal_data: true });
    const relabel = (r: IntelRecord): IntelRecord => ({ ...honestRedact(r), marking: 'TLP:CLEAR' });
    expect(egress(buildPeer(), record, relabel)).toEqual({
      kind: 'none',
      reason: 'redaction_failed',
    });
  });
});

// ------------------------------------------------------ example: audience

describe('whoCanRead', () => {
  const candidates = [
    { orgId: ORIGINATOR, groupIds: [] },
    { orgId: PARTNER, groupIds: [] },
    { orgId: OUTSIDER, groupIds: [JOINT_CELL] },
    { orgId: ORGS[3] ?? '', groupIds: [] },
  ];

  it('lists the originator, listed organisations and members of listed groups for TLP:AMBER', () => {
    const record = buildRecord({ releasable_to: [PARTNER, JOINT_CELL] });
    expect(whoCanRead(record, candidates)).toEqual({
      kind: 'organisations',
      marking: 'TLP:AMBER',
      orgIds: [ORIGINATOR, PARTNER, OUTSIDER],
    });
  });

  it('says everyone for TLP:GREEN', () => {
    expect(whoCanRead(buildRecord({ marking: 'TLP:GREEN' }), candidates).kind).toBe('everyone');
  });

  it('lists the author and the named users for TLP:RED', () => {
    const record = buildRecord({ marking: 'TLP:RED', releasable_to: [NAMED, AUTHOR] });
    expect(whoCanRead(record, candidates)).toEqual({
      kind: 'named_users',
      marking: 'TLP:RED',
      userIds: [AUTHOR, NAMED],
    });
  });

  it('says only the originator, and why, for a broken marking', () => {
    expect(whoCanRead(buildRecord({ marking: 'TLP:WHITE' }), candidates)).toEqual({
      kind: 'originator_only',
      problem: 'marking_unknown',
      orgIds: [ORIGINATOR],
    });
  });
});

// ------------------------------------------------------------- properties

const RUNS = { numRuns: 5_000 };

/** Strings that are almost ids, so that validation is tested at its edges. */
const nearMissId = fc.oneof(
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
const records: fc.Arbitrary<IntelRecord> = markings.chain((marking) =>
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
const readers: fc.Arbitrary<Reader> = fc.record({
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
const peers: fc.Arbitrary<Peer> = fc.record({
  peerId: fc.constant('peer-1'),
  orgIds: fc.subarray(ORGS),
  groupIds: fc.subarray([...GROUPS, PARTNER]),
});
const redactors = fc.constantFrom(
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
const localRecords = records.map((record) => ({ ...record, received_from_peer: false }));

/** The specification, written plainly from the design's table, as the oracle. */
function isWellMarked(record: ShareableRecord): boolean {
  const { marking, created_by, created_by_user, releasable_to } = record;
  if (typeof marking !== 'string' || !(TLP_MARKINGS as readonly string[]).includes(marking))
    return false;
  if (!isId(created_by, 'identity')) return false;
  if (created_by_user !== undefined && created_by_user !== null && !isId(created_by_user, 'user'))
    return false;
  if (!Array.isArray(releasable_to)) return false;
  const entries: readonly unknown[] = releasable_to;
  return marking === 'TLP:RED'
    ? entries.every((entry) => isId(entry, 'user'))
    : entries.every((entry) => isId(entry, 'identity') || isId(entry, 'group'));
}
const listOf = (record: ShareableRecord): string[] =>
  Array.isArray(record.releasable_to)
    ? record.releasable_to.filter((e) => typeof e === 'string')
    : [];
const isAmber = (record: ShareableRecord): boolean =>
  record.marking === 'TLP:AMBER' || record.marking === 'TLP:AMBER+STRICT';
const claims = (flag: unknown): boolean => flag !== undefined && flag !== false;
const hasLegalBasis = (record: ShareableRecord): boolean =>
  typeof record.legal_basis === 'string' && record.legal_basis.trim() !== '';

function specReads(reader: Reader, record: ShareableRecord): boolean {
  if (!reader.active) return false;
  if (!isWellMarked(record)) {
    return isId(record.created_by, 'identity') && reader.orgId === record.created_by;
  }
  const list = listOf(record);
  if (record.marking === 'TLP:RED')
    return reader.userId === record.created_by_user || list.includes(reader.userId);
  if (!isAmber(record)) return true;
  const orgListed = list.some((entry) => isId(entry, 'identity') && entry === reader.orgId);
  const groupListed = list.some((entry) => isId(entry, 'group') && reader.groupIds.includes(entry));
  return reader.orgId === record.created_by || orgListed || groupListed;
}

/** An entry of the kind the record's marking names, to add to its release list. */
const rightKindEntry = (record: ShareableRecord) =>
  record.marking === 'TLP:RED' ? fc.constantFrom(...USERS) : orgOrGroup;

describe('sharing policy properties', () => {
  it('reads exactly as the specification says', () => {
    fc.assert(
      fc.property(
        readers,
        records,
        (reader, record) => canRead(reader, record) === specReads(reader, record),
      ),
      RUNS,
    );
  });

  it('never lets someone edit what they cannot read', () => {
    fc.assert(
      fc.property(
        readers,
        records,
        (reader, record) => !canEdit(reader, record) || canRead(reader, record),
      ),
      RUNS,
    );
  });

  it('lets only active editors of the originating organisation edit', () => {
    fc.assert(
      fc.property(readers, records, (reader, record) => {
        if (!canEdit(reader, record)) return true;
        const editor = reader.roles.some((role) =>
          ['analyst', 'duty_officer', 'org_admin'].includes(role),
        );
        return (
          reader.active &&
          editor &&
          reader.orgId === record.created_by &&
          isId(reader.orgId, 'identity')
        );
      }),
      RUNS,
    );
  });

  it('gives an inactive reader nothing', () => {
    fc.assert(
      fc.property(readers, records, (reader, record) => {
        const inactive = { ...reader, active: false };
        return !canRead(inactive, record) && !canEdit(inactive, record);
      }),
      RUNS,
    );
  });

  it('flags exactly the records the specification calls badly marked', () => {
    fc.assert(
      fc.property(records, (record) => {
        const valid = validateMarking(record).ok;
        return valid === isWellMarked(record) && valid === (markingProblem(record) === undefined);
      }),
      RUNS,
    );
  });

  it('shows a badly marked record only to its originating organisation and never sends it', () => {
    fc.assert(
      fc.property(
        readers,
        peers,
        records.filter((r) => !isWellMarked(r)),
        (reader, peer, record) => {
          const expected =
            reader.active &&
            isId(record.created_by, 'identity') &&
            reader.orgId === record.created_by;
          const decision = egress(peer, record, honestRedact);
          return (
            canRead(reader, record) === expected &&
            decision.kind === 'none' &&
            decision.reason === 'invalid_marking'
          );
        },
      ),
      RUNS,
    );
  });

  it('never sends a TLP:RED record and shows it only to named users and the author', () => {
    const red = records.filter((r) => r.marking === 'TLP:RED' && isWellMarked(r));
    fc.assert(
      fc.property(readers, peers, red, (reader, peer, record) => {
        const named =
          reader.userId === record.created_by_user || listOf(record).includes(reader.userId);
        return (
          egress(peer, record, honestRedact).kind === 'none' && (!canRead(reader, record) || named)
        );
      }),
      RUNS,
    );
  });

  it('shows a TLP:AMBER record only to the originator and listed organisations or groups', () => {
    const amber = records.filter((r) => isAmber(r) && isWellMarked(r));
    fc.assert(
      fc.property(readers, amber, (reader, record) => {
        const list = listOf(record);
        const listed = list.includes(reader.orgId) || reader.groupIds.some((g) => list.includes(g));
        return !canRead(reader, record) || reader.orgId === record.created_by || listed;
      }),
      RUNS,
    );
  });

  it('never removes a reader or a peer when an entry is added to the release list', () => {
    const withAddition = records.chain((record) =>
      fc.tuple(fc.constant(record), rightKindEntry(record), fc.nat()),
    );
    fc.assert(
      fc.property(readers, peers, withAddition, (reader, peer, [record, entry, at]) => {
        const list = listOf(record);
        if (!Array.isArray(record.releasable_to) || list.length !== record.releasable_to.length)
          return true;
        const widened = {
          ...record,
          releasable_to: [
            ...list.slice(0, at % (list.length + 1)),
            entry,
            ...list.slice(at % (list.length + 1)),
          ],
        };
        const readerKept = !canRead(reader, record) || canRead(reader, widened);
        const peerKept =
          egress(peer, record, honestRedact).kind === 'none' ||
          egress(peer, widened, honestRedact).kind !== 'none';
        return readerKept && peerKept;
      }),
      RUNS,
    );
  });

  it('never sends personal data without a recorded legal basis', () => {
    fc.assert(
      fc.property(peers, localRecords, redactors, (peer, record, redact) => {
        const decision = egress(peer, record, redact);
        if (decision.kind === 'none') return true;
        const sent = decision.record;
        return (
          !claims(sent.contains_personal_data) || (decision.kind === 'full' && hasLegalBasis(sent))
        );
      }),
      RUNS,
    );
  });

  it('never sends a received record on', () => {
    fc.assert(
      fc.property(peers, records, redactors, (peer, record, redact) => {
        return egress(peer, { ...record, received_from_peer: true }, redact).kind === 'none';
      }),
      RUNS,
    );
  });

  it('sends only CLEAR, GREEN or what lists the peer, never back to its originator, never relabelled', () => {
    fc.assert(
      fc.property(peers, localRecords, redactors, (peer, record, redact) => {
        const decision = egress(peer, record, redact);
        if (decision.kind === 'none') return decision.reason !== '';
        const list = listOf(record);
        const open = record.marking === 'TLP:CLEAR' || record.marking === 'TLP:GREEN';
        const listsPeer =
          peer.orgIds.some((o) => list.includes(o)) || peer.groupIds.some((g) => list.includes(g));
        const sent = decision.record;
        const sameLabel =
          sent.marking === record.marking && sent.releasable_to === record.releasable_to;
        return (
          (open || (isAmber(record) && listsPeer)) &&
          !peer.orgIds.includes(String(record.created_by)) &&
          sameLabel
        );
      }),
      RUNS,
    );
  });

  it('decides the same whatever the order or repetition of the release list', () => {
    const reordered = records.chain((record) => {
      const list = Array.isArray(record.releasable_to) ? (record.releasable_to as unknown[]) : [];
      return fc.tuple(
        fc.constant(record),
        fc.shuffledSubarray(list, { minLength: list.length }),
        fc.boolean(),
      );
    });
    fc.assert(
      fc.property(readers, peers, reordered, (reader, peer, [record, shuffled, repeat]) => {
        const other = Array.isArray(record.releasable_to)
          ? { ...record, releasable_to: repeat ? [...shuffled, ...shuffled] : shuffled }
          : record;
        const decide = (r: IntelRecord) => [
          canRead(reader, r),
          canEdit(reader, r),
          egress(peer, r, honestRedact).kind,
        ];
        return JSON.stringify(decide(record)) === JSON.stringify(decide(other));
      }),
      RUNS,
    );
  });

  it('lists in whoCanRead exactly the organisations and users canRead lets in', () => {
    const candidates = fc
      .tuple(...ORGS.map(() => fc.subarray(GROUPS)))
      .map((groupSets) =>
        ORGS.map((orgId, index) => ({ orgId, groupIds: groupSets[index] ?? [] })),
      );
    fc.assert(
      fc.property(
        records,
        candidates,
        fc.nat(),
        fc.constantFrom(...USERS),
        (record, orgs, pick, userId) => {
          const candidate = orgs[pick % orgs.length] ?? { orgId: ORIGINATOR, groupIds: [] };
          const reader = buildReader({
            userId,
            orgId: candidate.orgId,
            groupIds: candidate.groupIds,
          });
          const audience = whoCanRead(record, orgs);
          const listed =
            audience.kind === 'everyone' ||
            (audience.kind === 'named_users'
              ? audience.userIds.includes(userId)
              : audience.orgIds.includes(candidate.orgId));
          return canRead(reader, record) === listed;
        },
      ),
      RUNS,
    );
  });

  it('judges ids exactly as core/ids.ts does, every time it is asked', () => {
    fc.assert(
      fc.property(nearMissId, (value) => {
        const asOriginator = buildRecord({ created_by: value, releasable_to: [] });
        const asEntry = buildRecord({ releasable_to: [value] });
        const expectedEntry = isId(value, 'identity') || isId(value, 'group');
        return [1, 2].every(
          () =>
            (markingProblem(asOriginator) === undefined) === isId(value, 'identity') &&
            (markingProblem(asEntry) === undefined) === expectedEntry,
        );
      }),
      RUNS,
    );
  });

  it('does not change the records it decides on', () => {
    fc.assert(
      fc.property(readers, peers, records, (reader, peer, record) => {
        const before = JSON.stringify(record);
        const frozen = Object.freeze({
          ...record,
          releasable_to: Array.isArray(record.releasable_to)
            ? Object.freeze([...record.releasable_to])
            : record.releasable_to,
        });
        canRead(reader, frozen);
        canEdit(reader, frozen);
        egress(peer, frozen, honestRedact);
        whoCanRead(frozen, []);
        return JSON.stringify(record) === before;
      }),
      RUNS,
    );
  });
});
