import { describe, expect, it } from 'vitest';
import { MAX_PAGE_SIZE, readObjectQuery } from './taxii.query.js';

describe('TAXII object query parameters', () => {
  it('defaults to the last version of every object', () => {
    const read = readObjectQuery({});
    expect(read.ok && read.value).toEqual({ limit: 1000, version: { kind: 'last' } });
  });

  it('reads comma-separated and repeated match values, and normalises added_after', () => {
    const read = readObjectQuery({
      added_after: '2026-11-28T09:00:00Z',
      limit: '25',
      'match[type]': ['indicator,malware', 'indicator'],
      'match[id]': 'indicator--1,indicator--2',
      'match[version]': '2026-01-01T00:00:00.000Z,2026-02-01T00:00:00Z',
      'match[spec_version]': '2.1',
    });
    expect(read.ok && read.value).toEqual({
      addedAfter: '2026-11-28T09:00:00.000Z',
      limit: 25,
      ids: ['indicator--1', 'indicator--2'],
      types: ['indicator', 'malware'],
      specVersions: ['2.1'],
      version: { kind: 'at', versions: ['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00Z'] },
    });
  });

  it('caps a large limit and refuses a bad one', () => {
    const capped = readObjectQuery({ limit: '50000' });
    expect(capped.ok && capped.value.limit).toBe(MAX_PAGE_SIZE);
    expect(readObjectQuery({ limit: '0' }).ok).toBe(false);
    expect(readObjectQuery({ limit: 'ten' }).ok).toBe(false);
    expect(readObjectQuery({ limit: ['1', '2'] }).ok).toBe(false);
  });

  it('reads first, last and all, and refuses what it cannot answer', () => {
    const kind = (value: string) => {
      const read = readObjectQuery({ 'match[version]': value });
      return read.ok ? read.value.version.kind : read.error;
    };
    expect(kind('first')).toBe('first');
    expect(kind('last')).toBe('last');
    expect(kind('all')).toBe('all');
    expect(kind('first,all')).toBe('all');
    expect(kind('yesterday')).toMatch(/match\[version\]/);
    expect(kind('first,last')).toMatch(/match\[version\]/);
    expect(readObjectQuery({ added_after: 'last week' }).ok).toBe(false);
  });

  it('uses the object id of the path and every version on the versions endpoint', () => {
    const read = readObjectQuery(
      { 'match[id]': 'other--x', 'match[version]': 'first' },
      { objectId: 'indicator--1', allVersions: true },
    );
    expect(read.ok && read.value.ids).toEqual(['indicator--1']);
    expect(read.ok && read.value.version).toEqual({ kind: 'all' });
  });
});
