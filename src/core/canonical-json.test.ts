import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('canonical JSON (RFC 8785)', () => {
  it('orders keys by UTF-16 code units, as the RFC’s sorting example does', () => {
    const value = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    const text = canonicalJson(value);
    const order = ['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33'].map((key) =>
      text.indexOf(JSON.stringify(key)),
    );
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('writes numbers as ECMAScript does, and the RFC’s number examples exactly', () => {
    expect(
      canonicalJson([
        JSON.parse('333333333.33333329') as number,
        1e30,
        4.5,
        2e-3,
        0.000000000000000000000000001,
      ]),
    ).toBe('[333333333.3333333,1e+30,4.5,0.002,1e-27]');
    expect(canonicalJson(-0)).toBe('0');
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson({ a: Number.POSITIVE_INFINITY })).toThrow(TypeError);
  });

  it('has no white space, leaves out undefined members, and escapes strings as JSON does', () => {
    const value = { b: [1, { d: true, c: null }], a: 'line\nbreak "quoted"', skipped: undefined };
    expect(canonicalJson(value)).toBe(
      '{"a":"line\\nbreak \\"quoted\\"","b":[1,{"c":null,"d":true}]}',
    );
  });

  it('gives the same text on every call, whatever keys came before (its key cache changes nothing)', () => {
    const value = { z: { y: 1, x: 2 }, 'key with "quotes"': 'v', é: 'accent' };
    const first = canonicalJson(value);
    for (let i = 0; i < 5_000; i += 1) canonicalJson({ [`filler${i}`]: i });
    expect(canonicalJson(value)).toBe(first);
    expect(first).toBe('{"key with \\"quotes\\"":"v","z":{"x":2,"y":1},"é":"accent"}');
  });

  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalJson({ a: 1n })).toThrow(TypeError);
    expect(() => canonicalJson({ a: () => 1 })).toThrow(TypeError);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });
});
