/**
 * The cast of the sharing policy tests: originating, partner and outsider
 * organisations, a joint cell, an author and named and unnamed users, with
 * ids that are valid for core/ids.ts; factories for a record, a reader and a
 * peer that take overrides; and an honest and a lazy redactor.
 */
import type { Peer, Reader, ShareableRecord } from '../index.js';

export const id = (type: string, n: number): string =>
  `${type}--00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const ORIGINATOR = id('identity', 1);
export const PARTNER = id('identity', 2);
export const OUTSIDER = id('identity', 3);
export const ORGS = [ORIGINATOR, PARTNER, OUTSIDER, id('identity', 4), id('identity', 5)];
export const JOINT_CELL = id('group', 1);
export const GROUPS = [JOINT_CELL, id('group', 2), id('group', 3)];
export const AUTHOR = id('user', 1);
export const NAMED = id('user', 2);
export const UNNAMED = id('user', 3);
export const USERS = [AUTHOR, NAMED, UNNAMED, id('user', 4), id('user', 5), id('user', 6)];

export interface IntelRecord extends ShareableRecord {
  title: string;
  named_people?: readonly string[] | undefined;
}

export const buildRecord = (overrides: Partial<IntelRecord> = {}): IntelRecord => ({
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

export const buildReader = (overrides: Partial<Reader> = {}): Reader => ({
  userId: UNNAMED,
  orgId: ORIGINATOR,
  groupIds: [],
  roles: ['analyst'],
  active: true,
  ...overrides,
});

export const buildPeer = (overrides: Partial<Peer> = {}): Peer => ({
  peerId: 'peer-partner',
  orgIds: [PARTNER],
  groupIds: [],
  ...overrides,
});

export const honestRedact = (record: IntelRecord): IntelRecord => ({
  ...record,
  named_people: undefined,
  contains_personal_data: false,
});
export const neverRedact = (record: IntelRecord): IntelRecord => record;
