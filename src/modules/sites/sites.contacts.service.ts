/**
 * Emergency contacts of a site: personal data, kept out of the record body
 * (so out of lists, search, history and federation). Only users of the
 * operator or guard organisation who can read the site read or replace them;
 * whoever cannot read the site learns nothing (not_found), whoever can but is
 * of another organisation is told no (forbidden). Every read is audited as
 * 'personal_data.read'; every replacement as 'site.contacts_changed'.
 */
import { fail, ok, type Result } from '../../core/result.js';
import { inTransaction } from '../../storage/executor.js';
import type { CurrentUser, RequestOrigin } from '../identity/identity.types.js';
import { actorOf, editsForOwnOrganisation } from '../intel/intel.records.js';
import { isOfSiteOrganisations } from './sites.people.service.js';
import { listContacts, replaceContacts, type ContactRow } from './sites.people.repository.js';
import { readSite } from './sites.read.js';
import { SITE_TYPE, type ContactsInput } from './sites.schema.js';
import type { SiteDeps, SiteError } from './sites.service.js';

export interface ContactView {
  name: string;
  role: string;
  phone: string;
  /** Absent when the contact has none. */
  email?: string;
}

const present = (row: Omit<ContactRow, 'site_id' | 'position'>): ContactView => ({
  name: row.name,
  role: row.role,
  phone: row.phone,
  ...(row.email === null ? {} : { email: row.email }),
});

export async function readContacts(
  deps: Pick<SiteDeps, 'db' | 'audit'>,
  siteId: string,
  reader: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<ContactView[], SiteError>> {
  const site = await readSite(deps, siteId, reader);
  if (!site) return fail('not_found');
  if (!isOfSiteOrganisations(reader, site)) return fail('forbidden');
  const rows = await listContacts(deps.db, siteId);
  // Audited before the answer leaves: a read whose entry cannot be written is not answered.
  await deps.audit.record({
    action: 'personal_data.read',
    outcome: 'success',
    actor: actorOf(reader),
    target: { type: SITE_TYPE, id: siteId },
    address: origin?.address,
    requestId: origin?.requestId,
    details: { what: 'site_contacts', count: rows.length },
  });
  return ok(rows.map(present));
}

/**
 * Replaces the list. Beyond belonging to the operator or guard, the writer
 * needs an editing or field role: a viewer reads contacts, it does not keep them.
 */
export async function replaceSiteContacts(
  deps: Pick<SiteDeps, 'db' | 'audit'>,
  siteId: string,
  input: ContactsInput,
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<ContactView[], SiteError>> {
  const site = await readSite(deps, siteId, actor);
  if (!site) return fail('not_found');
  if (!isOfSiteOrganisations(actor, site)) return fail('forbidden');
  if (!editsForOwnOrganisation(actor) && !actor.roles.includes('field')) return fail('forbidden');
  if (site.record.revoked === 1) return fail('revoked');
  const rows = input.contacts.map((c) => ({
    name: c.name,
    role: c.role,
    phone: c.phone,
    email: c.email,
  }));
  await inTransaction(deps.db, async (trx) => {
    await replaceContacts(trx, siteId, rows);
    await deps.audit.record(
      {
        action: 'site.contacts_changed',
        outcome: 'success',
        actor: actorOf(actor),
        target: { type: SITE_TYPE, id: siteId },
        address: origin?.address,
        requestId: origin?.requestId,
        // Never the contacts themselves: the audit log is no place for personal data.
        details: { count: rows.length },
      },
      trx,
    );
  });
  return ok(rows.map(present));
}
