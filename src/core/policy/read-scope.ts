/**
 * canRead restated as data, for reads that cannot call canRead row by row:
 * counts, map clusters, and pages over a million rows. The records module turns
 * a scope into one SQL predicate over the sharing columns it stores
 * (`marking`, `marking_valid` = markingProblem(record) === undefined,
 * `created_by`, `created_by_user` and the release list); a property test on
 * both engines proves that predicate answers exactly as canRead does.
 */
import type { Reader, TlpMarking } from './types.js';

export interface ReadScope {
  /** An inactive reader reads nothing at all. */
  readsNothing: boolean;
  userId: string;
  orgId: string;
  /** Markings every active reader may read when the record is consistent. */
  openMarkings: readonly TlpMarking[];
  /** Markings read by the originator and the listed organisations or groups. */
  listedMarkings: readonly TlpMarking[];
  /** Release-list entries that grant this reader a listed-marking record. */
  listGrantees: readonly string[];
  /** The marking read only by its author and the named users. */
  namedMarking: TlpMarking;
  /** Release-list entries that grant this reader a TLP:RED record. */
  namedGrantees: readonly string[];
}

export function readScope(reader: Reader): ReadScope {
  return {
    readsNothing: !reader.active,
    userId: reader.userId,
    orgId: reader.orgId,
    openMarkings: ['TLP:CLEAR', 'TLP:GREEN'],
    listedMarkings: ['TLP:AMBER', 'TLP:AMBER+STRICT'],
    listGrantees: [reader.orgId, ...reader.groupIds],
    namedMarking: 'TLP:RED',
    namedGrantees: [reader.userId],
  };
}
