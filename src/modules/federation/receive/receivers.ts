/**
 * How each Tandem record type is received from a peer: each version is stored
 * so that search, lists, the map, history and alerts treat it exactly like a
 * local record (see received-version.ts). The ingest layer calls
 * `receivePeerVersions` with the verified versions of a page, inside its own
 * transaction, and audits the receipt itself.
 *
 * Must never: be reached with an unverified version, audit, schedule or
 * notify. A type without an entry is one Tandem does not model: its versions
 * are kept as they came.
 */
import type { BulkInsert } from '../../../storage/bulk-insert.js';
import type { Executor } from '../../../storage/executor.js';
import type { Result } from '../../../core/result.js';
import type { RecordVersionInput } from '../../records/records.repository.js';
import { COORDINATION_TYPES } from './coordination.receivers.js';
import { INTEL_TYPES } from './intel.receivers.js';
import { PROTECTION_TYPES } from './protection.receivers.js';
import {
  receiveVersion,
  receiveVersions,
  type Received,
  type ReceivedType,
} from './received-version.js';

export type { Received } from './received-version.js';

const TYPES = new Map<string, ReceivedType>(
  Object.entries({ ...INTEL_TYPES, ...PROTECTION_TYPES, ...COORDINATION_TYPES }),
);

/** Every record type a peer's version is stored as (with the module's query rows). */
export const RECEIVED_RECORD_TYPES: readonly string[] = Object.freeze([...TYPES.keys()]);

/** Stores a page's verified versions; what became of each, in order. */
export function receivePeerVersions(
  trx: Executor,
  versions: readonly RecordVersionInput[],
  storedAt: string,
  insertRows: BulkInsert,
): Promise<Received[]> {
  return receiveVersions(trx, TYPES, versions, storedAt, insertRows);
}

export type RecordReceiver = (
  trx: Executor,
  version: RecordVersionInput,
  storedAt: string,
) => Promise<Result<void, string>>;

/** One version of a modelled type, as a Result (tests and single deliveries); undefined for other types. */
export function receiverFor(recordType: string): RecordReceiver | undefined {
  if (!TYPES.has(recordType)) return undefined;
  return (trx, version, storedAt) => {
    if (version.type !== recordType) {
      return Promise.resolve({
        ok: false,
        error: `type_mismatch: ${version.id} is not of type ${recordType}`,
      });
    }
    return receiveVersion(trx, TYPES, version, storedAt);
  };
}
