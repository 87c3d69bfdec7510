/**
 * Personal data behind a button: the server records every read in the audit
 * log, so the card says so and loads only when the user asks. Once loaded it
 * shows the list, or the editing form, which hands back what it saved (or
 * null when cancelled). Site contacts and movement manifests use it.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DetailCard } from '../Detail';
import { Notice, Spinner } from '../Notice';
import { describeError } from '../../i18n/errors';

type State<T> =
  | { status: 'closed' }
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: unknown };

export function AuditedOnDemand<T>({
  headingId,
  title,
  auditedNote,
  showLabel,
  editLabel,
  mayEdit,
  load,
  view,
  form,
}: {
  headingId: string;
  title: string;
  /** Tells the user that opening it is recorded. */
  auditedNote: string;
  showLabel: string;
  editLabel: string;
  mayEdit: boolean;
  load: () => Promise<T>;
  view: (value: T) => ReactNode;
  form: (value: T, done: (saved: T | null) => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<State<T>>({ status: 'closed' });
  const [editing, setEditing] = useState(false);

  function open(): void {
    setState({ status: 'loading' });
    load().then(
      (value) => setState({ status: 'ready', value }),
      (error: unknown) => setState({ status: 'error', error }),
    );
  }

  return (
    <DetailCard headingId={headingId} title={title}>
      <Notice tone="info">{auditedNote}</Notice>
      {state.status === 'closed' ? (
        <button type="button" className="button button-primary" onClick={open}>
          {showLabel}
        </button>
      ) : null}
      {state.status === 'loading' ? <Spinner label={t('common.loading')} /> : null}
      {state.status === 'error' ? (
        <Notice tone="error">{describeError(state.error, t)}</Notice>
      ) : null}
      {state.status === 'ready' && !editing ? (
        <>
          {view(state.value)}
          {mayEdit ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setEditing(true)}
            >
              {editLabel}
            </button>
          ) : null}
        </>
      ) : null}
      {state.status === 'ready' && editing
        ? form(state.value, (saved) => {
            setEditing(false);
            if (saved) setState({ status: 'ready', value: saved });
          })
        : null}
    </DetailCard>
  );
}
