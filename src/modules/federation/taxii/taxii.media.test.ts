import { describe, expect, it } from 'vitest';
import { acceptsTaxii, isTaxiiContentType } from './taxii.media.js';

describe('TAXII content negotiation', () => {
  it('accepts an Accept header that allows TAXII 2.1 (or anything)', () => {
    for (const accept of [
      undefined,
      'application/taxii+json;version=2.1',
      'application/taxii+json; version="2.1"',
      'application/taxii+json',
      'text/html, application/taxii+json;version=2.1;q=0.5',
      '*/*',
      'application/*',
    ]) {
      expect(acceptsTaxii(accept), String(accept)).toBe(true);
    }
  });

  it('refuses an Accept header that does not allow TAXII 2.1', () => {
    for (const accept of [
      'application/json',
      'text/html',
      'application/taxii+json;version=2.0',
      'application/taxii+json;version=2.1;q=0',
      'application/stix+json;version=2.1',
    ]) {
      expect(acceptsTaxii(accept), accept).toBe(false);
    }
  });

  it('takes only TAXII 2.1 bodies', () => {
    expect(isTaxiiContentType('application/taxii+json;version=2.1')).toBe(true);
    expect(isTaxiiContentType('application/taxii+json; charset=utf-8; version=2.1')).toBe(true);
    expect(isTaxiiContentType('application/json')).toBe(false);
    expect(isTaxiiContentType('application/taxii+json;version=2.0')).toBe(false);
    expect(isTaxiiContentType(undefined)).toBe(false);
  });
});
