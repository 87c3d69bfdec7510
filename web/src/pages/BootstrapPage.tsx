/**
 * First start of a node: creates its first organisation and administrator.
 * The one-time token comes in the URL fragment (`/bootstrap#<token>`), which
 * the browser never sends to any server.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { bootstrapNode } from '../api/auth';
import type { Locale, NodeInfo } from '../api/types';
import { navigate, useHash } from '../app/router';
import { SelectField, TextField } from '../components/Field';
import { Notice } from '../components/Notice';
import { currentLocale } from '../i18n';
import { describeError, fieldErrors } from '../i18n/errors';
import { countryOptions } from '../lib/countries';
import { isOrganisationKind, kindOptions, MIN_PASSWORD_LENGTH } from '../lib/organisationOptions';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { AuthFrame } from './AuthFrame';

interface BootstrapPageProps {
  node: NodeInfo;
  bootstrapOpen: boolean;
  onLocale: (locale: Locale) => void;
  /** The administrator exists (or the page has nothing to do): continue to sign-in. */
  onFinished: () => void;
}

const EMPTY = {
  organisationName: '',
  country: '',
  kind: '',
  username: '',
  displayName: '',
  password: '',
  confirmation: '',
};
type FormState = typeof EMPTY;

// Server issue paths → form fields.
const FIELD_FOR_PATH: Record<string, keyof FormState> = {
  'organisation.name': 'organisationName',
  'organisation.country': 'country',
  'organisation.kind': 'kind',
  username: 'username',
  displayName: 'displayName',
  password: 'password',
};

export default function BootstrapPage({
  node,
  bootstrapOpen,
  onLocale,
  onFinished,
}: BootstrapPageProps) {
  const { t } = useTranslation();
  const hash = useHash();
  const token = decodeURIComponent(hash.replace(/^#/u, '')).trim();
  const [form, setForm] = useState<FormState>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof FormState, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const locale = currentLocale();
  const countries = useMemo(() => countryOptions(locale), [locale]);
  useDocumentTitle(t('bootstrap.title'));

  function set<K extends keyof FormState>(key: K): (value: string) => void {
    return (value) => setForm((current) => ({ ...current, [key]: value }));
  }

  function validate(): Partial<Record<keyof FormState, string>> {
    const found: Partial<Record<keyof FormState, string>> = {};
    if (!form.organisationName.trim()) found.organisationName = t('validation.required');
    if (!form.country) found.country = t('validation.required');
    if (!isOrganisationKind(form.kind)) found.kind = t('validation.required');
    if (!form.username.trim()) found.username = t('validation.required');
    if (!form.displayName.trim()) found.displayName = t('validation.required');
    if (form.password.length < MIN_PASSWORD_LENGTH) {
      found.password = t('validation.passwordLength', { min: MIN_PASSWORD_LENGTH });
    }
    if (form.confirmation !== form.password) found.confirmation = t('validation.passwordMismatch');
    return found;
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    setFormError(null);
    const kind = form.kind;
    if (Object.keys(found).length > 0 || !isOrganisationKind(kind)) return;
    setBusy(true);
    try {
      await bootstrapNode({
        token,
        organisation: {
          name: form.organisationName.trim(),
          country: form.country,
          kind,
        },
        username: form.username.trim(),
        displayName: form.displayName.trim(),
        password: form.password,
      });
      setDone(true);
    } catch (failure) {
      const byPath = fieldErrors(failure);
      const mapped: Partial<Record<keyof FormState, string>> = {};
      for (const [path, message] of Object.entries(byPath)) {
        const field = FIELD_FOR_PATH[path];
        if (field) mapped[field] = message;
      }
      setErrors(mapped);
      setFormError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <AuthFrame node={node} title={t('bootstrap.doneTitle')} onLocale={onLocale}>
        <Notice tone="success">{t('bootstrap.done')}</Notice>
        <button type="button" className="button button-primary button-block" onClick={onFinished}>
          {t('bootstrap.goToSignIn')}
        </button>
      </AuthFrame>
    );
  }
  if (!bootstrapOpen || token === '') {
    return (
      <AuthFrame node={node} title={t('bootstrap.title')} onLocale={onLocale}>
        <Notice tone="warning">
          {bootstrapOpen ? t('bootstrap.noToken') : t('bootstrap.closed')}
        </Notice>
        <button
          type="button"
          className="button button-primary button-block"
          onClick={() => navigate('/login')}
        >
          {t('bootstrap.goToSignIn')}
        </button>
      </AuthFrame>
    );
  }

  return (
    <AuthFrame
      node={node}
      title={t('bootstrap.title')}
      subtitle={t('bootstrap.subtitle')}
      onLocale={onLocale}
      wide
    >
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        {formError ? <Notice tone="error">{formError}</Notice> : null}
        <fieldset className="form-section">
          <legend>{t('bootstrap.organisationSection')}</legend>
          <TextField
            label={t('organisations.fields.name')}
            value={form.organisationName}
            onValueChange={set('organisationName')}
            error={errors.organisationName}
            autoComplete="organization"
            required
          />
          <div className="form-row">
            <SelectField
              label={t('organisations.fields.country')}
              value={form.country}
              onValueChange={set('country')}
              options={countries}
              placeholder={t('common.choose')}
              error={errors.country}
              required
            />
            <SelectField
              label={t('organisations.fields.kind')}
              value={form.kind}
              onValueChange={set('kind')}
              options={kindOptions(t)}
              placeholder={t('common.choose')}
              error={errors.kind}
              required
            />
          </div>
        </fieldset>
        <fieldset className="form-section">
          <legend>{t('bootstrap.administratorSection')}</legend>
          <div className="form-row">
            <TextField
              label={t('users.fields.username')}
              value={form.username}
              onValueChange={set('username')}
              error={errors.username}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
            />
            <TextField
              label={t('users.fields.displayName')}
              value={form.displayName}
              onValueChange={set('displayName')}
              error={errors.displayName}
              autoComplete="name"
              required
            />
          </div>
          <div className="form-row">
            <TextField
              label={t('users.fields.password')}
              hint={t('validation.passwordLength', { min: MIN_PASSWORD_LENGTH })}
              value={form.password}
              onValueChange={set('password')}
              error={errors.password}
              type="password"
              autoComplete="new-password"
              required
            />
            <TextField
              label={t('users.fields.passwordConfirmation')}
              value={form.confirmation}
              onValueChange={set('confirmation')}
              error={errors.confirmation}
              type="password"
              autoComplete="new-password"
              required
            />
          </div>
        </fieldset>
        <button type="submit" className="button button-primary button-block" disabled={busy}>
          {busy ? t('bootstrap.creating') : t('bootstrap.create')}
        </button>
      </form>
    </AuthFrame>
  );
}
