import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createToken, type CreatedToken } from '../../api/me';
import { TOKEN_SCOPES, type TokenScope } from '../../api/types';
import { CheckboxGroup, SelectField, TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { describeError, fieldErrors } from '../../i18n/errors';

const EXPIRY_DAYS = [7, 30, 90, 180, 365] as const;

export function TokenForm({
  onCreated,
  onCancel,
}: {
  onCreated: (token: CreatedToken) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['profile:read']);
  const [days, setDays] = useState('90');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = t('validation.required');
    if (scopes.length === 0) found.scopes = t('validation.chooseOneScope');
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      onCreated(await createToken({ name: name.trim(), scopes, expiresInDays: Number(days) }));
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
      aria-label={t('security.tokens.new')}
    >
      {formError ? <Notice tone="error">{formError}</Notice> : null}
      <TextField
        label={t('security.tokens.fields.name')}
        hint={t('security.tokens.nameHint')}
        value={name}
        onValueChange={setName}
        error={errors.name}
        autoComplete="off"
        required
        autoFocus
      />
      <CheckboxGroup
        legend={t('security.tokens.fields.scopes')}
        options={TOKEN_SCOPES.map((scope) => ({
          value: scope,
          label: scope,
          description: t(`security.tokens.scopes.${scope}`),
        }))}
        selected={scopes}
        onChange={setScopes}
        error={errors.scopes}
      />
      <SelectField
        label={t('security.tokens.fields.expiresIn')}
        value={days}
        onValueChange={setDays}
        options={EXPIRY_DAYS.map((count) => ({
          value: String(count),
          label: t('security.tokens.days', { count }),
        }))}
        error={errors.expiresInDays}
      />
      <div className="form-actions">
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('security.tokens.create')}
        </button>
      </div>
    </form>
  );
}
