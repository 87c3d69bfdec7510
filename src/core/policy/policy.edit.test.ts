/**
 * canEdit by example: the editing roles of the originating organisation edit
 * its records, recipients and other roles never do, an inactive user cannot,
 * and a TLP:RED record is edited only by its author and named analysts of the
 * originator.
 */
import { describe, expect, it } from 'vitest';
import { canEdit } from './index.js';
import {
  AUTHOR,
  buildReader,
  buildRecord,
  NAMED,
  PARTNER,
  UNNAMED,
} from './test-support/fixtures.js';

describe('canEdit', () => {
  it.each(['analyst', 'duty_officer', 'org_admin'] as const)(
    'lets a %s of the originating organisation edit its record',
    (role) => expect(canEdit(buildReader({ roles: [role] }), buildRecord())).toBe(true),
  );

  it.each(['viewer', 'field', 'liaison', 'node_admin'] as const)(
    'refuses a %s of the originating organisation',
    (role) => expect(canEdit(buildReader({ roles: [role] }), buildRecord())).toBe(false),
  );

  it('lets a node_admin edit only when also holding an editing role in the originator', () => {
    const record = buildRecord();
    expect(canEdit(buildReader({ roles: ['node_admin', 'analyst'] }), record)).toBe(true);
    const elsewhere = buildReader({ orgId: PARTNER, roles: ['node_admin', 'analyst'] });
    expect(canEdit(elsewhere, buildRecord({ releasable_to: [PARTNER] }))).toBe(false);
  });

  it('refuses an org_admin of a listed organisation: recipients never edit', () => {
    const record = buildRecord({ releasable_to: [PARTNER] });
    expect(canEdit(buildReader({ orgId: PARTNER, roles: ['org_admin'] }), record)).toBe(false);
  });

  it('refuses an inactive analyst of the originating organisation', () => {
    expect(canEdit(buildReader({ active: false }), buildRecord())).toBe(false);
  });

  it("lets the originator's duty officer repair a record with a broken marking", () => {
    const record = buildRecord({ marking: 'TLP:WHITE' });
    expect(canEdit(buildReader({ roles: ['duty_officer'] }), record)).toBe(true);
  });

  it('lets no one edit a record whose originator is malformed', () => {
    expect(canEdit(buildReader({ orgId: 'ACME' }), buildRecord({ created_by: 'ACME' }))).toBe(
      false,
    );
  });

  it('lets the author and named analysts of the originator edit a TLP:RED record, no one else', () => {
    const record = buildRecord({ marking: 'TLP:RED', releasable_to: [NAMED] });
    expect(canEdit(buildReader({ userId: AUTHOR }), record)).toBe(true);
    expect(canEdit(buildReader({ userId: NAMED }), record)).toBe(true);
    expect(canEdit(buildReader({ userId: NAMED, orgId: PARTNER }), record)).toBe(false);
    expect(canEdit(buildReader({ userId: UNNAMED, roles: ['org_admin'] }), record)).toBe(false);
  });
});
