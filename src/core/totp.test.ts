import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, totpAt, verifyTotp } from './totp.js';

// RFC 6238 appendix B uses the ASCII secret "12345678901234567890" with SHA-1 and 8 digits.
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));

describe('totp', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
  ])('matches the RFC 6238 test vector at t=%i', (seconds, expected) => {
    expect(totpAt(RFC_SECRET, Math.floor(seconds / 30), 8)).toBe(expected);
  });

  it('round-trips base32', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255]);
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
  });

  it('accepts a code from the previous step and refuses its replay', () => {
    const time = new Date(1_700_000_000_000);
    const counter = Math.floor(time.getTime() / 30_000);
    const code = totpAt(RFC_SECRET, counter - 1);
    expect(verifyTotp(RFC_SECRET, code, time, null)).toBe(counter - 1);
    expect(verifyTotp(RFC_SECRET, code, time, counter - 1)).toBeNull();
  });

  it('refuses a code two steps old and malformed codes', () => {
    const time = new Date(1_700_000_000_000);
    const counter = Math.floor(time.getTime() / 30_000);
    expect(verifyTotp(RFC_SECRET, totpAt(RFC_SECRET, counter - 2), time, null)).toBeNull();
    expect(verifyTotp(RFC_SECRET, '12345', time, null)).toBeNull();
    expect(verifyTotp(RFC_SECRET, 'abcdef', time, null)).toBeNull();
  });
});
