/**
 * GETs that can be started before anyone asks for them. The map page knows
 * which view the map will open on long before MapLibre has loaded, so it
 * asks for that view's data at once (`startEarly`); when the layer later
 * asks for the same URL, it takes over the answer already on its way
 * (`getOnce`) instead of asking again. An early answer is taken once; an
 * early request that failed is simply asked again.
 */
import { apiRequest, type RequestOptions } from '../../api/client';

type Query = NonNullable<RequestOptions['query']>;

const started = new Map<string, Promise<unknown>>();

function keyOf(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  return `${path}?${params.toString()}`;
}

/** Waits for `promise` unless `signal` aborts first (the request itself carries on). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new DOMException('The wait was aborted.', 'AbortError'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Forgets early answers nobody took (the map opened elsewhere than predicted). */
export function forgetEarly(): void {
  started.clear();
}

export function startEarly(path: string, query: Query): void {
  const request = apiRequest<unknown>('GET', path, { query });
  // Never taken, a failure must not surface as an unhandled rejection.
  request.catch(() => undefined);
  started.set(keyOf(path, query), request);
}

export async function getOnce<T>(path: string, query: Query, signal: AbortSignal): Promise<T> {
  const key = keyOf(path, query);
  const early = started.get(key) as Promise<T> | undefined;
  if (early) {
    started.delete(key);
    try {
      return await untilAborted(early, signal);
    } catch (error) {
      if (signal.aborted) throw error;
      // Fall through: ask again, in the caller's name.
    }
  }
  return apiRequest<T>('GET', path, { query, signal });
}
