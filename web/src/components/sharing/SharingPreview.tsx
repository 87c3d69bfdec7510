/**
 * "Who will see this": the server's answer (POST /api/sharing/preview, worked
 * out by the sharing policy itself) for the marking and release list being
 * edited, asked again a moment after they stop changing.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { previewSharing, type SharingPreview as Preview } from '../../api/intel';
import { useSession } from '../../app/session';
import { describeError } from '../../i18n/errors';
import { knownUser, useKnownUsers } from './knownUsers';
import type { SharingValue } from './sharingRules';

const DELAY_MS = 350;
/** Beyond this many organisations the list is summed up, not spelled out. */
const SHOWN_ORGANISATIONS = 12;

type State =
  | { status: 'loading'; key: string }
  | { status: 'ready'; key: string; preview: Preview }
  | { status: 'error'; key: string; error: unknown };

function useSharingPreview(value: SharingValue, recordId: string | undefined): State {
  const key = JSON.stringify([value.marking, value.releasableTo, recordId ?? null]);
  const [state, setState] = useState<State>({ status: 'loading', key });
  useEffect(() => {
    const [marking, releasableTo, id] = JSON.parse(key) as [
      SharingValue['marking'],
      string[],
      string | null,
    ];
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      previewSharing({ marking, releasableTo, recordId: id ?? undefined }, controller.signal).then(
        (preview) => setState({ status: 'ready', key, preview }),
        (error: unknown) => {
          if (!controller.signal.aborted) setState({ status: 'error', key, error });
        },
      );
    }, DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [key]);
  // An answer for other sharing fields is never shown as this one's.
  return state.key === key ? state : { status: 'loading', key };
}

export function SharingPreview({
  value,
  recordId,
}: {
  value: SharingValue;
  recordId?: string | undefined;
}) {
  const { t } = useTranslation();
  const { user } = useSession();
  const state = useSharingPreview(value, recordId);
  const titleId = useId();
  useKnownUsers(state.status === 'ready' ? (state.preview.users?.ids ?? []) : []);

  let body;
  if (state.status === 'loading') {
    body = <p className="cell-muted">{t('sharing.preview.loading')}</p>;
  } else if (state.status === 'error') {
    const refused = state.error instanceof ApiError && state.error.status === 403;
    body = refused ? (
      <p className="cell-muted">{t('sharing.preview.notAllowed')}</p>
    ) : (
      <p className="field-error">{describeError(state.error, t)}</p>
    );
  } else {
    const { preview } = state;
    const people = preview.users?.ids ?? [];
    const organisations = preview.organisations;
    const shown = organisations.slice(0, SHOWN_ORGANISATIONS);
    body = (
      <>
        <p className="sharing-preview-summary">
          {preview.audience === 'named_users'
            ? t('sharing.preview.people', { count: preview.users?.count ?? people.length })
            : preview.audience === 'everyone'
              ? t('sharing.preview.everyone', { count: organisations.length })
              : t('sharing.preview.organisations', { count: organisations.length })}
        </p>
        {preview.audience === 'named_users' ? (
          <ul className="audience-list">
            {people.map((id) => (
              <li key={id}>
                {id === user.id
                  ? t('sharing.preview.you', { name: user.displayName })
                  : (knownUser(id)?.displayName ?? <span className="code">{id}</span>)}
              </li>
            ))}
          </ul>
        ) : (
          <ul className="audience-list">
            {shown.map((organisation) => (
              <li key={organisation.id}>
                {organisation.id === user.organisation.id
                  ? t('sharing.preview.yourOrganisation', { name: organisation.name })
                  : organisation.name}
              </li>
            ))}
            {organisations.length > shown.length ? (
              <li className="cell-muted">
                {t('sharing.preview.andMore', { count: organisations.length - shown.length })}
              </li>
            ) : null}
          </ul>
        )}
        {preview.marking === 'TLP:AMBER+STRICT' ? (
          <p className="field-hint">{t('sharing.preview.strict')}</p>
        ) : null}
        {preview.marking === 'TLP:RED' ? (
          <p className="field-hint">{t('sharing.preview.staysHere')}</p>
        ) : null}
        {preview.unknownGrantees.length > 0 ? (
          <p className="field-error">{t('sharing.preview.unknownGrantees')}</p>
        ) : null}
      </>
    );
  }

  return (
    <section
      className="sharing-preview"
      aria-labelledby={titleId}
      aria-live="polite"
      aria-busy={state.status === 'loading'}
      data-testid="sharing-preview"
    >
      <h3 id={titleId} className="section-title">
        {t('sharing.preview.title')}
      </h3>
      {body}
    </section>
  );
}
