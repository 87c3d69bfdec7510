/**
 * The only SQL of the per-peer egress view: the records that may leave for a
 * peer, as candidates in the order this node stored them. The predicate
 * mirrors the policy's `egress` refusals that depend on sharing columns
 * (valid marking, originated here, not RED, not the peer's own, released to
 * it when AMBER); callers still ask `egress` of every row, which decides.
 * It also keeps back any record whose originator is not one of this node's
 * own organisations, whatever its flags say: a node speaks only for the
 * organisations it hosts (and its peers would refuse anything else).
 */
import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../../storage/executor.js';
import { RECORD_ROW_COLUMNS, type RecordRow } from '../records/records.repository.js';

export interface EgressCandidate extends RecordRow {
  stored_at: string;
}

export interface PeerAudience {
  orgIds: readonly string[];
  groupIds: readonly string[];
}

export interface CandidateQuery {
  /** Only rows stored strictly after this time. */
  addedAfter?: string | undefined;
  /** Only rows after this (stored_at, id) position: the previous page's end. */
  after?: { at: string; id: string } | undefined;
  recordIds?: readonly string[] | undefined;
  limit: number;
}

/**
 * Stands in for an empty list (`x in ()` is a syntax error on PostgreSQL):
 * not an id, so it matches nothing. (Not NUL: PostgreSQL refuses it in text.)
 */
const NO_ID = '-';

/**
 * The originator and release checks are written so that neither becomes a join: PostgreSQL
 * turns a top-level `exists`/`in` on organisations into a semi-join that may drive the plan from
 * records_created_by (every record of the node's organisation, read and filtered on every no-op
 * pull, when the tables have no statistics), and may hash all of record_releases for the
 * release check. As `(… in (select …)) is true` the originator check stays a filter on one hash
 * of the local organisations, built once per query; the release check, a correlated count, is
 * one probe of record_releases by (record_id, grantee) for each AMBER row the scan reaches. Both
 * engines then read records in (stored_at, id) order from the position.
 */
function mayLeaveFor(peer: PeerAudience) {
  const orgs = peer.orgIds.length > 0 ? peer.orgIds : [NO_ID];
  const grantees = [...orgs, ...peer.groupIds];
  return sql<SqlBool>`(
    records.marking_valid = 1 and records.received_from_peer = 0
    and records.marking <> 'TLP:RED'
    and records.created_by not in (${sql.join(orgs)})
    and (records.created_by in (select o.id from organisations o where o.local = 1)) is true
    and (records.marking in ('TLP:CLEAR', 'TLP:GREEN')
      or (select count(*) from record_releases rr where rr.record_id = records.id
          and rr.grantee in (${sql.join(grantees)})) > 0)
  )`;
}

export async function listEgressCandidates(
  executor: Executor,
  peer: PeerAudience,
  query: CandidateQuery,
): Promise<EgressCandidate[]> {
  const after = query.after;
  // Read in (stored_at, id) index order and stop at the page's end. The position is a row-value
  // comparison: both engines take it as one range of that index. There is no filter by record
  // type: every record a node originates is of a shareable type, and the caller's mapping leaves
  // out any type without one. A type filter only misled the planners: a bare `type in (...)` drew
  // SQLite to the (type, modified) index (read every record of the types, then sort), and
  // SQLite's remedy, `type || ''`, made PostgreSQL estimate that few rows match, so it read every
  // record after the position and sorted them (30-60 ms per page of a catch-up, not 1.5 ms).
  return executor
    .selectFrom('records')
    .select([...RECORD_ROW_COLUMNS, 'stored_at'])
    .where(mayLeaveFor(peer))
    .$if(query.recordIds !== undefined, (qb) =>
      qb.where('id', 'in', query.recordIds?.length ? [...query.recordIds] : [NO_ID]),
    )
    .$if(query.addedAfter !== undefined, (qb) => qb.where('stored_at', '>', query.addedAfter ?? ''))
    .$if(after !== undefined, (qb) =>
      qb.where((eb) =>
        eb(eb.refTuple('stored_at', 'id'), '>', eb.tuple(after?.at ?? '', after?.id ?? '')),
      ),
    )
    .orderBy('stored_at')
    .orderBy('id')
    .limit(query.limit)
    .execute();
}

/** One record, if it is a candidate for the peer at all (the egress preview of a single record). */
export async function findRecordWithStoredAt(
  executor: Executor,
  id: string,
): Promise<EgressCandidate | undefined> {
  return executor
    .selectFrom('records')
    .select([...RECORD_ROW_COLUMNS, 'stored_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}
