/**
 * Sign-in: username and password, then (when the account has two-factor
 * authentication) the 6-digit code from the authenticator app.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { login, logout, submitMfaCode } from '../api/auth';
import type { CurrentUser, Locale, NodeInfo } from '../api/types';
import { TextField } from '../components/Field';
import { Notice } from '../components/Notice';
import { describeError } from '../i18n/errors';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { AuthFrame } from './AuthFrame';

interface LoginPageProps {
  node: NodeInfo;
  mfaPending: boolean;
  bootstrapOpen: boolean;
  onSignedIn: (user: CurrentUser) => void;
  onLocale: (locale: Locale) => void;
}

export default function LoginPage({
  node,
  mfaPending,
  bootstrapOpen,
  onSignedIn,
  onLocale,
}: LoginPageProps) {
  const { t } = useTranslation();
  const [step, setStep] = useState<'password' | 'mfa'>(mfaPending ? 'mfa' : 'password');
  useDocumentTitle(t('login.title'));
  return (
    <AuthFrame
      node={node}
      title={step === 'password' ? t('login.title') : t('login.mfaTitle')}
      subtitle={step === 'mfa' ? t('login.mfaSubtitle') : undefined}
      onLocale={onLocale}
    >
      {step === 'password' ? (
        <PasswordStep
          onSignedIn={onSignedIn}
          onMfaRequired={() => setStep('mfa')}
          bootstrapOpen={bootstrapOpen}
        />
      ) : (
        <MfaStep onSignedIn={onSignedIn} onCancel={() => setStep('password')} />
      )}
    </AuthFrame>
  );
}

function PasswordStep(props: {
  bootstrapOpen: boolean;
  onSignedIn: (user: CurrentUser) => void;
  onMfaRequired: () => void;
}) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await login(username.trim(), password);
      if (result.status === 'ok') props.onSignedIn(result.user);
      else props.onMfaRequired();
    } catch (failure) {
      setError(describeError(failure, t));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      {props.bootstrapOpen ? <Notice tone="info">{t('login.bootstrapOpen')}</Notice> : null}
      {error ? <Notice tone="error">{error}</Notice> : null}
      <TextField
        label={t('login.username')}
        value={username}
        onValueChange={setUsername}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        autoFocus
      />
      <TextField
        label={t('login.password')}
        value={password}
        onValueChange={setPassword}
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      <button
        type="submit"
        className="button button-primary button-block"
        disabled={busy || !username || !password}
      >
        {busy ? t('login.signingIn') : t('login.signIn')}
      </button>
    </form>
  );
}

function MfaStep(props: { onSignedIn: (user: CurrentUser) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const complete = /^\d{6}$/u.test(code);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!complete) return;
    setBusy(true);
    setError(null);
    try {
      const result = await submitMfaCode(code);
      props.onSignedIn(result.user);
    } catch (failure) {
      setError(describeError(failure, t));
      setCode('');
    } finally {
      setBusy(false);
    }
  }

  async function cancel(): Promise<void> {
    // Drop the half-finished sign-in on the server as well.
    await logout().catch(() => undefined);
    props.onCancel();
  }

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <TextField
        label={t('login.code')}
        hint={t('login.codeHint')}
        value={code}
        onValueChange={(value) => setCode(value.replace(/\D/gu, '').slice(0, 6))}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]{6}"
        maxLength={6}
        className="input input-code"
        dir="ltr"
        required
        autoFocus
      />
      <button
        type="submit"
        className="button button-primary button-block"
        disabled={busy || !complete}
      >
        {busy ? t('login.verifying') : t('login.verify')}
      </button>
      <button type="button" className="button button-link" onClick={() => void cancel()}>
        {t('login.backToPassword')}
      </button>
    </form>
  );
}
