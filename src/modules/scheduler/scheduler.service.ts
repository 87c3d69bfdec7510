/**
 * The scheduler: fires every pending deadline whose time has come, oldest
 * first, one per transaction — claim it (on PostgreSQL `for update skip
 * locked`, so that of several processes exactly one fires it), mark it fired
 * and run its kind's handler, all committed together or not at all. A
 * handler that throws (or a kind nobody handles) rolls its transaction back;
 * the attempt is then counted in a transaction of its own and the deadline
 * retried after 30 s × attempts, until it is given up ('failed') after five.
 *
 * Timing: woken at once when this process writes a deadline
 * (onDeadlineWritten), otherwise it looks every `pollMs` and never sleeps
 * past the soonest pending deadline. On start it fires whatever fell due
 * while no process was running: that is how deadlines survive restarts.
 *
 * Owns: when deadlines fire, and how often they are retried. Must never:
 * stop its loop because of one deadline, a handler, or the database failing.
 */
import type { Clock } from '../../core/clock.js';
import type { StorageCapabilities } from '../../storage/capabilities.js';
import { inTransaction, type Executor } from '../../storage/executor.js';
import {
  claimDueDeadline,
  markDeadlineFired,
  nextPendingDueAt,
  onDeadlineWritten,
  recordDeadlineFailure,
  type DeadlineRow,
} from './deadlines.repository.js';
import type { DeadlineHandlers } from './scheduler.types.js';

export interface SchedulerDeps {
  db: Executor;
  clock: Clock;
  capabilities: Pick<StorageCapabilities, 'claimRows'>;
}

export interface SchedulerLog {
  error(details: object, message: string): void;
  info(details: object, message: string): void;
}

export interface SchedulerOptions {
  pollMs: number;
  log: SchedulerLog;
  /** Deadlines fired in one go before the loop lets other work run (default 100). */
  batchSize?: number;
}

export interface RunningScheduler {
  /** Stops the loop; waits for the deadline being fired, if any. */
  stop(): Promise<void>;
  /** Fires everything due now (waiting for a pass already running); returns how many fired. */
  runDueNow(): Promise<number>;
}

export const MAX_ATTEMPTS = 5;
export const RETRY_STEP_MS = 30_000;

/** A handler's failure, carried out of the transaction it rolled back. */
class HandlerFailure extends Error {
  constructor(
    readonly deadline: DeadlineRow,
    readonly failure: unknown,
  ) {
    super('deadline handler failed');
  }
}

const describe = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/**
 * Fires the oldest due deadline, if any: 'fired', 'failed' (its attempt was
 * recorded) or 'none' when nothing is due.
 */
async function fireOne(
  deps: SchedulerDeps,
  handlers: DeadlineHandlers,
  log: SchedulerLog,
): Promise<'fired' | 'failed' | 'none'> {
  try {
    return await inTransaction(deps.db, async (trx) => {
      const now = deps.clock.now().toISOString();
      const deadline = await claimDueDeadline(trx, deps.capabilities, now);
      if (!deadline) return 'none';
      // Fired before the handler runs: a handler that cancels its subject's pending
      // deadlines (an escalation does) must not cancel the one being fired.
      if (!(await markDeadlineFired(trx, deadline.id, now))) return 'none'; // not ours after all
      const handler = handlers[deadline.kind];
      try {
        if (!handler) throw new Error(`no handler for deadline kind ${deadline.kind}`);
        await handler(trx, deadline);
      } catch (error) {
        throw new HandlerFailure(deadline, error);
      }
      return 'fired';
    });
  } catch (error) {
    if (!(error instanceof HandlerFailure)) throw error;
    const { deadline } = error;
    const retryAt = new Date(
      deps.clock.now().getTime() + RETRY_STEP_MS * (deadline.attempts + 1),
    ).toISOString();
    const attempts = await recordDeadlineFailure(deps.db, deadline.id, {
      error: describe(error.failure),
      retryAt,
      maxAttempts: MAX_ATTEMPTS,
    });
    const details = { deadlineId: deadline.id, kind: deadline.kind, attempts, err: error.failure };
    if (attempts !== undefined && attempts >= MAX_ATTEMPTS)
      log.error(details, 'deadline failed for good after its last attempt');
    else log.error({ ...details, retryAt }, 'deadline handler failed; retrying later');
    return 'failed';
  }
}

export function startScheduler(
  deps: SchedulerDeps,
  handlers: DeadlineHandlers,
  options: SchedulerOptions,
): RunningScheduler {
  const batchSize = options.batchSize ?? 100;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let passQueued = false;
  // Passes run one after another, never side by side: `chain` is the last one queued.
  let chain: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work);
    chain = next.catch(() => undefined);
    return next;
  };

  /** Fires due deadlines until none is due or a batch is done. */
  async function pass(): Promise<{ fired: number; more: boolean }> {
    let fired = 0;
    for (let i = 0; i < batchSize; i++) {
      if (stopped) return { fired, more: false };
      const outcome = await fireOne(deps, handlers, options.log);
      if (outcome === 'none') return { fired, more: false };
      if (outcome === 'fired') fired += 1;
    }
    return { fired, more: true };
  }

  /** How long to sleep: the poll interval, or less when a deadline falls due sooner. */
  async function nextWaitMs(): Promise<number> {
    const dueAt = await nextPendingDueAt(deps.db);
    if (dueAt === undefined) return options.pollMs;
    const until = new Date(dueAt).getTime() - deps.clock.now().getTime();
    return Math.max(0, Math.min(options.pollMs, until));
  }

  function arm(ms: number): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(wake, ms);
    timer.unref(); // the server keeps the process alive, not the scheduler
  }

  /** Queues one pass (at most one waits at a time), then sleeps until the next is due. */
  function wake(): void {
    if (stopped || passQueued) return;
    passQueued = true;
    if (timer) clearTimeout(timer);
    timer = undefined;
    void exclusive(async () => {
      passQueued = false;
      let waitMs = options.pollMs;
      try {
        const { more } = await pass();
        // A full batch yields to other work (a new macrotask), then goes on at once.
        waitMs = more ? 0 : await nextWaitMs();
      } catch (error) {
        options.log.error({ err: error }, 'scheduler pass failed; trying again at the next poll');
      }
      arm(waitMs);
    });
  }

  const unsubscribe = onDeadlineWritten(wake);
  wake(); // whatever fell due while no process was running

  return {
    async stop() {
      stopped = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
      await chain;
    },
    runDueNow() {
      return exclusive(async () => {
        let total = 0;
        for (;;) {
          const { fired, more } = await pass();
          total += fired;
          if (!more) return total;
        }
      });
    },
  };
}
