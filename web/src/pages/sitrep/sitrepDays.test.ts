import { describe, expect, it } from 'vitest';
import { triangleImage } from './mapSymbols';
import { boundsOf, dayFromSearch, isCalendarDay, shiftDay, utcToday } from './sitrepDays';

describe('situation report days', () => {
  it('accepts only real calendar days written YYYY-MM-DD', () => {
    expect(isCalendarDay('2026-11-28')).toBe(true);
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2026-02-31')).toBe(false);
    expect(isCalendarDay('2026-1-5')).toBe(false);
    expect(isCalendarDay('2026-11-28T00:00:00Z')).toBe(false);
    expect(isCalendarDay('')).toBe(false);
  });

  it('reads the day from the address and ignores anything else', () => {
    expect(dayFromSearch('?date=2026-11-28')).toBe('2026-11-28');
    expect(dayFromSearch('?date=2026-13-01')).toBeUndefined();
    expect(dayFromSearch('?date=yesterday')).toBeUndefined();
    expect(dayFromSearch('')).toBeUndefined();
  });

  it('steps across month, year and leap-day boundaries in UTC', () => {
    expect(shiftDay('2026-03-01', -1)).toBe('2026-02-28');
    expect(shiftDay('2024-02-28', 1)).toBe('2024-02-29');
    expect(shiftDay('2025-12-31', 1)).toBe('2026-01-01');
    expect(shiftDay('2026-01-01', -7)).toBe('2025-12-25');
  });

  it('takes today from the UTC calendar, not the local one', () => {
    expect(utcToday(new Date('2026-11-28T23:30:00-05:00'))).toBe('2026-11-29');
    expect(utcToday(new Date('2026-11-28T00:30:00+05:00'))).toBe('2026-11-27');
  });

  it('frames the finite points and nothing when there are none', () => {
    expect(boundsOf([])).toBeNull();
    expect(boundsOf([[Number.NaN, 3]])).toBeNull();
    expect(
      boundsOf([
        [73.29, 35.29],
        [67.17, 24.89],
        [Number.POSITIVE_INFINITY, 0],
      ]),
    ).toEqual({ west: 67.17, south: 24.89, east: 73.29, north: 35.29 });
  });
});

describe('the threat triangle for the report map', () => {
  const size = 16;
  const image = triangleImage(size, '#8a5a00');
  const pixel = (x: number, y: number) =>
    Array.from(image.data.slice((y * size + x) * 4, (y * size + x) * 4 + 4));

  it('is filled in the middle, rimmed in white and transparent in the top corners', () => {
    expect(image.data.length).toBe(size * size * 4);
    expect(pixel(8, 11)).toEqual([0x8a, 0x5a, 0x00, 255]);
    expect(pixel(8, 15)).toEqual([255, 255, 255, 255]);
    expect(pixel(0, 0)).toEqual([0, 0, 0, 0]);
    expect(pixel(15, 0)).toEqual([0, 0, 0, 0]);
  });

  it('points up: its top row is narrower than its bottom row', () => {
    const opaque = (y: number) =>
      Array.from({ length: size }, (_, x) => pixel(x, y)[3]).filter((a) => a === 255).length;
    expect(opaque(1)).toBeLessThan(opaque(14));
    expect(opaque(14)).toBeGreaterThan(size / 2);
  });
});
