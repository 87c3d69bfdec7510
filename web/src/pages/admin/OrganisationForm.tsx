import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createOrganisation } from '../../api/admin';
import type { Organisation } from '../../api/types';
import { SelectField, TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { currentLocale } from '../../i18n';
import { describeError, fieldErrors } from '../../i18n/errors';
import { countryOptions } from '../../lib/countries';
import { isOrganisationKind, kindOptions } from '../../lib/organisationOptions';

interface OrganisationFormProps {
  onCreated: (organisation: Organisation) => void;
  onCancel: () => void;
}

export function OrganisationForm({ onCreated, onCancel }: OrganisationFormProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const [name, setName] = useState('');
  const [country, setCountry] = useState('');
  const [kind, setKind] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = t('validation.required');
    if (!country) found.country = t('validation.required');
    if (!isOrganisationKind(kind)) found.kind = t('validation.required');
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0 || !isOrganisationKind(kind)) return;
    setBusy(true);
    try {
      onCreated(await createOrganisation({ name: name.trim(), country, kind }));
    } catch (failure) {
      setErrors(fieldErrors(failure));
      setFormError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={t('organisations.new')}
    >
      {formError ? <Notice tone="error">{formError}</Notice> : null}
      <TextField
        label={t('organisations.fields.name')}
        value={name}
        onValueChange={setName}
        error={errors.name}
        name="name"
        autoComplete="off"
        required
        autoFocus
      />
      <div className="form-row">
        <SelectField
          label={t('organisations.fields.country')}
          value={country}
          onValueChange={setCountry}
          options={countries}
          placeholder={t('common.choose')}
          error={errors.country}
          name="country"
          required
        />
        <SelectField
          label={t('organisations.fields.kind')}
          value={kind}
          onValueChange={setKind}
          options={kindOptions(t)}
          placeholder={t('common.choose')}
          error={errors.kind}
          name="kind"
          required
        />
      </div>
      <div className="form-actions">
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('organisations.create')}
        </button>
      </div>
    </form>
  );
}
