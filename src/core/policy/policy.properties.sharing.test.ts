/**
 * Properties of sharing, checked on thousands of generated records, peers
 * and redactors: TLP:RED and received records are never sent, personal data
 * never leaves without a legal basis, only what the peer may have is sent and
 * never relabelled, widening or reordering the release list takes no one
 * away, whoCanRead lists exactly whom canRead lets in, and no decision
 * changes the record it is given.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { canEdit, canRead, egress, whoCanRead } from './index.js';
import {
  localRecords,
  peers,
  readers,
  records,
  redactors,
  rightKindEntry,
  RUNS,
} from './test-support/arbitraries.js';
import {
  buildReader,
  GROUPS,
  honestRedact,
  ORGS,
  ORIGINATOR,
  USERS,
  type IntelRecord,
} from './test-support/fixtures.js';
import {
  claims,
  hasLegalBasis,
  isAmber,
  isWellMarked,
  listOf,
} from './test-support/specification.js';

describe('sharing policy properties', () => {
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
