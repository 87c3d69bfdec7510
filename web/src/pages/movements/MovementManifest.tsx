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
import { DetailCard } from '../../components/Detail';
import { TextField } from '../../components/Field';
import { Notice, Spinner } from '../../components/Notice';
import { currentLocale } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { countryName, countryOptions } from '../../lib/countries';

const MAX_PEOPLE = 100;

type State =
  | { status: 'closed' }
  | { status: 'loading' }
  | { status: 'ready'; people: ManifestPerson[] }
  | { status: 'error'; error: unknown };

export function MovementManifest({ movement, mayEdit }: { movement: Movement; mayEdit: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [state, setState] = useState<State>({ status: 'closed' });
  const [editing, setEditing] = useState(false);

  function open(): void {
    setState({ status: 'loading' });
    movementManifest(movement.id).then(
      (people) => setState({ status: 'ready', people }),
      (error: unknown) => setState({ status: 'error', error }),
    );
  }

  return (
    <DetailCard headingId="manifest-heading" title={t('movements.manifest.title')}>
      <Notice tone="info">{t('movements.manifest.audited')}</Notice>
      {state.status === 'closed' ? (
        <button type="button" className="button button-primary" onClick={open}>
          {t('movements.manifest.show')}
        </button>
      ) : null}
      {state.status === 'loading' ? <Spinner label={t('common.loading')} /> : null}
      {state.status === 'error' ? (
        <Notice tone="error">{describeError(state.error, t)}</Notice>
      ) : null}
      {state.status === 'ready' && !editing ? (
        <>
          {state.people.length === 0 ? (
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
                {state.people.map((person, index) => (
                  <tr key={index}>
                    <td dir="auto">{person.fullName}</td>
                    <td>{countryName(person.nationality, locale)}</td>
                    <td dir="auto">{person.role}</td>
                    <td dir="ltr">{person.documentNumber ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {mayEdit ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setEditing(true)}
            >
              {t('movements.manifest.edit')}
            </button>
          ) : null}
        </>
      ) : null}
      {state.status === 'ready' && editing ? (
        <ManifestForm
          movementId={movement.id}
          initial={state.people}
          onDone={(people) => {
            setEditing(false);
            if (people) setState({ status: 'ready', people });
          }}
        />
      ) : null}
    </DetailCard>
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
