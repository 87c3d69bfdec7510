/**
 * Bulk ingest of incidents (ACLED files, the bulk API): validated inputs are
 * checked against the same sharing rules as createIncident, then written in
 * batches. Each batch is one transaction holding its records, release lists,
 * search text, incident rows and ONE `record.imported` audit entry, so a
 * batch is either wholly there, audited, or not there at all.
 *
 * Owns: batching and the per-row policy check before any write. Must never:
 * write a row the actor could not have created one by one, or report a
 * batch as done before it has committed.
 */
import { isoNow } from '../../core/clock.js';
import { newId, isId } from '../../core/ids.js';
import {
  canEdit,
  markingProblem,
  type Reader,
  type ShareableRecord,
} from '../../core/policy/index.js';
import type { StorageCapabilities } from '../../storage/capabilities.js';
import { inTransaction } from '../../storage/executor.js';
import type { RequestOrigin } from '../identity/identity.types.js';
import { addNewRecord, emptyNewRecordRows } from '../records/records.bulk.repository.js';
import {
  incidentValues,
  insertIncidentRows,
  type IncidentBulkRows,
} from './incidents.bulk.repository.js';
import type { IncidentInput } from './incidents.schema.js';
import {
  incidentBody,
  incidentRow,
  incidentSearchText,
  type IncidentDeps,
} from './incidents.service.js';

export type IngestDeps = Pick<IncidentDeps, 'db' | 'clock' | 'audit'> & {
  capabilities: Pick<StorageCapabilities, 'parallelWriters' | 'insertRows'>;
};

export const DEFAULT_BATCH_SIZE = 2_000;

/** Why a row is refused: its index in the whole input, and the same errors createIncident returns. */
export interface IngestRejection {
  index: number;
  error: 'forbidden' | 'invalid_release';
}

export interface IngestOptions {
  batchSize?: number;
  /** Where the rows came from (a file name, a feed): kept in each batch's audit entry. */
  source?: string | undefined;
  origin?: RequestOrigin | undefined;
  /** Index of the first input in the caller's numbering (a file's rows), for rejections and reports. */
  firstIndex?: number;
  /** Called after each batch has committed. */
  onBatchCommitted?: (batch: CommittedBatch) => void;
}

/** As a Result, but a refusal names the row at fault. */
export type IngestOutcome = { ok: true; value: string[] } | ({ ok: false } & IngestRejection);

export interface CommittedBatch {
  /** Indexes (in the caller's numbering) of the first and last rows of the batch. */
  first: number;
  last: number;
  ids: readonly string[];
}

/** The author as stored: a node-level import (a CLI run for an organisation) has no user author. */
function authorUserOf(actor: Reader): string | null {
  return isId(actor.userId, 'user') ? actor.userId : null;
}

function releaseListOf(input: IncidentInput): readonly string[] {
  // As createIncident: CLEAR and GREEN ignore the release list.
  return input.marking === 'TLP:CLEAR' || input.marking === 'TLP:GREEN' ? [] : input.releasableTo;
}

/**
 * The same checks createIncident makes, row by row, before anything is
 * written. Rows of one marking and release list share their verdict, so a
 * file of 100,000 GREEN incidents asks the policy once.
 */
export function checkIngestPolicy(
  inputs: readonly IncidentInput[],
  actor: Reader,
  firstIndex = 0,
): IngestRejection | undefined {
  const verdicts = new Map<string, IngestRejection['error'] | null>();
  for (let index = 0; index < inputs.length; index++) {
    const input = inputs[index] as IncidentInput; // index < length
    const releasableTo = releaseListOf(input);
    const key = `${input.marking}|${releasableTo.join(',')}`;
    let verdict = verdicts.get(key);
    if (verdict === undefined) {
      const draft: ShareableRecord = {
        id: 'incident--00000000-0000-4000-8000-000000000000',
        created_by: actor.orgId,
        created_by_user: authorUserOf(actor),
        marking: input.marking,
        releasable_to: releasableTo,
        received_from_peer: false,
        contains_personal_data: false,
        legal_basis: null,
      };
      verdict =
        markingProblem(draft) !== undefined
          ? 'invalid_release'
          : canEdit(actor, draft)
            ? null
            : 'forbidden';
      verdicts.set(key, verdict);
    }
    if (verdict !== null) return { index: firstIndex + index, error: verdict };
  }
  return undefined;
}

/** The rows of one batch (the bench's raw baseline stores the same). Every draft passed the policy, so each marking is valid. */
export function buildIngestRows(
  inputs: readonly IncidentInput[],
  ids: readonly string[],
  actor: Reader,
  now: string,
): IncidentBulkRows {
  const rows: IncidentBulkRows = { ...emptyNewRecordRows(), incidents: [] };
  const author = authorUserOf(actor);
  for (let index = 0; index < inputs.length; index++) {
    const input = inputs[index] as IncidentInput; // index < length
    const id = ids[index] as string; // one id per input
    const releasableTo = releaseListOf(input);
    const sharing = {
      created_by: actor.orgId,
      created_by_user: author,
      marking: input.marking,
      marking_valid: 1,
      revoked: 0,
    };
    addNewRecord(rows, {
      row: {
        ...sharing,
        id,
        type: 'incident',
        releasable_to: JSON.stringify(releasableTo),
        created: now,
        modified: now,
        received_from_peer: 0,
        contains_personal_data: 0,
        legal_basis: null,
        body: JSON.stringify(incidentBody(input)),
      },
      grantees: releasableTo,
      searchText: incidentSearchText(input),
      storedAt: now,
      storedByUser: author,
    });
    rows.incidents.push(incidentValues(incidentRow(id, input, sharing)));
  }
  return rows;
}

/** One batch in one transaction, with its one audit entry. */
async function writeBatch(
  deps: IngestDeps,
  rows: IncidentBulkRows,
  batchIds: readonly string[],
  actor: Reader,
  options: IngestOptions,
): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    await insertIncidentRows(trx, rows, deps.capabilities.insertRows);
    await deps.audit.record(
      {
        action: 'record.imported',
        outcome: 'success',
        actor: { userId: actor.userId, orgId: actor.orgId },
        target: { type: 'incident', id: batchIds[0] ?? '' },
        address: options.origin?.address,
        requestId: options.origin?.requestId,
        details: {
          count: batchIds.length,
          firstId: batchIds[0],
          lastId: batchIds.at(-1),
          source: options.source ?? null,
        },
      },
      trx,
    );
  });
}

/**
 * Checks every row, then writes them batch by batch, several at once where
 * the engine gains from it (capabilities.parallelWriters). A refused row refuses
 * the whole call before anything is written; a database failure stops at
 * the failing batch (the batches before it stay committed, and were reported
 * through onBatchCommitted). Returns the ids in input order.
 */
export async function ingestIncidents(
  deps: IngestDeps,
  inputs: readonly IncidentInput[],
  actor: Reader,
  options: IngestOptions = {},
): Promise<IngestOutcome> {
  const firstIndex = options.firstIndex ?? 0;
  const rejection = checkIngestPolicy(inputs, actor, firstIndex);
  if (rejection) return { ok: false, ...rejection };
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  // A caller's transaction is one connection: its batches cannot overlap.
  const parallel = deps.db.isTransaction ? 1 : deps.capabilities.parallelWriters;
  const ids: string[] = [];
  const inFlight: { done: Promise<void>; batch: CommittedBatch }[] = [];
  const acknowledge = (batch: CommittedBatch) => {
    ids.push(...batch.ids);
    options.onBatchCommitted?.(batch);
  };
  // Batches are acknowledged in input order. When one fails, the others in flight
  // are waited for and those that committed are acknowledged before the error.
  const settleOldest = async () => {
    const oldest = inFlight.shift();
    if (!oldest) return;
    try {
      await oldest.done;
    } catch (error) {
      const rest = inFlight.splice(0);
      const outcomes = await Promise.allSettled(rest.map((entry) => entry.done));
      outcomes.forEach((outcome, i) => {
        const entry = rest[i];
        if (outcome.status === 'fulfilled' && entry) acknowledge(entry.batch);
      });
      throw error;
    }
    acknowledge(oldest.batch);
  };
  for (let start = 0; start < inputs.length; start += batchSize) {
    const batch = inputs.slice(start, start + batchSize);
    const batchIds = batch.map(() => newId('incident'));
    // Built while the previous batches are being written (PostgreSQL answers asynchronously).
    const rows = buildIngestRows(batch, batchIds, actor, isoNow(deps.clock));
    const done = writeBatch(deps, rows, batchIds, actor, options);
    done.catch(() => undefined); // handled in settleOldest; this keeps it from counting as unhandled meanwhile
    inFlight.push({
      done,
      batch: {
        first: firstIndex + start,
        last: firstIndex + start + batch.length - 1,
        ids: batchIds,
      },
    });
    if (inFlight.length >= parallel) await settleOldest();
  }
  while (inFlight.length > 0) await settleOldest();
  return { ok: true, value: ids };
}
