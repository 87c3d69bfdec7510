import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import type { CheckinInput } from '../../api/movements';
import {
  enqueue,
  isRetryable,
  newClientId,
  QUEUE_KEY,
  queuedFor,
  readQueue,
  replayQueue,
  submitCheckin,
  type QueueStorage,
  type SendCheckin,
} from './checkinQueue';

function memoryStorage(): QueueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const MOVEMENT = 'movement--0190f5a4-0000-7000-8000-000000000001';
const OTHER = 'movement--0190f5a4-0000-7000-8000-000000000002';
const networkDown = () =>
  new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'The server cannot be reached.' });

function checkin(overrides: Partial<CheckinInput> = {}): CheckinInput {
  return {
    clientId: newClientId(),
    recordedAt: '2026-11-28T09:00:00.000Z',
    lat: 34.93,
    lon: 72.88,
    kind: 'interval',
    code: 'ALPHA7',
    ...overrides,
  };
}

/** A node that records check-ins by client id, as the server does (idempotent). */
function fakeNode() {
  const stored = new Map<string, CheckinInput>();
  let online = true;
  const send: SendCheckin = (movementId, input) => {
    if (!online) return Promise.reject(networkDown());
    if (input.code === 'WRONG')
      return Promise.reject(new ApiError({ status: 400, code: 'VALIDATION_FAILED', message: 'x' }));
    stored.set(`${movementId}|${input.clientId}`, input);
    return Promise.resolve({ accepted: true, clientId: input.clientId, nextDueAt: null });
  };
  return {
    send,
    stored,
    setOnline: (value: boolean) => {
      online = value;
    },
  };
}

describe('the field check-in queue', () => {
  it('queues a check-in when the network is down and says how many wait', async () => {
    const storage = memoryStorage();
    const node = fakeNode();
    node.setOnline(false);
    const first = await submitCheckin(storage, node.send, MOVEMENT, checkin(), new Date());
    const second = await submitCheckin(storage, node.send, MOVEMENT, checkin(), new Date());
    expect(first).toEqual({ status: 'queued', waiting: 1 });
    expect(second).toEqual({ status: 'queued', waiting: 2 });
    expect(queuedFor(storage, MOVEMENT)).toHaveLength(2);
    expect(node.stored.size).toBe(0);
  });

  it('replays the queue with the same client ids and creates nothing twice when replayed again', async () => {
    const storage = memoryStorage();
    const node = fakeNode();
    node.setOnline(false);
    const a = checkin();
    const b = checkin();
    await submitCheckin(storage, node.send, MOVEMENT, a, new Date());
    await submitCheckin(storage, node.send, MOVEMENT, b, new Date());
    const snapshot = storage.data.get(QUEUE_KEY);
    node.setOnline(true);

    const first = await replayQueue(storage, node.send);
    expect(first.sent.map((s) => s.item.checkin.clientId)).toEqual([a.clientId, b.clientId]);
    expect(first.remaining).toEqual([]);
    expect(readQueue(storage)).toEqual([]);

    // A second device tab (or a crash before the queue was written) replays the same queue.
    if (snapshot) storage.setItem(QUEUE_KEY, snapshot);
    await replayQueue(storage, node.send);
    expect(node.stored.size).toBe(2);
    expect([...node.stored.keys()]).toEqual([
      `${MOVEMENT}|${a.clientId}`,
      `${MOVEMENT}|${b.clientId}`,
    ]);
  });

  it('stops at the first network failure and keeps the order of what is left', async () => {
    const storage = memoryStorage();
    const a = checkin();
    const b = checkin();
    enqueue(storage, { movementId: MOVEMENT, checkin: a, queuedAt: '2026-11-28T09:00:00.000Z' });
    enqueue(storage, { movementId: MOVEMENT, checkin: b, queuedAt: '2026-11-28T09:01:00.000Z' });
    let calls = 0;
    const flaky: SendCheckin = (_movement, input) => {
      calls += 1;
      return calls === 1
        ? Promise.resolve({ accepted: true, clientId: input.clientId, nextDueAt: null })
        : Promise.reject(networkDown());
    };
    const result = await replayQueue(storage, flaky);
    expect(result.sent).toHaveLength(1);
    expect(result.remaining.map((r) => r.checkin.clientId)).toEqual([b.clientId]);
  });

  it('drops a check-in the node refuses and reports it, without retrying it', async () => {
    const storage = memoryStorage();
    const node = fakeNode();
    enqueue(storage, {
      movementId: MOVEMENT,
      checkin: checkin({ code: 'WRONG' }),
      queuedAt: '2026-11-28T09:00:00.000Z',
    });
    const result = await replayQueue(storage, node.send);
    expect(result.refused).toHaveLength(1);
    expect(readQueue(storage)).toEqual([]);
  });

  it('adds a client id only once and replays only the movement asked for', async () => {
    const storage = memoryStorage();
    const node = fakeNode();
    const a = checkin();
    enqueue(storage, { movementId: MOVEMENT, checkin: a, queuedAt: 'x' });
    enqueue(storage, { movementId: MOVEMENT, checkin: a, queuedAt: 'y' });
    enqueue(storage, { movementId: OTHER, checkin: checkin(), queuedAt: 'z' });
    expect(readQueue(storage)).toHaveLength(2);
    await replayQueue(storage, node.send, MOVEMENT);
    expect(readQueue(storage).map((q) => q.movementId)).toEqual([OTHER]);
  });

  it('ignores a corrupt stored queue instead of failing', () => {
    const storage = memoryStorage();
    storage.setItem(QUEUE_KEY, '{not json');
    expect(readQueue(storage)).toEqual([]);
    storage.setItem(QUEUE_KEY, JSON.stringify([{ nonsense: true }]));
    expect(readQueue(storage)).toEqual([]);
  });

  it('treats only missing answers and gateway failures as retryable', () => {
    expect(isRetryable(networkDown())).toBe(true);
    expect(isRetryable(new TypeError('Failed to fetch'))).toBe(true);
    expect(isRetryable(new ApiError({ status: 503, code: 'HTTP_503', message: '' }))).toBe(true);
    expect(isRetryable(new ApiError({ status: 409, code: 'CHECKIN_REFUSED', message: '' }))).toBe(
      false,
    );
    expect(isRetryable(new ApiError({ status: 400, code: 'VALIDATION_FAILED', message: '' }))).toBe(
      false,
    );
  });
});

describe('client ids', () => {
  it('are version-4 UUIDs, also where randomUUID is missing (plain HTTP)', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(newClientId()).toMatch(uuid);
    const original = crypto.randomUUID.bind(crypto);
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const ids = new Set(Array.from({ length: 50 }, () => newClientId()));
      expect(ids.size).toBe(50);
      for (const id of ids) expect(id).toMatch(uuid);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
  });
});
