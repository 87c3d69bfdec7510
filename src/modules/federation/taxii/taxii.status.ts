/**
 * TAXII status resources: what happened to each object of a POSTed
 * envelope, kept for the user or peer that POSTed it (only that owner reads
 * it back). Row <-> resource; the SQL is in statuses.repository.ts.
 */
import { randomUUID } from 'node:crypto';
import type { StatusRow } from './statuses.repository.js';
import type { StatusDetail, StatusDetails } from './taxii.contract.js';

export function newStatusRow(
  owner: string,
  requestTimestamp: string,
  details: StatusDetails,
): StatusRow {
  const { successes, failures, pendings } = details;
  return {
    id: randomUUID(),
    owner,
    status: pendings.length > 0 ? 'pending' : 'complete',
    request_timestamp: requestTimestamp,
    total_count: successes.length + failures.length + pendings.length,
    success_count: successes.length,
    failure_count: failures.length,
    pending_count: pendings.length,
    successes: JSON.stringify(successes),
    failures: JSON.stringify(failures),
    pendings: JSON.stringify(pendings),
  };
}

function detailsOf(json: string): StatusDetail[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? (parsed as StatusDetail[]) : [];
}

export interface StatusResource {
  id: string;
  status: string;
  request_timestamp: string;
  total_count: number;
  success_count: number;
  successes?: StatusDetail[];
  failure_count: number;
  failures?: StatusDetail[];
  pending_count: number;
  pendings?: StatusDetail[];
}

export function presentStatus(row: StatusRow): StatusResource {
  const successes = detailsOf(row.successes);
  const failures = detailsOf(row.failures);
  const pendings = detailsOf(row.pendings);
  return {
    id: row.id,
    status: row.status,
    request_timestamp: row.request_timestamp,
    total_count: Number(row.total_count),
    success_count: Number(row.success_count),
    ...(successes.length > 0 ? { successes } : {}),
    failure_count: Number(row.failure_count),
    ...(failures.length > 0 ? { failures } : {}),
    pending_count: Number(row.pending_count),
    ...(pendings.length > 0 ? { pendings } : {}),
  };
}
