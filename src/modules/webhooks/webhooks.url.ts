/**
 * Which addresses a webhook may post to: https anywhere, plain http only to
 * this machine (a local relay or a test receiver), never with credentials in
 * the URL (they would be shown in every list and log). Pure; the routes turn
 * a refusal into WEBHOOK_URL_REFUSED.
 */
import { isIP } from 'node:net';

export type WebhookUrlProblem = 'not_a_url' | 'scheme' | 'credentials' | 'http_not_loopback';

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.split('.')[0] === '127';
  if (isIP(host) === 6) return host === '::1';
  return false;
}

/** The normalised URL, or why it is refused. */
export function checkWebhookUrl(
  text: string,
): { ok: true; url: string } | { ok: false; problem: WebhookUrlProblem } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: 'not_a_url' };
  }
  if (url.username !== '' || url.password !== '') return { ok: false, problem: 'credentials' };
  if (url.protocol === 'https:') return { ok: true, url: url.href };
  if (url.protocol !== 'http:') return { ok: false, problem: 'scheme' };
  if (!isLoopback(url.hostname)) return { ok: false, problem: 'http_not_loopback' };
  return { ok: true, url: url.href };
}
