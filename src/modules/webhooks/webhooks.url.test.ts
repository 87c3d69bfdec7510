/**
 * Which webhook addresses are accepted (https anywhere, http only to this
 * machine, never credentials) and how deliveries are signed.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkWebhookUrl } from './webhooks.url.js';
import { deliveryHeaders, signatureOf, verifySignature } from './webhooks.signing.js';

describe('webhook addresses', () => {
  it.each([
    'https://hooks.example.org/tandem',
    'https://10.1.2.3:8443/in',
    'http://127.0.0.1:9000/hook',
    'http://127.8.9.10/hook',
    'http://localhost/hook',
    'http://[::1]:8080/hook',
  ])('accepts %s', (url) => {
    expect(checkWebhookUrl(url).ok).toBe(true);
  });

  it.each([
    ['http://hooks.example.org/tandem', 'http_not_loopback'],
    ['http://10.0.0.5/hook', 'http_not_loopback'],
    ['http://localhost.example.org/hook', 'http_not_loopback'],
    ['http://128.0.0.1/hook', 'http_not_loopback'],
    ['https://user:pass@hooks.example.org/', 'credentials'],
    ['https://token@hooks.example.org/', 'credentials'],
    ['ftp://hooks.example.org/', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['hooks.example.org/tandem', 'not_a_url'],
  ])('refuses %s (%s)', (url, problem) => {
    expect(checkWebhookUrl(url)).toEqual({ ok: false, problem });
  });
});

describe('delivery signatures', () => {
  const secret = 'whsec_test';
  const body = '{"id":"alert--1"}';

  it('signs timestamp "." body with HMAC-SHA256 of the secret, as hex', () => {
    const expected = createHmac('sha256', secret).update(`1764320400.${body}`).digest('hex');
    expect(signatureOf(secret, 1764320400, body)).toBe(`sha256=${expected}`);
    const headers = deliveryHeaders({ id: 'webhook-delivery--1', secret }, 1764320400, body);
    expect(headers).toMatchObject({
      'x-tandem-event': 'alert',
      'x-tandem-delivery': 'webhook-delivery--1',
      'x-tandem-timestamp': '1764320400',
      'x-tandem-signature': `sha256=${expected}`,
    });
  });

  it('fails verification for another body, timestamp or secret', () => {
    const signature = signatureOf(secret, 100, body);
    expect(verifySignature(secret, '100', body, signature)).toBe(true);
    expect(verifySignature(secret, '101', body, signature)).toBe(false);
    expect(verifySignature(secret, '100', `${body} `, signature)).toBe(false);
    expect(verifySignature('whsec_other', '100', body, signature)).toBe(false);
  });
});
