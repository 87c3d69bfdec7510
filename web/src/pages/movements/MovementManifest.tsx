/**
 * The named passenger manifest: personal data, for the requester and escort
 * organisations only. It loads only when asked for, because the server
 * records every read in the audit log (the page says so first); the
 * requester's editors may replace it.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  movementManifest,
  saveManifest,
  type ManifestPerson,
  type Movement,
} from '../../api/movements';
import { AuditedOnDemand } from '../../components/personal-data/AuditedOnDemand';
import { TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { currentLocale } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { countryName, countryOptions } from '../../lib/countries';

const MAX_PEOPLE = 100;

export function MovementManifest({ movement, mayEdit }: { movement: Movement; mayEdit: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <AuditedOnDemand<ManifestPerson[]>
      headingId="manifest-heading"
      title={t('movements.manifest.title')}
      auditedNote={t('movements.manifest.audited')}
      showLabel={t('movements.manifest.show')}
      editLabel={t('movements.manifest.edit')}
      mayEdit={mayEdit}
      load={() => movementManifest(movement.id)}
      view={(people) =>
        people.length === 0 ? (
          <p className="cell-muted">{t('movements.manifest.none')}</p>
        ) : (
          <table className="table table-dense" data-testid="manifest">
            <caption className="visually-hidden">{t('movements.manifest.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('movements.manifest.fullName')}</th>
                <th scope="col">{t('movements.manifest.nationality')}</th>
                <th scope="col">{t('movements.manifest.role')}</th>
                <th scope="col">{t('movements.manifest.document')}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((person, index) => (
                <tr key={index}>
                  <td dir="auto">{person.fullName}</td>
                  <td>{countryName(person.nationality, locale)}</td>
                  <td dir="auto">{person.role}</td>
                  <td dir="ltr">{person.documentNumber ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      }
      form={(people, done) => (
        <ManifestForm movementId={movement.id} initial={people} onDone={done} />
      )}
    />
  );
}

function ManifestForm({
  movementId,
  initial,
  onDone,
}: {
  movementId: string;
  initial: ManifestPerson[];
  onDone: (people: ManifestPerson[] | null) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const blank = (): ManifestPerson => ({ fullName: '', nationality: 'CN', role: '' });
  const [rows, setRows] = useState<ManifestPerson[]>(initial.length > 0 ? initial : [blank()]);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const set = (index: number, change: Partial<ManifestPerson>) =>
    setRows(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    setSaving(true);
    setError(null);
    const people = rows
      .filter((row) => row.fullName.trim() || row.role.trim())
      .map((row) => ({
        fullName: row.fullName.trim(),
        nationality: row.nationality,
        role: row.role.trim(),
        ...(row.documentNumber?.trim() ? { documentNumber: row.documentNumber.trim() } : {}),
      }));
    try {
      await saveManifest(movementId, people);
      onDone(people);
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
      aria-label={t('movements.manifest.edit')}
    >
      <ol className="prot-rows">
        {rows.map((row, index) => (
          <li key={index} className="prot-row">
            <div className="form-row form-row-2">
              <TextField
                label={t('movements.manifest.personName', { number: index + 1 })}
                value={row.fullName}
                onValueChange={(fullName) => set(index, { fullName })}
                dir="auto"
              />
              <label className="field">
                <span className="field-label">{t('movements.manifest.nationality')}</span>
                <select
                  className="input select"
                  value={row.nationality}
                  onChange={(event) => set(index, { nationality: event.target.value })}
                >
                  {countries.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              </label>
              <TextField
                label={t('movements.manifest.role')}
                value={row.role}
                onValueChange={(role) => set(index, { role })}
                dir="auto"
              />
              <TextField
                label={t('movements.manifest.document')}
                value={row.documentNumber ?? ''}
                onValueChange={(documentNumber) => set(index, { documentNumber })}
                dir="ltr"
              />
            </div>
            <button
              type="button"
              className="button button-link"
              aria-label={t('movements.manifest.removePerson', { number: index + 1 })}
              onClick={() => setRows(rows.filter((_, i) => i !== index))}
            >
              {t('movements.form.remove')}
            </button>
          </li>
        ))}
      </ol>
      {error ? <Notice tone="error">{describeError(error, t)}</Notice> : null}
      <div className="form-row-buttons">
        <button
          type="button"
          className="button button-secondary"
          disabled={rows.length >= MAX_PEOPLE}
          onClick={() => setRows([...rows, blank()])}
        >
          {t('movements.manifest.add')}
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
