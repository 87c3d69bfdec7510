/**
 * The receivers of verified peer record versions, one per Tandem record
 * type: each stores a version so that search, lists, the map, history and
 * alerts treat it exactly like a local record (see received-version.ts).
 * The ingest layer calls `receiverFor(version.type)` after it has verified
 * the version, inside its own transaction, and audits the receipt itself.
 *
 * Must never: be reached with an unverified version, audit, schedule or
 * notify. A type without a receiver is one Tandem does not model: the
 * ingest layer keeps such objects as they came.
 */
import { COORDINATION_PREPARERS } from './coordination.receivers.js';
import { INTEL_PREPARERS } from './intel.receivers.js';
import { PROTECTION_PREPARERS } from './protection.receivers.js';
import { receiverOf, type ReceivedPreparer, type RecordReceiver } from './received-version.js';

export type { RecordReceiver } from './received-version.js';

const PREPARERS: Readonly<Record<string, ReceivedPreparer>> = {
  ...INTEL_PREPARERS,
  ...PROTECTION_PREPARERS,
  ...COORDINATION_PREPARERS,
};

const RECEIVERS = new Map<string, RecordReceiver>(
  Object.entries(PREPARERS).map(([type, prepare]) => [type, receiverOf(type, prepare)]),
);

/** Every record type a peer's version can be stored as. */
export const RECEIVED_RECORD_TYPES: readonly string[] = Object.freeze([...RECEIVERS.keys()]);

export function receiverFor(recordType: string): RecordReceiver | undefined {
  return RECEIVERS.get(recordType);
}
