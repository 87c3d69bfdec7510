import { describe, expect, it } from 'vitest';
import { mapStateFromSearch, searchFromMapState } from './mapState';
import { presetOf, presetRange, rangeInstants, sliderDomain, yearsBefore } from './timeRange';

describe('the map time range', () => {
  it('counts today as one of a preset range’s days', () => {
    expect(presetRange('days30', '2026-11-28')).toEqual({ from: '2026-10-30', to: '2026-11-28' });
    expect(presetRange('year', '2026-11-28')).toEqual({ from: '2025-11-29', to: '2026-11-28' });
    expect(presetRange('all', '2026-11-28')).toEqual({ from: undefined, to: undefined });
    expect(presetOf({ from: '2026-08-31', to: '2026-11-28' }, '2026-11-28')).toBe('days90');
    expect(presetOf({ from: '2026-08-30', to: '2026-11-28' }, '2026-11-28')).toBeUndefined();
  });

  it('moves 29 February back to the 28th a year earlier', () => {
    expect(yearsBefore('2028-02-29', 1)).toBe('2027-02-28');
  });

  it('reaches back ten years, or to the range’s own start', () => {
    expect(sliderDomain({ from: '2020-01-01', to: undefined }, '2026-11-28')).toEqual({
      start: '2016-01-01',
      end: '2026-11-28',
    });
    expect(sliderDomain({ from: '2001-05-01', to: '2027-01-01' }, '2026-11-28')).toEqual({
      start: '2001-05-01',
      end: '2027-01-01',
    });
  });

  it('includes the whole last day when asking for threat validity', () => {
    expect(rangeInstants({ from: '2026-01-01', to: '2026-01-31' })).toEqual({
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-01-31T23:59:59.999Z',
    });
    expect(rangeInstants({ from: undefined, to: undefined })).toEqual({});
  });
});

describe('the map state in the address', () => {
  const today = '2026-11-28';

  it('round-trips a view, leaving defaults out', () => {
    const state = mapStateFromSearch(
      '?lat=34.9200&lon=72.8700&z=9.50&from=2026-01-01&to=2026-06-30&layers=threats&eventType=Battles&colour=marking',
      today,
    );
    expect(state).toEqual({
      camera: { lat: 34.92, lon: 72.87, zoom: 9.5 },
      range: { from: '2026-01-01', to: '2026-06-30' },
      layers: { incidents: false, threats: true },
      eventType: 'Battles',
      threatColouring: 'marking',
    });
    expect(mapStateFromSearch(searchFromMapState(state, today), today)).toEqual(state);
    expect(searchFromMapState(mapStateFromSearch('', today), today)).toBe('');
  });

  it('falls back to defaults for anything unreadable, and reads a backwards range as meant', () => {
    const state = mapStateFromSearch(
      '?lat=95&lon=72&z=9&from=2026-13-40&eventType=Skirmish&colour=rainbow',
      today,
    );
    expect(state.camera).toBeUndefined();
    expect(state.range).toEqual(presetRange('year', today));
    expect(state.eventType).toBeUndefined();
    expect(state.threatColouring).toBe('grading');
    expect(mapStateFromSearch('?from=2026-06-30&to=2026-01-01', today).range).toEqual({
      from: '2026-01-01',
      to: '2026-06-30',
    });
  });
});
