/**
 * Turning on TOTP two-factor authentication: the server creates a secret,
 * the user adds it to an authenticator app (by the otpauth URL or by typing
 * the secret) and proves it with a first code.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { enableMfa, setupMfa } from '../../api/me';
import type { MfaSetup } from '../../api/types';
import { useSession } from '../../app/session';
import { CopyButton } from '../../components/CopyButton';
import { TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { describeError } from '../../i18n/errors';

/** The secret in groups of four, easier to type into an app by hand. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/gu, '$1 ').trim();
}

export function MfaSection() {
  const { t } = useTranslation();
  const { user, replaceUser } = useSession();
  const [setup, setSetup] = useState<MfaSetup | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [justEnabled, setJustEnabled] = useState(false);

  async function start(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      setSetup(await setupMfa());
    } catch (failure) {
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  async function confirm(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      replaceUser(await enableMfa(code));
      setSetup(null);
      setJustEnabled(true);
    } catch (failure) {
      setError(describeError(failure, t));
      setCode('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="mfa-heading">
      <div className="card-header">
        <h2 id="mfa-heading">{t('security.mfa.title')}</h2>
        <span className={user.mfaEnabled ? 'badge badge-active' : 'badge badge-warning'}>
          {user.mfaEnabled ? t('security.mfa.on') : t('security.mfa.off')}
        </span>
      </div>
      {justEnabled ? <Notice tone="success">{t('security.mfa.enabled')}</Notice> : null}
      {error ? <Notice tone="error">{error}</Notice> : null}
      {user.mfaEnabled ? (
        <p className="card-text">{t('security.mfa.onExplanation')}</p>
      ) : setup === null ? (
        <>
          <p className="card-text">{t('security.mfa.offExplanation')}</p>
          <button
            type="button"
            className="button button-primary"
            onClick={() => void start()}
            disabled={busy}
          >
            {t('security.mfa.start')}
          </button>
        </>
      ) : (
        <form className="form" onSubmit={(event) => void confirm(event)} noValidate>
          <ol className="steps">
            <li>
              <p>{t('security.mfa.stepAdd')}</p>
              <div className="secret-block">
                <span className="secret-label">{t('security.mfa.otpauthUrl')}</span>
                <code className="secret-value" dir="ltr">
                  {setup.otpauthUrl}
                </code>
                <CopyButton text={setup.otpauthUrl} />
              </div>
              <div className="secret-block">
                <span className="secret-label">{t('security.mfa.secret')}</span>
                <code className="secret-value secret-value-large" dir="ltr">
                  {groupSecret(setup.secret)}
                </code>
                <CopyButton text={setup.secret} />
              </div>
            </li>
            <li>
              <p>{t('security.mfa.stepConfirm')}</p>
              <div className="inline-form">
                <TextField
                  label={t('login.code')}
                  value={code}
                  onValueChange={(value) => setCode(value.replace(/\D/gu, '').slice(0, 6))}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  className="input input-code"
                  dir="ltr"
                  required
                />
                <button
                  type="submit"
                  className="button button-primary"
                  disabled={busy || !/^\d{6}$/u.test(code)}
                >
                  {t('security.mfa.confirm')}
                </button>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => setSetup(null)}
                >
                  {t('common.cancel')}
                </button>
              </div>
            </li>
          </ol>
        </form>
      )}
    </section>
  );
}
