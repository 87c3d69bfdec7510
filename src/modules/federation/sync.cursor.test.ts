/**
 * Where the next pull starts: after the last version taken, moved back to
 * cover versions the peer stamped earlier but had not committed when the
 * previous pull began, and to re-ask a timestamp a pull left half-taken.
 */
import { describe, expect, it } from 'vitest';
import { addedAfterFor, SETTLE_MS } from './sync.service.js';

describe('the pull cursor', () => {
  it('starts from the beginning when nothing was ever pulled', () => {
    expect(addedAfterFor(undefined)).toBeUndefined();
  });

  it('asks after the last version taken when that is older than the settle window', () => {
    expect(
      addedAfterFor({ added: '2026-11-28T08:00:00.000Z', servedAt: '2026-11-28T09:00:00.000Z' }),
    ).toBe('2026-11-28T08:00:00.000Z');
  });

  it('moves back to the settle window before the previous pull when it took recent versions', () => {
    const servedAt = '2026-11-28T09:00:00.000Z';
    expect(addedAfterFor({ added: '2026-11-28T08:59:59.000Z', servedAt })).toBe(
      new Date(Date.parse(servedAt) - SETTLE_MS).toISOString(),
    );
  });

  it('re-asks the last timestamp when the pull stopped before its last page', () => {
    expect(
      addedAfterFor({
        added: '2026-11-28T08:00:00.000Z',
        servedAt: '2026-11-28T09:00:00.000Z',
        partial: true,
      }),
    ).toBe('2026-11-28T07:59:59.999Z');
  });
});
