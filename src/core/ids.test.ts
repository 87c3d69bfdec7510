import { describe, expect, it } from 'vitest';
import { idType, isId, newId, timeOrderedUuidGenerator } from './ids.js';

describe('ids', () => {
  it('makes STIX-style ids whose UUIDs are version 4, as STIX identifiers must be', () => {
    const id = newId('incident');
    expect(isId(id, 'incident')).toBe(true);
    expect(idType(id)).toBe('incident');
    const uuid = id.slice('incident--'.length);
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('carries the creation millisecond in its first 48 bits', () => {
    const at = Date.UTC(2031, 0, 2, 3, 4, 5, 678);
    const uuid = timeOrderedUuidGenerator(() => at)();
    expect(parseInt(uuid.slice(0, 8) + uuid.slice(9, 13), 16)).toBe(at);
  });

  it('sorts in creation order, also within one millisecond and across a full counter', () => {
    const next = timeOrderedUuidGenerator(() => Date.UTC(2032, 0, 1));
    const ids = Array.from({ length: 10_000 }, next);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('stays ordered when the clock steps back', () => {
    const times = [2_000, 1_000, 3_000];
    const next = timeOrderedUuidGenerator(() => times.shift() ?? 0);
    const ids = [next(), next(), next()];
    expect([...ids].sort()).toEqual(ids);
  });

  it('refuses a malformed type', () => {
    expect(() => newId('Bad Type')).toThrow();
  });
});
