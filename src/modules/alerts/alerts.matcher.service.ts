/**
 * The alert matcher: a background worker that consumes the record-change
 * queue (every stored version of every record, records/record-changes),
 * matches incident and threat-report versions against sites and movements
 * (alerts.match.ts) and stores the alerts they raise (alerts.raise.ts).
 *
 * It is woken after each commit that queued a change in this process and
 * polls otherwise (changes queued by other processes). Every change it takes
 * is deleted, whatever its type, in the transaction that stores its alerts.
 * With several processes on PostgreSQL two matchers may take the same
 * change: the unique key alerts_once makes the second insert nothing, and
 * deleting a change already deleted deletes nothing. A change that keeps
 * failing is retried on the next rounds and dropped (logged) after a few.
 *
 * Owns: the queue's consumption. Must never: decide who sees an alert.
 */
import { inTransaction, type Executor } from '../../storage/executor.js';
import {
  deleteRecordChanges,
  oldestRecordChanges,
  onRecordChangesCommitted,
  type RecordChange,
} from '../records/record-changes.repository.js';
import { matchTrigger } from './alerts.match.js';
import { raiseAlerts, type AlertDeps } from './alerts.raise.js';
import {
  findIncidentTrigger,
  findThreatTrigger,
  type TriggerRecord,
} from './alerts.subjects.repository.js';
import { incidentTrigger, threatTrigger, type Trigger } from './alerts.triggers.js';

export interface MatcherLog {
  error(details: object, message: string): void;
}

export interface RunningMatcher {
  stop(): Promise<void>;
  /** Handles everything queued now (after any round already running); resolves to how many changes. */
  drain(): Promise<number>;
}

const BATCH = 200;
const MAX_FAILURES = 3;

/** The trigger a queued change names, as stored now; undefined for other types or a vanished record. */
export async function loadTrigger(
  db: Executor,
  change: Pick<RecordChange, 'record_id' | 'record_type'>,
): Promise<Trigger | undefined> {
  if (change.record_type === 'incident') {
    const found = await findIncidentTrigger(db, change.record_id);
    return found ? incidentTrigger(found, versionOf(found)) : undefined;
  }
  if (change.record_type === 'threat-report') {
    const found = await findThreatTrigger(db, change.record_id);
    return found ? threatTrigger(found, versionOf(found)) : undefined;
  }
  return undefined;
}

const versionOf = (found: TriggerRecord) => ({
  modified: found.record_modified,
  storedAt: found.record_stored_at,
  revoked: found.record_revoked,
  body: found.record_body,
});

/**
 * Handles one batch of the oldest changes: those that raise nothing are
 * deleted together, each one that raises alerts in its own transaction.
 * Returns how many were handled, and whether one failed.
 */
async function handleBatch(
  deps: AlertDeps,
  changes: readonly RecordChange[],
  failures: Map<string, number>,
  log: MatcherLog,
): Promise<{ handled: number; failed: boolean }> {
  const quiet: string[] = [];
  let handled = 0;
  let failed = false;
  for (const change of changes) {
    try {
      const trigger = await loadTrigger(deps.db, change);
      const matches = trigger ? await matchTrigger(deps, trigger) : [];
      if (!trigger || matches.length === 0) {
        quiet.push(change.id);
        continue;
      }
      await inTransaction(deps.db, async (trx) => {
        await raiseAlerts(deps, trx, trigger, matches);
        await deleteRecordChanges(trx, [change.id]);
      });
      handled += 1;
    } catch (error) {
      const count = (failures.get(change.id) ?? 0) + 1;
      failures.set(change.id, count);
      log.error(
        { err: error, recordId: change.record_id, attempt: count },
        'alert matching failed',
      );
      if (count >= MAX_FAILURES) {
        // A change that cannot be matched must not block the queue for ever.
        failures.delete(change.id);
        quiet.push(change.id);
        continue;
      }
      failed = true;
      break;
    }
  }
  await deleteRecordChanges(deps.db, quiet);
  return { handled: handled + quiet.length, failed };
}

export function startAlertMatcher(
  deps: AlertDeps,
  options: { log: MatcherLog; pollMs?: number },
): RunningMatcher {
  const failures = new Map<string, number>();
  let stopped = false;
  let queued = false;
  let chain: Promise<unknown> = Promise.resolve();

  async function drainAll(): Promise<number> {
    queued = false;
    let total = 0;
    for (;;) {
      const changes = await oldestRecordChanges(deps.db, BATCH);
      if (changes.length === 0) return total;
      const { handled, failed } = await handleBatch(deps, changes, failures, options.log);
      total += handled;
      if (failed || stopped) return total;
    }
  }

  function run(): Promise<number> {
    const round = chain.then(drainAll);
    chain = round.catch((error: unknown) => {
      options.log.error({ err: error }, 'alert matcher round failed');
    });
    return round;
  }

  function wake(): void {
    if (stopped || queued) return;
    queued = true;
    void run().catch(() => undefined);
  }

  const unsubscribe = onRecordChangesCommitted(wake);
  const timer = setInterval(wake, options.pollMs ?? 1_000);
  timer.unref();
  wake();

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      unsubscribe();
      await chain;
    },
    drain: run,
  };
}
