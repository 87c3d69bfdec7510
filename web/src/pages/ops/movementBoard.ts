/**
 * The operations room's movement board, pure: today's movements grouped by
 * state in the order a duty officer works through them (what needs action
 * now first, finished and refused ones last), with a count per state, and
 * the colour a state gives a route on the map.
 */
import type { MovementState } from '@vocabulary/protection';

export const BOARD_ORDER: readonly MovementState[] = [
  'incident',
  'overdue',
  'in_transit',
  'submitted',
  'escort_assigned',
  'approved',
  'returned',
  'draft',
  'arrived',
  'closed',
  'rejected',
  'cancelled',
];

/** States whose movements are on the road, or about to be: what the map draws. */
export const ACTIVE_STATES: ReadonlySet<MovementState> = new Set([
  'incident',
  'overdue',
  'in_transit',
  'escort_assigned',
  'approved',
  'submitted',
]);

export interface StateGroup<T> {
  state: MovementState;
  items: T[];
}

/** Non-empty groups in board order; within a group, earliest departure first. */
export function groupByState<T extends { state: MovementState; plannedDeparture: string }>(
  movements: readonly T[],
): StateGroup<T>[] {
  const groups = new Map<MovementState, T[]>();
  for (const movement of movements) {
    const group = groups.get(movement.state) ?? [];
    group.push(movement);
    groups.set(movement.state, group);
  }
  return BOARD_ORDER.flatMap((state) => {
    const items = groups.get(state);
    if (!items) return [];
    items.sort((a, b) =>
      a.plannedDeparture < b.plannedDeparture
        ? -1
        : a.plannedDeparture > b.plannedDeparture
          ? 1
          : 0,
    );
    return [{ state, items }];
  });
}

/** How many movements are in each state (every state present, zero when none). */
export function countByState(
  movements: readonly { state: MovementState }[],
): Record<MovementState, number> {
  const counts = Object.fromEntries(BOARD_ORDER.map((state) => [state, 0])) as Record<
    MovementState,
    number
  >;
  for (const movement of movements) counts[movement.state] += 1;
  return counts;
}

/** A route's colour on the map by state; the legend and the list say the state in words. */
export function stateColour(state: MovementState): string {
  switch (state) {
    case 'incident':
    case 'overdue':
      return '#b42318';
    case 'in_transit':
      return '#1d4f91';
    case 'escort_assigned':
    case 'approved':
      return '#1f8a3b';
    case 'submitted':
    case 'returned':
    case 'draft':
      return '#b7791f';
    case 'arrived':
    case 'closed':
    case 'rejected':
    case 'cancelled':
      return '#7a8494';
  }
}

/** The movement an event is about replaces its old self in the list, or joins it. */
export function replaceById<T extends { id: string }>(list: readonly T[], item: T): T[] {
  return list.some((entry) => entry.id === item.id)
    ? list.map((entry) => (entry.id === item.id ? item : entry))
    : [...list, item];
}
