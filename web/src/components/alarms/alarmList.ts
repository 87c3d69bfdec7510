/**
 * Which alarms the shell's banner shows and when it sounds, pure. The
 * operations room lists every unresolved alarm (acknowledged ones say so);
 * the banner shows the open ones (neither acknowledged nor resolved) of
 * level 2 or 3, highest level first, then newest; level-1 alarms appear
 * only in the operations room. A sound plays once per alarm and level as it
 * arrives live (a page load does not sound for alarms already known).
 */
import type { Alarm } from '../../api/alarms';

export const BANNER_MIN_LEVEL = 2;

/** The movement has not checked in again (or arrived) since: the alarm still stands. */
export function isUnresolved(alarm: Alarm): boolean {
  return alarm.resolvedAt === null;
}

/** Unresolved and nobody has taken it on yet. */
export function isOpenAlarm(alarm: Alarm): boolean {
  return alarm.acknowledged === null && isUnresolved(alarm);
}

function byLevelThenNewest(a: Alarm, b: Alarm): number {
  if (a.level !== b.level) return b.level - a.level;
  const at = (alarm: Alarm) => alarm.escalatedAt ?? alarm.raisedAt;
  if (at(a) !== at(b)) return at(a) < at(b) ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * Unresolved alarms: open ones first, then by level (highest first), then
 * the most recently raised or escalated.
 */
export function sortAlarms(alarms: readonly Alarm[]): Alarm[] {
  return alarms
    .filter(isUnresolved)
    .sort((a, b) => Number(isOpenAlarm(b)) - Number(isOpenAlarm(a)) || byLevelThenNewest(a, b));
}

export function bannerAlarms(alarms: readonly Alarm[]): Alarm[] {
  return sortAlarms(
    alarms.filter((alarm) => isOpenAlarm(alarm) && alarm.level >= BANNER_MIN_LEVEL),
  );
}

/** The list after a live event: the alarm as the reader now sees it, or gone when the server sent none. */
export function applyAlarmChange(list: readonly Alarm[], id: string, alarm: Alarm | null): Alarm[] {
  const rest = list.filter((item) => item.id !== id);
  return alarm && isUnresolved(alarm) ? [alarm, ...rest] : rest;
}

/** The key under which an alarm at its level has sounded; null when it should not sound. */
export function soundKey(alarm: Alarm): string | null {
  return isOpenAlarm(alarm) && alarm.level >= BANNER_MIN_LEVEL
    ? `${alarm.id}@${alarm.level}`
    : null;
}

/** Whether this arrival sounds now; remembers it so that it sounds once. */
export function shouldSound(alarm: Alarm, sounded: Set<string>): boolean {
  const key = soundKey(alarm);
  if (key === null || sounded.has(key)) return false;
  sounded.add(key);
  return true;
}

/** A live event's item as an alarm, when it looks like one. */
export function asAlarm(item: unknown): Alarm | null {
  if (typeof item !== 'object' || item === null) return null;
  const candidate = item as Partial<Alarm>;
  return typeof candidate.id === 'string' &&
    typeof candidate.level === 'number' &&
    typeof candidate.raisedAt === 'string' &&
    typeof candidate.movement === 'object'
    ? (candidate as Alarm)
    : null;
}
