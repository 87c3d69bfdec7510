import { describe, expect, it } from 'vitest';
import type { Alarm } from '../../api/alarms';
import { applyAlarmChange, asAlarm, bannerAlarms, shouldSound, sortAlarms } from './alarmList';

function alarm(overrides: Partial<Alarm> & { id: string }): Alarm {
  return {
    movement: { id: 'movement--1', title: 'Islamabad to Dasu' },
    reason: 'missed_checkin',
    level: 2,
    raisedAt: '2026-11-28T10:00:00.000Z',
    escalatedAt: null,
    lastPosition: { lat: 34.9, lon: 72.9, at: '2026-11-28T09:30:00.000Z' },
    acknowledged: null,
    resolvedAt: null,
    ...overrides,
  };
}

describe('alarm banner rules', () => {
  it('shows only open alarms of level 2 or 3, highest level first', () => {
    const shown = bannerAlarms([
      alarm({ id: 'alarm--l1', level: 1 }),
      alarm({ id: 'alarm--l2', level: 2, raisedAt: '2026-11-28T11:00:00.000Z' }),
      alarm({ id: 'alarm--l3', level: 3 }),
      alarm({ id: 'alarm--ack', level: 3, acknowledged: { at: '2026-11-28T10:01:00Z', by: 'Z' } }),
      alarm({ id: 'alarm--res', level: 2, resolvedAt: '2026-11-28T10:02:00Z' }),
    ]);
    expect(shown.map((item) => item.id)).toEqual(['alarm--l3', 'alarm--l2']);
  });

  it('orders alarms of one level by when they were raised or escalated, newest first', () => {
    const sorted = sortAlarms([
      alarm({ id: 'alarm--a', raisedAt: '2026-11-28T09:00:00.000Z' }),
      alarm({
        id: 'alarm--b',
        raisedAt: '2026-11-28T08:00:00.000Z',
        escalatedAt: '2026-11-28T10:30:00.000Z',
      }),
    ]);
    expect(sorted.map((item) => item.id)).toEqual(['alarm--b', 'alarm--a']);
  });

  it('keeps an acknowledged alarm in the list, after the open ones, until it is resolved', () => {
    const acknowledged = alarm({
      id: 'alarm--ack',
      level: 3,
      acknowledged: { at: '2026-11-28T10:05:00Z', by: 'Zhang' },
    });
    const resolved = alarm({ id: 'alarm--res', resolvedAt: '2026-11-28T10:06:00Z' });
    const sorted = sortAlarms([acknowledged, resolved, alarm({ id: 'alarm--open', level: 1 })]);
    expect(sorted.map((item) => item.id)).toEqual(['alarm--open', 'alarm--ack']);
  });

  it('replaces an alarm from a live event and drops it once resolved or unseen', () => {
    const list = [alarm({ id: 'alarm--a', level: 1 }), alarm({ id: 'alarm--b' })];
    const raised = applyAlarmChange(list, 'alarm--a', alarm({ id: 'alarm--a', level: 2 }));
    expect(raised.find((item) => item.id === 'alarm--a')?.level).toBe(2);
    const resolved = alarm({ id: 'alarm--b', resolvedAt: '2026-11-28T10:05:00Z' });
    expect(applyAlarmChange(raised, 'alarm--b', resolved).map((item) => item.id)).toEqual([
      'alarm--a',
    ]);
    expect(applyAlarmChange(raised, 'alarm--a', null).map((item) => item.id)).toEqual(['alarm--b']);
  });

  it('sounds once per alarm and level, and never for level 1', () => {
    const sounded = new Set<string>();
    expect(shouldSound(alarm({ id: 'alarm--a', level: 1 }), sounded)).toBe(false);
    expect(shouldSound(alarm({ id: 'alarm--a', level: 2 }), sounded)).toBe(true);
    expect(shouldSound(alarm({ id: 'alarm--a', level: 2 }), sounded)).toBe(false);
    expect(shouldSound(alarm({ id: 'alarm--a', level: 3 }), sounded)).toBe(true);
    const acknowledged = alarm({ id: 'alarm--b', level: 3, acknowledged: { at: 'x', by: 'y' } });
    expect(shouldSound(acknowledged, sounded)).toBe(false);
  });

  it('accepts a live item only when it looks like an alarm', () => {
    expect(asAlarm(alarm({ id: 'alarm--a' }))?.id).toBe('alarm--a');
    expect(asAlarm({ id: 'alarm--a', level: '2' })).toBeNull();
  });
});
