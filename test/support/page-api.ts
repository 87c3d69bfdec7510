/**
 * JSON requests over a browser page's own session (cookie, origin), for
 * browser tests that set a scene through the API. A function, not a string,
 * goes to page.evaluate: the server's CSP forbids eval.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The answer's status and body (an empty body reads as {}). */
export async function pageRequest<T = unknown>(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        headers: { 'Content-Type': 'application/json' },
        // A JSON content type with no body is a parse error for the server: send {} instead.
        ...(method === 'GET' ? {} : { body: JSON.stringify(body ?? {}) }),
      });
      const text = await response.text();
      return { status: response.status, json: (text ? JSON.parse(text) : {}) as T };
    },
    { method, path, body },
  );
}

/** The body of a request that must succeed; the failure message names the request and the answer. */
export async function pageApi<T>(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const answer = await pageRequest<T>(page, method, path, body);
  expect(answer.status, `${method} ${path}: ${JSON.stringify(answer.json)}`).toBeLessThan(300);
  return answer.json;
}
