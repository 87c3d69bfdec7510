/**
 * A node's background work, started once per process by `serve` (and by the
 * tests that need it): the overdue scan of action items, the scheduler that
 * fires deadlines (check-ins, escalations), the alert matcher that reacts to
 * new and changed incidents and threat reports, webhook delivery, and federation
 * (pulls from peers, push notices to them). Each worker keeps
 * its state in the database, so a restart loses nothing.
 */
import type { AppContext } from './context.js';
import { startOverdueScan } from '../modules/notifications/overdue-scan.service.js';
import { alarmDeadlineHandlers } from '../modules/alarms/alarms.escalation.js';
import { movementDeadlineHandlers } from '../modules/movements/movements.deadlines.js';
import { alertDeadlineHandlers } from '../modules/alerts/alerts.escalation.js';
import { startAlertMatcher } from '../modules/alerts/alerts.matcher.service.js';
import { startWebhookDelivery } from '../modules/webhooks/webhooks.delivery.js';
import { startScheduler } from '../modules/scheduler/scheduler.service.js';
import type { DeadlineHandlers } from '../modules/scheduler/scheduler.types.js';
import { startFederationWorkers } from '../modules/federation/federation.workers.js';

export interface WorkerLog {
  error(details: object, message: string): void;
  info(details: object, message: string): void;
}

export interface RunningWorkers {
  stop(): Promise<void>;
}

export function startWorkers(context: AppContext, log: WorkerLog): RunningWorkers {
  const deps = {
    db: context.storage.db,
    clock: context.clock,
    audit: context.audit,
    capabilities: context.storage.capabilities,
  };
  const protectionDeps = { ...deps, live: context.live, protection: context.config.protection };
  const stops: (() => void | Promise<void>)[] = [];
  stops.push(startOverdueScan(deps, log));
  // Protection workers (issue 4) are started below this line.
  const deadlineHandlers: DeadlineHandlers = {
    ...alarmDeadlineHandlers(protectionDeps),
    ...movementDeadlineHandlers(protectionDeps),
    ...alertDeadlineHandlers(protectionDeps),
  };
  const scheduler = startScheduler(deps, deadlineHandlers, {
    pollMs: context.config.protection.schedulerPollMs,
    log,
  });
  stops.push(() => scheduler.stop());
  const matcher = startAlertMatcher(protectionDeps, { log });
  stops.push(() => matcher.stop());
  const webhooks = startWebhookDelivery(protectionDeps, { log });
  stops.push(() => webhooks.stop());
  // Federation needs the node key, which may have to be made first.
  const federation = context.nodeIdentity().then(({ key }) =>
    startFederationWorkers(
      {
        ...deps,
        key,
        wakeups: context.pullWakeups,
        pullIntervalMs: context.config.federation.pullIntervalMs,
        pageSize: context.config.federation.pageSize,
      },
      log,
    ),
  );
  federation.catch((error: unknown) => log.error({ err: error }, 'federation did not start'));
  stops.push(async () => {
    await (await federation.catch(() => undefined))?.stop();
  });
  return {
    async stop() {
      for (const stop of stops.reverse()) await stop();
    },
  };
}
