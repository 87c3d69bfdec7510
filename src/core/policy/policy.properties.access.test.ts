/**
 * Properties of reading and editing, checked on thousands of generated
 * records, readers and peers: canRead agrees with the plain specification,
 * no one edits what they cannot read, only active editors of the originator
 * edit, a badly marked record is flagged and stays with its originator, a
 * TLP:AMBER record reaches only its originator and listed organisations or
 * groups, and ids are judged exactly as core/ids.ts judges them.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { isId } from '../ids.js';
import { canEdit, canRead, egress, markingProblem, validateMarking } from './index.js';
import { nearMissId, peers, readers, records, RUNS } from './test-support/arbitraries.js';
import { buildRecord, honestRedact } from './test-support/fixtures.js';
import { isAmber, isWellMarked, listOf, specReads } from './test-support/specification.js';

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
});
