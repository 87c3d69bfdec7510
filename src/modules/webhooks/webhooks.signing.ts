/**
 * How a receiver knows a delivery came from this node and was not replayed
 * long after: X-Tandem-Signature is `sha256=<hex HMAC-SHA256(secret,
 * timestamp + "." + body)>` over the exact bytes sent, with the timestamp
 * (unix seconds) in X-Tandem-Timestamp, so a receiver can refuse old ones.
 */
import { createHmac } from 'node:crypto';
import { constantTimeEqual } from '../../core/secrets.js';

export function signatureOf(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
  return `sha256=${mac}`;
}

export function deliveryHeaders(
  delivery: { id: string; secret: string },
  timestamp: number,
  body: string,
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': 'Tandem-Webhooks/1',
    'x-tandem-event': 'alert',
    'x-tandem-delivery': delivery.id,
    'x-tandem-timestamp': String(timestamp),
    'x-tandem-signature': signatureOf(delivery.secret, timestamp, body),
  };
}

/** What a receiver does (and the tests do): recompute and compare in constant time. */
export function verifySignature(
  secret: string,
  timestamp: string,
  body: string,
  signature: string,
): boolean {
  const seconds = Number(timestamp);
  return (
    Number.isInteger(seconds) && constantTimeEqual(signatureOf(secret, seconds, body), signature)
  );
}
