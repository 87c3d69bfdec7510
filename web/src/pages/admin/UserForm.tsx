import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createUser } from '../../api/admin';
import type { Organisation, Role, UserSummary } from '../../api/types';
import { useSession } from '../../app/session';
import { CheckboxGroup, SelectField, TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { describeError, fieldErrors } from '../../i18n/errors';
import { MIN_PASSWORD_LENGTH, roleOptions } from '../../lib/organisationOptions';

interface UserFormProps {
  organisations: readonly Organisation[];
  defaultOrgId: string;
  onCreated: (user: UserSummary) => void;
  onCancel: () => void;
}

export function UserForm({ organisations, defaultOrgId, onCreated, onCancel }: UserFormProps) {
  const { t } = useTranslation();
  const session = useSession();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [orgId, setOrgId] = useState(defaultOrgId);
  const [roles, setRoles] = useState<Role[]>(['viewer']);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!username.trim()) found.username = t('validation.required');
    if (!displayName.trim()) found.displayName = t('validation.required');
    if (!orgId) found.orgId = t('validation.required');
    if (roles.length === 0) found.roles = t('validation.chooseOneRole');
    if (password.length < MIN_PASSWORD_LENGTH) {
      found.password = t('validation.passwordLength', { min: MIN_PASSWORD_LENGTH });
    }
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      onCreated(
        await createUser({
          username: username.trim(),
          displayName: displayName.trim(),
          orgId,
          roles,
          password,
        }),
      );
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
      aria-label={t('users.new')}
    >
      {formError ? <Notice tone="error">{formError}</Notice> : null}
      <div className="form-row">
        <TextField
          label={t('users.fields.username')}
          value={username}
          onValueChange={setUsername}
          error={errors.username}
          name="username"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          autoFocus
        />
        <TextField
          label={t('users.fields.displayName')}
          value={displayName}
          onValueChange={setDisplayName}
          error={errors.displayName}
          name="displayName"
          autoComplete="off"
          required
        />
      </div>
      <SelectField
        label={t('users.fields.organisation')}
        value={orgId}
        onValueChange={setOrgId}
        options={organisations.map((organisation) => ({
          value: organisation.id,
          label: organisation.name,
        }))}
        placeholder={t('common.choose')}
        error={errors.orgId}
        name="orgId"
        required
      />
      <CheckboxGroup
        legend={t('users.fields.roles')}
        options={roleOptions(t, session.user.roles)}
        selected={roles}
        onChange={setRoles}
        error={errors.roles}
      />
      <TextField
        label={t('users.fields.initialPassword')}
        hint={t('users.initialPasswordHint', { min: MIN_PASSWORD_LENGTH })}
        value={password}
        onValueChange={setPassword}
        error={errors.password}
        name="password"
        type="password"
        autoComplete="new-password"
        required
      />
      <div className="form-actions">
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('users.create')}
        </button>
      </div>
    </form>
  );
}
