import { describe, expect, it } from 'vitest';
import { parseLiveMessage } from './live';

describe('live event data', () => {
  it('reads change, id and item from an event', () => {
    const data = JSON.stringify({ change: 'raised', id: 'alert--1', item: { id: 'alert--1' } });
    expect(parseLiveMessage('alert', data)).toEqual({
      channel: 'alert',
      change: 'raised',
      id: 'alert--1',
      item: { id: 'alert--1' },
    });
  });

  it('ignores data that is not a well-formed message', () => {
    expect(parseLiveMessage('alarm', 'not json')).toBeNull();
    expect(parseLiveMessage('alarm', JSON.stringify({ id: 'alarm--1' }))).toBeNull();
    expect(parseLiveMessage('alarm', JSON.stringify(null))).toBeNull();
    expect(parseLiveMessage('alarm', 42)).toBeNull();
  });

  it('keeps an event without an item, with the item undefined', () => {
    const message = parseLiveMessage(
      'movement',
      JSON.stringify({ change: 'x', id: 'movement--1' }),
    );
    expect(message?.item).toBeUndefined();
  });
});
