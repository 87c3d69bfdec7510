/**
 * The buttons for what the reader may do with a movement now — exactly the
 * server's `allowedActions` — each asking before it acts; rejecting,
 * returning, cancelling and reporting an incident ask why. The escort has
 * its own form (EscortForm); checking in opens the field page.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { transitionMovement, type Movement, type TransitionAction } from '../../api/movements';
import { ApiError } from '../../api/client';
import { Link } from '../../app/router';
import { ConfirmDialog, useConfirmedAction } from '../../components/ConfirmDialog';
import { TextAreaField } from '../../components/Field';
import { EscortForm } from './EscortForm';

/** In the order they show; the first allowed one is the primary button. */
const TRANSITIONS: readonly TransitionAction[] = [
  'submit',
  'approve',
  'start',
  'arrive',
  'close',
  'return',
  'reject',
  'incident',
  'cancel',
];
const NEEDS_REASON: ReadonlySet<TransitionAction> = new Set([
  'reject',
  'return',
  'cancel',
  'incident',
]);
const DANGER: ReadonlySet<TransitionAction> = new Set(['reject', 'cancel', 'incident']);

export function MovementActions({
  movement,
  onChanged,
}: {
  movement: Movement;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [escortOpen, setEscortOpen] = useState(false);
  const action = useConfirmedAction<TransitionAction>(
    async (chosen) => {
      const why = reason.trim();
      if (NEEDS_REASON.has(chosen) && why === '') {
        // Said here rather than by the server, which takes a transition without a reason.
        throw new ApiError({
          status: 400,
          code: 'REASON_REQUIRED',
          message: t('movements.confirm.reasonRequired'),
        });
      }
      await transitionMovement(movement.id, chosen, NEEDS_REASON.has(chosen) ? why : undefined);
    },
    () => {
      setReason('');
      onChanged();
    },
  );
  const allowed = new Set(movement.allowedActions);
  const transitions = TRANSITIONS.filter((a) => allowed.has(a));
  const pending = action.pending;
  const needsReason = pending !== null && NEEDS_REASON.has(pending);
  const none =
    transitions.length === 0 &&
    !allowed.has('edit') &&
    !allowed.has('assignEscort') &&
    !allowed.has('checkin');

  if (none) return null;
  return (
    <div className="movement-actions" role="group" aria-label={t('movements.actions.label')}>
      {allowed.has('edit') ? (
        <Link to={`/movements/${movement.id}/edit`} className="button button-secondary">
          {t('movements.actions.edit')}
        </Link>
      ) : null}
      {transitions.map((name, index) => (
        <button
          key={name}
          type="button"
          className={
            DANGER.has(name)
              ? 'button button-danger-outline'
              : index === 0
                ? 'button button-primary'
                : 'button button-secondary'
          }
          onClick={() => action.ask(name)}
        >
          {t(`movements.actions.${name}`)}
        </button>
      ))}
      {allowed.has('assignEscort') ? (
        <button type="button" className="button button-primary" onClick={() => setEscortOpen(true)}>
          {movement.escort
            ? t('movements.actions.changeEscort')
            : t('movements.actions.assignEscort')}
        </button>
      ) : null}
      {allowed.has('checkin') ? (
        <Link to={`/field/${movement.id}`} className="button button-secondary">
          {t('movements.actions.openField')}
        </Link>
      ) : null}

      <ConfirmDialog
        action={action}
        title={pending ? t(`movements.confirm.${pending}.title`) : ''}
        confirmLabel={pending ? t(`movements.actions.${pending}`) : ''}
        danger={pending !== null && DANGER.has(pending)}
      >
        {pending ? <p>{t(`movements.confirm.${pending}.explanation`)}</p> : null}
        {needsReason ? (
          <TextAreaField
            label={t('movements.confirm.reason')}
            hint={t('movements.confirm.reasonHint')}
            value={reason}
            onValueChange={setReason}
            rows={3}
            dir="auto"
            required
          />
        ) : null}
      </ConfirmDialog>
      <EscortForm
        movement={movement}
        open={escortOpen}
        onClose={() => setEscortOpen(false)}
        onAssigned={() => {
          setEscortOpen(false);
          onChanged();
        }}
      />
    </div>
  );
}
