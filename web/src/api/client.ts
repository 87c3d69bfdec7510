/**
 * The one HTTP client of the web shell. It speaks JSON to the same origin
 * (session cookies are HttpOnly and travel by themselves), sends
 * `Content-Type: application/json` on every unsafe method as the server's
 * origin check requires, and turns every failure into an `ApiError` carrying
 * the server's stable code, safe message and per-field issues.
 */

export interface ApiIssue {
  path: string;
  /** The server's English text. */
  message: string;
  /** zod's issue code (too_small, invalid_value, …) and its limits, for a translated message. */
  code?: string;
  params?: Record<string, unknown>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: readonly ApiIssue[];
  readonly requestId: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    issues?: readonly ApiIssue[];
    requestId?: string | undefined;
    retryAfterSeconds?: number | undefined;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.issues = init.issues ?? [];
    this.requestId = init.requestId;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

/** Codes the client makes up itself when there is no server answer to read. */
export const CLIENT_ERROR_CODES = {
  network: 'NETWORK_ERROR',
  unreadable: 'UNREADABLE_RESPONSE',
} as const;

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

type UnauthorizedListener = (error: ApiError) => void;
let unauthorizedListener: UnauthorizedListener | null = null;

/** Called when a signed-in request is answered 401, i.e. the session ended. */
export function onSessionExpired(listener: UnauthorizedListener | null): void {
  unauthorizedListener = listener;
}

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | null | undefined>;
  signal?: AbortSignal;
  /** Auth endpoints answer 401 as a normal outcome; do not treat it as an expired session. */
  expectUnauthorized?: boolean;
}

export async function apiRequest<T>(
  method: Method,
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: string | undefined;
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    // A JSON content type with an empty body is a parse error for the server; send an empty object.
    body = JSON.stringify(options.body ?? {});
  }
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      cache: 'no-store',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({
      status: 0,
      code: CLIENT_ERROR_CODES.network,
      message: 'The server cannot be reached.',
    });
  }
  if (response.ok) return readSuccess<T>(response);
  const error = await readError(response);
  if (error.status === 401 && !options.expectUnauthorized) unauthorizedListener?.(error);
  throw error;
}

export type ExportFormat = 'csv' | 'geojson';

/** `/api/things/export.csv?…`: a list's export, for a download link. */
export function exportUrl(
  listPath: string,
  query: RequestOptions['query'],
  format: ExportFormat,
): string {
  return withQuery(`${listPath}/export.${format}`, query);
}

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}

async function readSuccess<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (text === '') return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError({
      status: response.status,
      code: CLIENT_ERROR_CODES.unreadable,
      message: 'The server sent an answer that could not be read.',
    });
  }
}

async function readError(response: Response): Promise<ApiError> {
  const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
  const base = {
    status: response.status,
    retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : undefined,
  };
  let payload: unknown;
  try {
    payload = await response.json();
  } catch {
    payload = undefined;
  }
  const error = isRecord(payload) ? payload.error : undefined;
  if (isRecord(error) && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError({
      ...base,
      code: error.code,
      message: error.message,
      requestId: typeof error.requestId === 'string' ? error.requestId : undefined,
      issues: Array.isArray(error.issues) ? error.issues.filter(isIssue) : [],
    });
  }
  return new ApiError({
    ...base,
    code: `HTTP_${response.status}`,
    message: response.statusText || 'Request failed.',
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isIssue(value: unknown): value is ApiIssue {
  return isRecord(value) && typeof value.path === 'string' && typeof value.message === 'string';
}
