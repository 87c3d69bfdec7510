/** Alarm -> API shape (the web app's api/alarms.ts): never a raw row, never the movement's record. */
import type { AlarmView } from './alarms.repository.js';

export function presentAlarm(view: AlarmView) {
  return {
    id: view.id,
    movement: { id: view.movement_id, title: view.movement_title },
    reason: view.reason,
    level: view.level,
    raisedAt: view.raised_at,
    escalatedAt: view.escalated_at,
    lastPosition:
      view.last_lat !== null && view.last_lon !== null && view.last_checkin_at !== null
        ? { lat: view.last_lat, lon: view.last_lon, at: view.last_checkin_at }
        : null,
    acknowledged:
      view.acknowledged_at !== null
        ? // A user removed since keeps the acknowledgement; only the name is gone.
          { at: view.acknowledged_at, by: view.acknowledged_by_name ?? 'unknown user' }
        : null,
    resolvedAt: view.resolved_at,
  };
}

export type PresentedAlarm = ReturnType<typeof presentAlarm>;
