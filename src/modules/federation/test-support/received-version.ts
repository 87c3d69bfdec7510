/** Test helper: the version a peer should store for a record row of another node (received, authorless). */
import type { RecordRow, RecordVersionInput } from '../../records/records.repository.js';

export function receivedVersionOf(row: RecordRow): RecordVersionInput {
  return {
    id: row.id,
    type: row.type,
    createdBy: row.created_by,
    createdByUser: null,
    marking: row.marking,
    releasableTo: JSON.parse(row.releasable_to) as string[],
    created: row.created,
    modified: row.modified,
    revoked: row.revoked === 1,
    receivedFromPeer: true,
    containsPersonalData: row.contains_personal_data === 1,
    legalBasis: row.legal_basis,
    body: JSON.parse(row.body) as Record<string, unknown>,
  };
}
