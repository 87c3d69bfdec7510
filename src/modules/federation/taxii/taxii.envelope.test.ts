import { describe, expect, it } from 'vitest';
import { objectsArrayTexts } from './json-slices.js';
import { envelopeJson, readEnvelope } from './taxii.envelope.js';
import type { ServedObject } from './taxii.contract.js';

const served = (json: string): ServedObject => ({
  id: 'x--1',
  type: 'x',
  version: '2026-01-01T00:00:00.000Z',
  specVersion: '2.1',
  dateAdded: '2026-11-28T09:00:00.000Z',
  json,
});

describe('TAXII envelopes', () => {
  it('keeps the exact text of every POSTed object: spacing, escapes, number spellings', () => {
    const objects = [
      '{ "id" : "a--1",\n  "n": 1.50, "s": "\\u00e9\\"}]," }',
      '{"nested":{"list":[1,{"x":"]"}],"e":1E+2}}',
      '"just a string"',
      '[]',
      'null',
      '-0.0e-0',
    ];
    const body = `  {"more": false, "objects" :[ ${objects.join(' ,\n')} ] , "x": {"objects": [1]} }`;
    const read = readEnvelope(Buffer.from(body, 'utf8'));
    expect(read.ok && read.value.map((object) => object.json)).toEqual(objects);
    expect(read.ok && read.value[0]?.value).toEqual({ id: 'a--1', n: 1.5, s: 'é"}],' });
  });

  it('counts a repeated objects key once, the last time, like JSON.parse', () => {
    expect(objectsArrayTexts('{"objects":[1,2],"objects":[3]}')).toEqual(['3']);
    expect(objectsArrayTexts('{"objects":[]}')).toEqual([]);
    expect(objectsArrayTexts('{"objects":"no"}')).toBeUndefined();
  });

  it('refuses what is not an envelope', () => {
    for (const body of ['not json', '[]', '{"objects": {}}', '"text"']) {
      expect(readEnvelope(Buffer.from(body)).ok, body).toBe(false);
    }
    const empty = readEnvelope(Buffer.from('{}'));
    expect(empty.ok && empty.value).toEqual([]);
  });

  it('splices served objects into the envelope and leaves objects out of an empty page', () => {
    expect(envelopeJson({ objects: [], more: false })).toBe('{"more":false}');
    const text = envelopeJson({
      objects: [served('{"b":1,"a":2}'), served('{"z" : 0}')],
      more: true,
      next: 'abc',
    });
    expect(text).toBe('{"more":true,"next":"abc","objects":[{"b":1,"a":2},{"z" : 0}]}');
    expect(JSON.parse(text)).toEqual({
      more: true,
      next: 'abc',
      objects: [{ b: 1, a: 2 }, { z: 0 }],
    });
  });
});
