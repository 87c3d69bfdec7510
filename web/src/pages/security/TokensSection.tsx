/** The user's API tokens: list, create (the secret is shown once), revoke. */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listTokens, revokeToken, type CreatedToken } from '../../api/me';
import type { ApiToken } from '../../api/types';
import { CopyButton } from '../../components/CopyButton';
import { Dialog } from '../../components/Dialog';
import { Icon } from '../../components/icons';
import { EmptyState, Notice } from '../../components/Notice';
import { currentLocale } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { formatDateTime, isPast } from '../../lib/format';
import { TokenForm } from './TokenForm';

type TokenStatus = 'active' | 'revoked' | 'expired';

function tokenStatus(token: ApiToken): TokenStatus {
  if (token.revokedAt) return 'revoked';
  if (isPast(token.expiresAt)) return 'expired';
  return 'active';
}

export function TokensSection() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [tokens, setTokens] = useState<ApiToken[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(
    (signal?: AbortSignal) => {
      listTokens(signal).then(setTokens, (failure: unknown) => {
        if (!signal?.aborted) setError(describeError(failure, t));
      });
    },
    [t],
  );

  useEffect(() => {
    const controller = new AbortController();
    reload(controller.signal);
    return () => controller.abort();
  }, [reload]);

  async function revoke(token: ApiToken): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await revokeToken(token.id);
      setRevoking(null);
      reload();
    } catch (failure) {
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="tokens-heading">
      <div className="card-header">
        <h2 id="tokens-heading">{t('security.tokens.title')}</h2>
        <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
          <Icon name="plus" />
          {t('security.tokens.new')}
        </button>
      </div>
      <p className="card-text">{t('security.tokens.explanation')}</p>
      {created ? (
        <div className="token-reveal" role="status">
          <p className="token-reveal-title">
            {t('security.tokens.createdTitle', { name: created.item.name })}
          </p>
          <p>{t('security.tokens.shownOnce')}</p>
          <div className="secret-block">
            <code className="secret-value" dir="ltr" data-testid="new-token">
              {created.token}
            </code>
            <CopyButton text={created.token} />
          </div>
          <button type="button" className="button button-link" onClick={() => setCreated(null)}>
            {t('security.tokens.dismiss')}
          </button>
        </div>
      ) : null}
      {error ? <Notice tone="error">{error}</Notice> : null}
      {tokens && tokens.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('security.tokens.fields.name')}</th>
                <th scope="col">{t('security.tokens.fields.scopes')}</th>
                <th scope="col">{t('security.tokens.fields.createdAt')}</th>
                <th scope="col">{t('security.tokens.fields.expiresAt')}</th>
                <th scope="col">{t('security.tokens.fields.lastUsedAt')}</th>
                <th scope="col">{t('security.tokens.fields.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => {
                const status = tokenStatus(token);
                return (
                  <tr key={token.id} className={status === 'active' ? undefined : 'row-disabled'}>
                    <td className="cell-strong">{token.name}</td>
                    <td className="chips">
                      {token.scopes.map((scope) => (
                        <span key={scope} className="chip code">
                          {scope}
                        </span>
                      ))}
                    </td>
                    <td className="cell-muted">{formatDateTime(token.createdAt, locale)}</td>
                    <td className="cell-muted">
                      {token.expiresAt
                        ? formatDateTime(token.expiresAt, locale)
                        : t('security.tokens.noExpiry')}
                    </td>
                    <td className="cell-muted">
                      {token.lastUsedAt
                        ? formatDateTime(token.lastUsedAt, locale)
                        : t('users.never')}
                    </td>
                    <td>
                      <span
                        className={`badge badge-${status === 'active' ? 'active' : 'disabled'}`}
                      >
                        {t(`security.tokens.status.${status}`)}
                      </span>
                    </td>
                    <td className="cell-actions">
                      {status === 'active' ? (
                        <button
                          type="button"
                          className="button button-small button-danger-outline"
                          onClick={() => setRevoking(token)}
                        >
                          {t('security.tokens.revoke')}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : tokens ? (
        <EmptyState title={t('security.tokens.empty')} />
      ) : null}

      <Dialog title={t('security.tokens.new')} open={creating} onClose={() => setCreating(false)}>
        <TokenForm
          onCancel={() => setCreating(false)}
          onCreated={(result) => {
            setCreating(false);
            setCreated(result);
            reload();
          }}
        />
      </Dialog>
      <Dialog
        title={t('security.tokens.revokeTitle', { name: revoking?.name ?? '' })}
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        size="small"
        footer={
          <>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setRevoking(null)}
            >
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="button button-danger"
              disabled={busy}
              onClick={() => {
                if (revoking) void revoke(revoking);
              }}
            >
              {t('security.tokens.revoke')}
            </button>
          </>
        }
      >
        <p>{t('security.tokens.revokeExplanation')}</p>
      </Dialog>
    </section>
  );
}
