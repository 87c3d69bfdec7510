/**
 * An organisation travels as a STIX identity and comes back as the fields
 * a peer's organisation is stored with; anything else is refused.
 */
import { describe, expect, it } from 'vitest';
import { organisationFromStix, organisationToStix } from './organisation.js';
import type { StixObject } from './stix.types.js';
import { extension, ORG, USER, type Spoil } from './test-support/spoilable.js';

describe('reading an organisation from a peer', () => {
  const organisation = () =>
    JSON.parse(
      JSON.stringify(
        organisationToStix({
          id: ORG,
          name: 'Besham District Police',
          name_folded: 'besham district police',
          country: 'PK',
          kind: 'police',
          local: 1,
          created_at: '2026-11-01T00:00:00.000Z',
          updated_at: '2026-11-02T00:00:00.000Z',
        }),
      ),
    ) as StixObject;
  const ORGANISATION_EXTENSION = 'extension-definition--f349e60b-3d3d-4aab-85b1-0f9993e3fa33';

  it('reads back what it sent', () => {
    expect(organisationFromStix(organisation())).toEqual({
      ok: true,
      value: { id: ORG, name: 'Besham District Police', country: 'PK', kind: 'police' },
    });
  });

  it.each<[string, Spoil, string]>([
    ['a person', (o) => (o.identity_class = 'individual'), 'identity_class'],
    ['an id of another type', (o) => (o.id = USER), 'not an identity id'],
    [
      'no country and kind',
      (o) => delete o.extensions?.[ORGANISATION_EXTENSION],
      'no Tandem organisation extension',
    ],
    ['an unknown kind', (o) => (extension(o, ORGANISATION_EXTENSION).kind = 'cartel'), 'kind'],
    [
      'a country that is no country code',
      (o) => (extension(o, ORGANISATION_EXTENSION).country = 'Pakistan'),
      'country',
    ],
  ])('refuses %s', (_name, spoil, reason) => {
    const object = organisation();
    spoil(object);
    const result = organisationFromStix(object);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(reason);
  });
});
