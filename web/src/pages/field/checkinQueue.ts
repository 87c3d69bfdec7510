/**
 * The field page's offline queue of check-ins. A check-in that could not
 * reach the node for network reasons is kept in the browser's storage and
 * sent again later — with the same client id, so that the node (idempotent
 * by movement and client id) never records it twice, however often the
 * queue is replayed. A refusal by the node is final: the check-in leaves the
 * queue and the page says why. Pure logic over a Storage-like object, so
 * that it is tested without a browser.
 */
import { ApiError, CLIENT_ERROR_CODES } from '../../api/client';
import type { CheckinAnswer, CheckinInput } from '../../api/movements';

export const QUEUE_KEY = 'tandem.field.checkins';

/** The part of the Web Storage API the queue uses (localStorage in the page). */
export type QueueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface QueuedCheckin {
  movementId: string;
  checkin: CheckinInput;
  queuedAt: string;
}

function isQueued(value: unknown): value is QueuedCheckin {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Partial<QueuedCheckin>;
  return (
    typeof item.movementId === 'string' &&
    typeof item.queuedAt === 'string' &&
    typeof item.checkin === 'object' &&
    item.checkin !== null &&
    typeof item.checkin.clientId === 'string'
  );
}

/** The queue as stored; anything unreadable is dropped rather than blocking the page. */
export function readQueue(storage: QueueStorage): QueuedCheckin[] {
  let text: string | null;
  try {
    text = storage.getItem(QUEUE_KEY);
  } catch {
    return []; // storage disabled by policy
  }
  if (!text) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter(isQueued) : [];
  } catch {
    return [];
  }
}

function writeQueue(storage: QueueStorage, queue: readonly QueuedCheckin[]): void {
  try {
    if (queue.length === 0) storage.removeItem(QUEUE_KEY);
    else storage.setItem(QUEUE_KEY, JSON.stringify(queue));
  } catch {
    // Storage full or disabled: the check-in stays on screen as not sent.
  }
}

/** Adds a check-in once (a client id already queued is not added again). */
export function enqueue(storage: QueueStorage, item: QueuedCheckin): QueuedCheckin[] {
  const queue = readQueue(storage);
  if (queue.some((queued) => queued.checkin.clientId === item.checkin.clientId)) return queue;
  const next = [...queue, item];
  writeQueue(storage, next);
  return next;
}

export function removeQueued(storage: QueueStorage, clientId: string): QueuedCheckin[] {
  const next = readQueue(storage).filter((queued) => queued.checkin.clientId !== clientId);
  writeQueue(storage, next);
  return next;
}

export function queuedFor(storage: QueueStorage, movementId: string): QueuedCheckin[] {
  return readQueue(storage).filter((queued) => queued.movementId === movementId);
}

/**
 * Whether a failed send should be kept and tried again: no answer at all,
 * or a gateway or timeout status that a reconnecting device meets. Any
 * other answer is the node's decision and is not retried.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof ApiError) {
    return (
      error.code === CLIENT_ERROR_CODES.network || [0, 408, 502, 503, 504].includes(error.status)
    );
  }
  // fetch rejects with a TypeError when the network is down.
  return error instanceof TypeError;
}

export type SendCheckin = (movementId: string, checkin: CheckinInput) => Promise<CheckinAnswer>;

export interface ReplayResult {
  sent: { item: QueuedCheckin; answer: CheckinAnswer }[];
  refused: { item: QueuedCheckin; error: unknown }[];
  /** Still waiting: the network failed again. */
  remaining: QueuedCheckin[];
}

/**
 * Sends the queued check-ins oldest first. The first network failure stops
 * the replay (the rest keep their order for next time); a sent or refused
 * check-in leaves the queue.
 */
export async function replayQueue(
  storage: QueueStorage,
  send: SendCheckin,
  onlyMovementId?: string,
): Promise<ReplayResult> {
  const result: ReplayResult = { sent: [], refused: [], remaining: [] };
  const pending = readQueue(storage).filter(
    (item) => onlyMovementId === undefined || item.movementId === onlyMovementId,
  );
  for (const item of pending) {
    try {
      const answer = await send(item.movementId, item.checkin);
      removeQueued(storage, item.checkin.clientId);
      result.sent.push({ item, answer });
    } catch (error) {
      if (isRetryable(error)) break;
      removeQueued(storage, item.checkin.clientId);
      result.refused.push({ item, error });
    }
  }
  result.remaining = readQueue(storage).filter(
    (item) => onlyMovementId === undefined || item.movementId === onlyMovementId,
  );
  return result;
}

export type SubmitOutcome =
  | { status: 'sent'; answer: CheckinAnswer }
  | { status: 'queued'; waiting: number }
  | { status: 'refused'; error: unknown };

/** Sends one new check-in; a network failure queues it instead. */
export async function submitCheckin(
  storage: QueueStorage,
  send: SendCheckin,
  movementId: string,
  checkin: CheckinInput,
  now: Date,
): Promise<SubmitOutcome> {
  try {
    return { status: 'sent', answer: await send(movementId, checkin) };
  } catch (error) {
    if (!isRetryable(error)) return { status: 'refused', error };
    const queue = enqueue(storage, { movementId, checkin, queuedAt: now.toISOString() });
    return { status: 'queued', waiting: queue.filter((q) => q.movementId === movementId).length };
  }
}

/**
 * A fresh client id for a new check-in (the node deduplicates by it).
 * `randomUUID` exists only in secure contexts; a node reached over plain
 * HTTP on a local network still gets a version-4 UUID from getRandomValues.
 */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
