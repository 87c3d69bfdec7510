/**
 * An organisation (identity module: not a shareable record) as a STIX
 * `identity` of class organization, its country and kind in the Tandem
 * organisation extension; and back, as the fields a peer's organisation is
 * stored with (organisations.repository.ts upsertRemoteOrganisation). The
 * directory of organisations is what every organisation of the community
 * needs to read a release list, hence TLP:GREEN. Whether a peer may speak
 * for an organisation is the receiver's check, not this one.
 */
import { z } from 'zod';
import { fail, ok, type Result } from '../../../core/result.js';
import { organisationInputSchema } from '../../identity/identity.schema.js';
import type { OrganisationRow } from '../../identity/organisations.repository.js';
import { neverThrows, propertyExtension, reasonOf, stixTimestamp } from './envelope.js';
import { ORGANISATION_EXTENSION } from './extension-definitions.js';
import { markingRefsOf } from './markings.js';
import type { StixObject } from './stix.types.js';

export interface ReceivedOrganisation {
  id: string;
  name: string;
  country: string;
  kind: string;
}

export function organisationToStix(row: OrganisationRow): StixObject {
  return {
    type: 'identity',
    spec_version: '2.1',
    id: row.id,
    created: row.created_at,
    modified: row.updated_at,
    name: row.name,
    identity_class: 'organization',
    object_marking_refs: markingRefsOf('TLP:GREEN'),
    extensions: {
      [ORGANISATION_EXTENSION]: {
        extension_type: 'property-extension',
        country: row.country,
        kind: row.kind,
      },
    },
  };
}

const identitySchema = z.object({
  type: z.literal('identity'),
  spec_version: z.literal('2.1'),
  id: z
    .string()
    .regex(
      /^identity--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      'not an identity id',
    ),
  created: stixTimestamp,
  modified: stixTimestamp,
  identity_class: z.literal('organization'),
});

export function organisationFromStix(object: StixObject): Result<ReceivedOrganisation, string> {
  return neverThrows(() => {
    const identity = identitySchema.safeParse(object);
    if (!identity.success) return fail(reasonOf(identity.error));
    const extension = propertyExtension(object, ORGANISATION_EXTENSION);
    if (extension === undefined) return fail('no Tandem organisation extension');
    const fields = organisationInputSchema.safeParse({
      name: object.name,
      country: extension.country,
      kind: extension.kind,
    });
    if (!fields.success) return fail(reasonOf(fields.error));
    return ok({ id: identity.data.id, ...fields.data });
  });
}
