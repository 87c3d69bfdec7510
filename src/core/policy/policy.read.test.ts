/**
 * canRead by example: TLP:CLEAR and GREEN for every active reader, AMBER and
 * AMBER+STRICT for the originator and listed organisations or groups, RED for
 * the author and named users; and a record with a broken marking or release
 * list, read only by its originating organisation, with validateMarking and
 * markingProblem naming what is wrong.
 */
import { describe, expect, it } from 'vitest';
import { canRead, markingProblem, validateMarking } from './index.js';
import {
  AUTHOR,
  buildReader,
  buildRecord,
  GROUPS,
  JOINT_CELL,
  NAMED,
  ORIGINATOR,
  OUTSIDER,
  PARTNER,
  UNNAMED,
  type IntelRecord,
} from './test-support/fixtures.js';

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
