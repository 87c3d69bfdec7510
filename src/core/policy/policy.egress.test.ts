/**
 * Who a record reaches, by example: egress decides what is sent to a peer
 * (in full, redacted of personal data, or nothing and why), and whoCanRead
 * lists the audience of a record among the known organisations.
 */
import { describe, expect, it } from 'vitest';
import { egress, whoCanRead, type Peer } from './index.js';
import {
  AUTHOR,
  buildPeer,
  buildRecord,
  honestRedact,
  JOINT_CELL,
  NAMED,
  neverRedact,
  ORGS,
  ORIGINATOR,
  OUTSIDER,
  PARTNER,
  type IntelRecord,
} from './test-support/fixtures.js';

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
