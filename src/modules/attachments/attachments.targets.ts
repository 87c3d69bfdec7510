/**
 * The record types files may be attached to, one entry each. Attaching to
 * another coordination type (programmes) is one more entry: the routes, the
 * read check and the edit check all follow from this list.
 */
import type { CoordinationType } from '../coordination/coordination.schema.js';

export interface AttachableRecordType {
  /** The record type, as in its ids and in `attachments.record_type`. */
  type: CoordinationType;
  /** Where the record lives in the API, e.g. '/api/meetings'. */
  path: string;
  /** For the API description, e.g. 'meeting'. */
  noun: string;
}

export const ATTACHABLE_RECORD_TYPES = [
  { type: 'meeting', path: '/api/meetings', noun: 'meeting' },
] as const satisfies readonly AttachableRecordType[];

export type AttachableType = (typeof ATTACHABLE_RECORD_TYPES)[number]['type'];

/** Whether a stored record type is (still) attachable; anything else is answered as not found. */
export function isAttachableType(type: string): type is AttachableType {
  return ATTACHABLE_RECORD_TYPES.some((attachable) => attachable.type === type);
}
