/**
 * Asking before an action on a record that cannot be taken back (publish,
 * revoke): `useConfirmedAction` keeps which action awaits confirmation, runs
 * it once confirmed and keeps its failure; `ConfirmDialog` asks, with the
 * failure under the explanation. The dialog stays open on failure so that
 * the user can read why and try again.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../i18n/errors';
import { Dialog } from './Dialog';
import { Notice } from './Notice';

export interface ConfirmedAction<Action> {
  /** The action awaiting confirmation, null when none. */
  pending: Action | null;
  working: boolean;
  error: unknown;
  ask: (action: Action) => void;
  cancel: () => void;
  confirm: () => Promise<void>;
}

/** `run` does the action; `onDone` follows a success (e.g. reload the record). */
export function useConfirmedAction<Action>(
  run: (action: Action) => Promise<void>,
  onDone: () => void,
): ConfirmedAction<Action> {
  const [pending, setPending] = useState<Action | null>(null);
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function confirm(): Promise<void> {
    if (pending === null) return;
    setWorking(true);
    setError(null);
    try {
      await run(pending);
      setPending(null);
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setWorking(false);
    }
  }

  return {
    pending,
    working,
    error,
    ask: (action) => setPending(() => action),
    cancel: () => setPending(null),
    confirm,
  };
}

export function ConfirmDialog<Action>({
  action,
  title,
  confirmLabel,
  danger,
  children,
}: {
  action: ConfirmedAction<Action>;
  title: string;
  confirmLabel: string;
  /** Shows the confirm button as dangerous (revoking). */
  danger: boolean;
  /** The explanation of what the action will do. */
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={title}
      open={action.pending !== null}
      onClose={action.cancel}
      size="small"
      footer={
        <>
          <button type="button" className="button button-secondary" onClick={action.cancel}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className={danger ? 'button button-danger' : 'button button-primary'}
            onClick={() => void action.confirm()}
            disabled={action.working}
          >
            {confirmLabel}
          </button>
        </>
      }
    >
      {children}
      {action.error ? <Notice tone="error">{describeError(action.error, t)}</Notice> : null}
    </Dialog>
  );
}
