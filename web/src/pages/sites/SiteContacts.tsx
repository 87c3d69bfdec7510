/**
 * A site's emergency contacts: personal data, shown only to the operator and
 * guard organisations. They load only when the user opens this tab (and
 * asks), because the server records every read in the audit log; the page
 * says so before the read. The same users may correct the list.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { saveSiteContacts, siteContacts, type Site, type SiteContact } from '../../api/sites';
import { AuditedOnDemand } from '../../components/personal-data/AuditedOnDemand';
import { TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { describeError } from '../../i18n/errors';

const MAX_CONTACTS = 20;

export function SiteContacts({ site }: { site: Site }) {
  const { t } = useTranslation();
  return (
    <AuditedOnDemand<SiteContact[]>
      headingId="site-contacts-heading"
      title={t('sites.contacts.title')}
      auditedNote={t('sites.contacts.audited')}
      showLabel={t('sites.contacts.show')}
      editLabel={t('sites.contacts.edit')}
      mayEdit={!site.revoked}
      load={() => siteContacts(site.id)}
      view={(contacts) =>
        contacts.length === 0 ? (
          <p className="cell-muted">{t('sites.contacts.none')}</p>
        ) : (
          <table className="table table-dense" data-testid="site-contacts">
            <caption className="visually-hidden">{t('sites.contacts.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sites.contacts.name')}</th>
                <th scope="col">{t('sites.contacts.role')}</th>
                <th scope="col">{t('sites.contacts.phone')}</th>
                <th scope="col">{t('sites.contacts.email')}</th>
              </tr>
            </thead>
            <tbody>
              {contacts.map((contact, index) => (
                <tr key={index}>
                  <td dir="auto">{contact.name}</td>
                  <td dir="auto">{contact.role}</td>
                  <td dir="ltr">
                    <a href={`tel:${contact.phone.replace(/[^+0-9]/g, '')}`}>{contact.phone}</a>
                  </td>
                  <td dir="ltr">{contact.email ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      }
      form={(contacts, done) => <ContactsForm site={site} initial={contacts} onDone={done} />}
    />
  );
}

function ContactsForm({
  site,
  initial,
  onDone,
}: {
  site: Site;
  initial: SiteContact[];
  onDone: (saved: SiteContact[] | null) => void;
}) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<SiteContact[]>(
    initial.length > 0 ? initial : [{ name: '', role: '', phone: '' }],
  );
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const set = (index: number, change: Partial<SiteContact>) =>
    setRows(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    setSaving(true);
    setError(null);
    const contacts = rows
      .filter((row) => row.name.trim() || row.role.trim() || row.phone.trim())
      .map((row) => ({
        name: row.name.trim(),
        role: row.role.trim(),
        phone: row.phone.trim(),
        ...(row.email?.trim() ? { email: row.email.trim() } : {}),
      }));
    try {
      await saveSiteContacts(site.id, contacts);
      onDone(contacts);
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      className="form"
      onSubmit={(event) => void save(event)}
      aria-label={t('sites.contacts.edit')}
    >
      {rows.map((row, index) => (
        <fieldset key={index} className="form-section prot-fieldset">
          <legend>{t('sites.contacts.number', { number: index + 1 })}</legend>
          <div className="form-row form-row-2">
            <TextField
              label={t('sites.contacts.name')}
              value={row.name}
              onValueChange={(name) => set(index, { name })}
              dir="auto"
            />
            <TextField
              label={t('sites.contacts.role')}
              value={row.role}
              onValueChange={(role) => set(index, { role })}
              dir="auto"
            />
            <TextField
              label={t('sites.contacts.phone')}
              type="tel"
              value={row.phone}
              onValueChange={(phone) => set(index, { phone })}
              dir="ltr"
            />
            <TextField
              label={t('sites.contacts.email')}
              type="email"
              value={row.email ?? ''}
              onValueChange={(email) => set(index, { email })}
              dir="ltr"
            />
          </div>
          <button
            type="button"
            className="button button-link"
            onClick={() => setRows(rows.filter((_, i) => i !== index))}
          >
            {t('sites.contacts.remove')}
          </button>
        </fieldset>
      ))}
      {error ? <Notice tone="error">{describeError(error, t)}</Notice> : null}
      <div className="form-row-buttons">
        <button
          type="button"
          className="button button-secondary"
          disabled={rows.length >= MAX_CONTACTS}
          onClick={() => setRows([...rows, { name: '', role: '', phone: '' }])}
        >
          {t('sites.contacts.add')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
