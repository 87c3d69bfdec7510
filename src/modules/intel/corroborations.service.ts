/**
 * Corroboration: a partner that can read a threat report or an incident adds
 * a confirmation, a denial or a detail, under its own marking. Reading one
 * needs both its own marking and the subject's; counts are of distinct
 * organisations and only over what the reader may read. Never says whether an
 * unreadable subject exists.
 */
import { isoNow } from '../../core/clock.js';
import { idType, newId } from '../../core/ids.js';
import { canRead, markingProblem, readScope } from '../../core/policy/index.js';
import { fail, ok, type Result } from '../../core/result.js';
import { inTransaction } from '../../storage/executor.js';
import type { CurrentUser, RequestOrigin } from '../identity/identity.types.js';
import { readIncident } from '../incidents/incidents.service.js';
import { storeRecordVersion, toShareable } from '../records/records.repository.js';
import {
  countCorroborations,
  findCorroboration,
  listCorroborations,
  saveCorroborationRow,
  type CorroborationCounts,
  type CorroborationRow,
} from './corroborations.repository.js';
import {
  actorOf,
  asShareable,
  bodyOf,
  mayCorroborate,
  versionOf,
  type IntelDeps,
} from './intel.records.js';
import type { CorroborationInput } from './intel.schema.js';
import { readThreatReport } from './reports.read.service.js';

export type CorroborationError = 'forbidden' | 'not_found' | 'invalid_release' | 'subject_closed';

/** A subject the reader may read: its originator, and whether it still takes corroboration. */
interface Subject {
  id: string;
  createdBy: string;
  open: boolean;
}

export async function readSubject(
  deps: IntelDeps,
  id: string,
  reader: CurrentUser,
): Promise<Subject | undefined> {
  const type = idType(id);
  if (type === 'threat-report') {
    const report = await readThreatReport(deps, id, reader);
    if (!report) return undefined;
    // Drafts are not yet intelligence and revoked reports no longer are.
    return { id, createdBy: report.record.created_by, open: report.status === 'published' };
  }
  if (type === 'incident') {
    const incident = await readIncident(deps, id, reader);
    if (!incident) return undefined;
    return { id, createdBy: incident.record.created_by, open: incident.record.revoked === 0 };
  }
  return undefined;
}

/** The query row of a corroboration version. */
export function corroborationRow(id: string, input: CorroborationInput): CorroborationRow {
  return {
    id,
    subject_id: input.subjectId,
    kind: input.kind,
    observed_at: input.observedAt ?? null,
    lat: input.place?.lat ?? null,
    lon: input.place?.lon ?? null,
  };
}

export async function createCorroboration(
  deps: IntelDeps,
  input: CorroborationInput,
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<string, CorroborationError>> {
  if (!mayCorroborate(actor)) return fail('forbidden');
  const subject = await readSubject(deps, input.subjectId, actor);
  if (!subject) return fail('not_found');
  if (!subject.open) return fail('subject_closed');
  const now = isoNow(deps.clock);
  const id = newId('corroboration');
  // No search text: a search over records checks the corroboration's marking, not its subject's.
  const version = versionOf('corroboration', id, input, bodyOf(input), actor, {
    created: now,
    modified: now,
  });
  if (markingProblem(asShareable(version)) !== undefined) return fail('invalid_release');
  await inTransaction(deps.db, async (trx) => {
    await storeRecordVersion(trx, version, now);
    await saveCorroborationRow(trx, corroborationRow(id, input));
    await deps.audit.record(
      {
        action: 'record.created',
        outcome: 'success',
        actor: actorOf(actor),
        target: { type: 'corroboration', id },
        address: origin?.address,
        requestId: origin?.requestId,
        details: { marking: version.marking, subjectId: input.subjectId, kind: input.kind },
      },
      trx,
    );
  });
  return ok(id);
}

/** Counts for a subject the caller has already found readable (readSubject). */
export async function corroborationCounts(
  deps: IntelDeps,
  subject: { id: string; createdBy: string },
  reader: CurrentUser,
): Promise<CorroborationCounts> {
  return countCorroborations(deps.db, readScope(reader), subject.id, subject.createdBy);
}

/** The corroborations of a subject the reader may read, with the counts; undefined when the subject is not readable. */
export async function readCorroborationsOf(
  deps: IntelDeps,
  subjectId: string,
  reader: CurrentUser,
  limit: number,
) {
  const subject = await readSubject(deps, subjectId, reader);
  if (!subject) return undefined;
  const rows = await listCorroborations(deps.db, readScope(reader), subjectId, limit);
  return {
    items: rows.filter((row) => canRead(reader, toShareable(row.record))),
    counts: await corroborationCounts(deps, subject, reader),
  };
}

/** One corroboration: readable under its own marking and through its subject. */
export async function readCorroboration(deps: IntelDeps, id: string, reader: CurrentUser) {
  const found = await findCorroboration(deps.db, readScope(reader), id);
  if (!found || !canRead(reader, toShareable(found.record))) return undefined;
  return (await readSubject(deps, found.subject_id, reader)) ? found : undefined;
}
