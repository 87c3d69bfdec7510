import type { MovementState } from '@vocabulary/protection';
import { MOVEMENT_STATES } from '@vocabulary/protection';
import { describe, expect, it } from 'vitest';
import { BOARD_ORDER, countByState, groupByState, replaceById, stateColour } from './movementBoard';

const movement = (id: string, state: MovementState, plannedDeparture: string) => ({
  id,
  state,
  plannedDeparture,
});

describe('movement board', () => {
  it('orders every movement state exactly once', () => {
    expect([...BOARD_ORDER].sort()).toEqual([...MOVEMENT_STATES].sort());
  });

  it('groups by state, what needs action first, earliest departure first within a state', () => {
    const groups = groupByState([
      movement('m1', 'closed', '2026-11-28T05:00:00Z'),
      movement('m2', 'in_transit', '2026-11-28T09:00:00Z'),
      movement('m3', 'overdue', '2026-11-28T07:00:00Z'),
      movement('m4', 'in_transit', '2026-11-28T06:00:00Z'),
    ]);
    expect(groups.map((group) => group.state)).toEqual(['overdue', 'in_transit', 'closed']);
    expect(groups[1]?.items.map((item) => item.id)).toEqual(['m4', 'm2']);
  });

  it('counts every state, zero where there is none', () => {
    const counts = countByState([
      movement('m1', 'submitted', 'x'),
      movement('m2', 'submitted', 'y'),
      movement('m3', 'arrived', 'z'),
    ]);
    expect(counts.submitted).toBe(2);
    expect(counts.arrived).toBe(1);
    expect(counts.overdue).toBe(0);
    expect(Object.keys(counts)).toHaveLength(MOVEMENT_STATES.length);
  });

  it('colours overdue routes as alarms and finished ones grey', () => {
    expect(stateColour('overdue')).toBe(stateColour('incident'));
    expect(stateColour('closed')).toBe(stateColour('cancelled'));
    expect(stateColour('in_transit')).not.toBe(stateColour('overdue'));
  });

  it('replaces a movement by id or adds it', () => {
    const list = [movement('m1', 'approved', 'x')];
    expect(replaceById(list, movement('m1', 'in_transit', 'x'))[0]?.state).toBe('in_transit');
    expect(replaceById(list, movement('m2', 'draft', 'x'))).toHaveLength(2);
  });
});
