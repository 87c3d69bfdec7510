/**
 * The overdue scan: every action item past its due date and neither done nor
 * dropped gets one notification to its owner organisation, once per due date
 * (an item moved to a new date and missed again notifies again). Idempotent,
 * so every process of a node may run it on its own timer.
 */
import { isoNow } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import { listOverdueItemRefs } from '../coordination/action-items.repository.js';
import { todayOf } from '../coordination/action-items.service.js';
import type { NotificationDeps } from './notifications.service.js';
import { insertNotificationsOnce } from './notifications.repository.js';

export const OVERDUE_KIND = 'action_item.overdue';

const PAGE = 500;

/** Returns how many new notifications were stored. */
export async function scanOverdueActionItems(deps: NotificationDeps): Promise<number> {
  const today = todayOf(deps.clock);
  const now = isoNow(deps.clock);
  let created = 0;
  let afterId: string | undefined;
  for (;;) {
    const refs = await listOverdueItemRefs(deps.db, today, { limit: PAGE, afterId });
    created += await insertNotificationsOnce(
      deps.db,
      refs.map((ref) => ({
        id: newId('notification'),
        recipient_org_id: ref.owner_org_id,
        kind: OVERDUE_KIND,
        subject_type: 'action-item',
        subject_id: ref.id,
        occasion: ref.due_date,
        created_at: now,
      })),
    );
    if (refs.length < PAGE) return created;
    afterId = refs.at(-1)?.id;
  }
}

/** Runs the scan now and then every `everyMs`; errors are logged and the timer goes on. */
export function startOverdueScan(
  deps: NotificationDeps,
  log: {
    error(details: object, message: string): void;
    info(details: object, message: string): void;
  },
  everyMs = 15 * 60_000,
): () => void {
  const run = () =>
    void scanOverdueActionItems(deps)
      .then((created) => {
        if (created > 0) log.info({ created }, 'overdue action items notified');
      })
      .catch((error: unknown) => log.error({ err: error }, 'overdue scan failed'));
  run();
  const timer = setInterval(run, everyMs).unref();
  return () => clearInterval(timer);
}
