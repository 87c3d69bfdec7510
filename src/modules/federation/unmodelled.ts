/**
 * Objects Tandem does not model (any other STIX type, from a peer): kept as
 * records of their own STIX type so that the sharing policy governs who
 * reads them like any other record, with the object itself as the body, so
 * that it is passed on and served back as it came. Their sharing fields are
 * read from the object: TLP 2.0 marking refs, the originator, the release
 * list of Tandem's sharing extension; what is missing fails closed.
 */
import { z } from 'zod';
import { fail, ok, type Result } from '../../core/result.js';
import type { RecordVersionInput } from '../records/records.repository.js';
import { markingOf } from './stix/markings.js';
import { TANDEM_EXTENSIONS, type StixObject } from './stix/stix.types.js';

const timestamp = z.iso.datetime({ offset: true });
const releaseList = z.array(z.string().max(200)).max(1000);

export function sharingOfUnmodelled(object: StixObject): Result<RecordVersionInput, string> {
  const created = timestamp.safeParse(object.created);
  const modified = timestamp.safeParse(object.modified ?? object.created);
  if (!created.success || !modified.success)
    return fail('created/modified missing or not timestamps');
  if (typeof object.created_by_ref !== 'string') return fail('created_by_ref missing');
  const marking = markingOf(object.object_marking_refs);
  if (!marking.ok) return fail(`marking: ${marking.error}`);
  const sharing = object.extensions?.[TANDEM_EXTENSIONS.sharing];
  const releasableTo = releaseList.safeParse(sharing?.releasable_to ?? []);
  if (!releasableTo.success) return fail('releasable_to is not a list of ids');
  return ok({
    id: object.id,
    type: object.type,
    createdBy: object.created_by_ref,
    createdByUser: null,
    marking: marking.value,
    releasableTo: releasableTo.data,
    created: new Date(created.data).toISOString(),
    modified: new Date(modified.data).toISOString(),
    revoked: object.revoked === true,
    receivedFromPeer: true,
    // Tandem cannot tell what an unknown object holds; it stays on this node (received records never leave).
    containsPersonalData: false,
    legalBasis: null,
    body: object,
  });
}
