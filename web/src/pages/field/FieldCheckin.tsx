/**
 * The field page of one movement, for a phone in a moving vehicle: the
 * journey, when the next check-in is due, and a code field with one big
 * "Check in" button that sends the phone's position (or a typed one) with a
 * fresh client id. Without a connection the check-in waits on the phone and
 * is sent later (useCheckinQueue).
 *
 * Duress: a crew member forced to check in types the duress code instead.
 * The node answers exactly as for the normal code, and this page must never
 * differ either: after a check-in it shows only what the answer and the
 * phone itself know (the time sent, the next due time), never the
 * movement read back from the node, whose state a duress check-in leaves
 * unchanged. Both codes go through the very same path below.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CHECKIN_KINDS,
  sendCheckin,
  transitionMovement,
  type CheckinKind,
  type Movement,
} from '../../api/movements';
import { ConfirmDialog, useConfirmedAction } from '../../components/ConfirmDialog';
import { Notice } from '../../components/Notice';
import { currentLocale } from '../../i18n';
import { describeError, fieldErrors } from '../../i18n/errors';
import { formatDateTime } from '../../lib/format';
import { StateBadge } from '../movements/StateBadge';
import { RouteText } from '../movements/RouteText';
import { newClientId, submitCheckin } from './checkinQueue';
import { useCheckinQueue } from './useCheckinQueue';
import { usePosition } from './usePosition';

type Result =
  | { status: 'none' }
  | { status: 'sent'; at: string; nextDueAt: string | null }
  | { status: 'queued'; at: string }
  | { status: 'refused'; error: unknown };

const sendOne = (movementId: string, checkin: Parameters<typeof sendCheckin>[1]) =>
  sendCheckin(movementId, checkin);

export function FieldCheckin({
  movement,
  onChanged,
}: {
  movement: Movement;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queue = useCheckinQueue(movement.id);
  const position = usePosition();
  const [code, setCode] = useState('');
  const [kind, setKind] = useState<CheckinKind>('interval');
  const [manual, setManual] = useState(false);
  const [lat, setLat] = useState('');
  const [lon, setLon] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result>({ status: 'none' });
  const [problem, setProblem] = useState<'code' | 'position' | 'noFix' | null>(null);
  // An accepted check-in brings an overdue movement back on the road (the same for any code).
  const [shownState, setShownState] = useState(movement.state);
  const allowed = new Set(movement.allowedActions);
  const mayCheckIn = allowed.has('checkin');
  const arrival = useConfirmedAction<'arrive' | 'start'>(
    (action) => transitionMovement(movement.id, action),
    onChanged,
  );
  const nextDue =
    result.status === 'sent'
      ? result.nextDueAt
      : movement.nextDeadline?.kind === 'movement.checkin-due'
        ? movement.nextDeadline.dueAt
        : null;
  const manualShown = manual || position.problem !== null;

  async function checkIn(event: FormEvent): Promise<void> {
    event.preventDefault();
    setProblem(null);
    if (code.trim().length < 4) {
      setProblem('code');
      return;
    }
    setBusy(true);
    try {
      let fix: { lat: number; lon: number } | null = null;
      if (manualShown) {
        const typed = { lat: Number(lat), lon: Number(lon) };
        const valid =
          lat.trim() !== '' &&
          lon.trim() !== '' &&
          Math.abs(typed.lat) <= 90 &&
          Math.abs(typed.lon) <= 180;
        fix = valid && Number.isFinite(typed.lat) && Number.isFinite(typed.lon) ? typed : null;
        if (!fix) {
          setProblem('position');
          return;
        }
      } else {
        fix = await position.locate();
        if (!fix) {
          setProblem('noFix');
          return;
        }
      }
      const recordedAt = new Date();
      const checkin = {
        clientId: newClientId(),
        recordedAt: recordedAt.toISOString(),
        lat: fix.lat,
        lon: fix.lon,
        kind,
        code: code.trim(),
      };
      const storage = queue.storage ?? {
        getItem: () => null,
        setItem: () => undefined,
        removeItem: () => undefined,
      };
      const outcome = await submitCheckin(storage, sendOne, movement.id, checkin, recordedAt);
      if (outcome.status === 'refused') {
        setResult({ status: 'refused', error: outcome.error });
        return;
      }
      setCode('');
      if (shownState === 'overdue') setShownState('in_transit');
      setResult(
        outcome.status === 'sent'
          ? { status: 'sent', at: checkin.recordedAt, nextDueAt: outcome.answer.nextDueAt }
          : { status: 'queued', at: checkin.recordedAt },
      );
      queue.refresh();
    } finally {
      setBusy(false);
    }
  }

  const codeError =
    problem === 'code'
      ? t('field.problems.code')
      : result.status === 'refused'
        ? fieldErrors(result.error).code
        : undefined;

  return (
    <div className="field-checkin">
      <section className="field-card" aria-labelledby="field-journey">
        <h2 id="field-journey" className="field-title" dir="auto">
          {movement.title}
        </h2>
        <p className="field-route">
          <RouteText from={movement.origin.name} to={movement.destination.name} />
        </p>
        <StateBadge state={shownState} />
        <p className="field-due" data-testid="field-next-due">
          {nextDue ? t('field.nextDue', { at: formatDateTime(nextDue, locale) }) : t('field.noDue')}
        </p>
      </section>

      <div aria-live="polite" className="field-status">
        {queue.waiting > 0 ? (
          <Notice tone="warning">
            {t('field.waiting', { count: queue.waiting })}{' '}
            <button
              type="button"
              className="button button-link"
              onClick={queue.replay}
              disabled={queue.replaying}
            >
              {queue.replaying ? t('field.sending') : t('field.sendNow')}
            </button>
          </Notice>
        ) : null}
        {result.status === 'sent' ? (
          <Notice tone="success">
            {t('field.sent', { at: formatDateTime(result.at, locale) })}
          </Notice>
        ) : null}
        {result.status === 'queued' ? (
          <Notice tone="warning">
            {t('field.queued', { at: formatDateTime(result.at, locale) })}
          </Notice>
        ) : null}
        {queue.refused.length > 0 ? (
          <Notice tone="error">
            {t('field.refusedLater', { count: queue.refused.length })}{' '}
            {describeError(queue.refused[queue.refused.length - 1]?.error, t)}
          </Notice>
        ) : null}
      </div>

      {mayCheckIn ? (
        <form
          className="field-form"
          onSubmit={(event) => void checkIn(event)}
          noValidate
          aria-label={t('field.formLabel')}
        >
          <label className="field">
            <span className="field-label">{t('field.code')}</span>
            <input
              className="input field-input"
              type="password"
              inputMode="text"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              value={code}
              onChange={(event) => setCode(event.target.value)}
              aria-invalid={codeError ? true : undefined}
              aria-describedby="field-code-hint"
              dir="ltr"
            />
            <span id="field-code-hint" className="field-hint">
              {codeError ?? t('field.codeHint')}
            </span>
          </label>
          <label className="field">
            <span className="field-label">{t('field.kind')}</span>
            <select
              className="input select field-input"
              value={kind}
              onChange={(event) => setKind(event.target.value as CheckinKind)}
            >
              {CHECKIN_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`movements.checkinKinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          {manualShown ? (
            <fieldset className="field-manual">
              <legend>{t('field.manualPosition')}</legend>
              {position.problem ? (
                <p className="field-hint">{t(`field.position.${position.problem}`)}</p>
              ) : null}
              <label className="field">
                <span className="field-label">{t('field.lat')}</span>
                <input
                  className="input field-input"
                  inputMode="decimal"
                  value={lat}
                  onChange={(event) => setLat(event.target.value)}
                  dir="ltr"
                />
              </label>
              <label className="field">
                <span className="field-label">{t('field.lon')}</span>
                <input
                  className="input field-input"
                  inputMode="decimal"
                  value={lon}
                  onChange={(event) => setLon(event.target.value)}
                  dir="ltr"
                />
              </label>
            </fieldset>
          ) : (
            <button type="button" className="button button-link" onClick={() => setManual(true)}>
              {t('field.typePosition')}
            </button>
          )}
          {problem && problem !== 'code' ? (
            <Notice tone="error">{t(`field.problems.${problem}`)}</Notice>
          ) : null}
          {result.status === 'refused' && !codeError ? (
            <Notice tone="error">{describeError(result.error, t)}</Notice>
          ) : null}
          <button type="submit" className="button button-primary field-button" disabled={busy}>
            {busy
              ? position.locating
                ? t('field.locating')
                : t('field.sending')
              : t('field.checkIn')}
          </button>
        </form>
      ) : (
        <Notice tone="info">{t('field.notNow')}</Notice>
      )}

      {allowed.has('start') ? (
        <button
          type="button"
          className="button button-primary field-button"
          onClick={() => arrival.ask('start')}
        >
          {t('field.start')}
        </button>
      ) : null}
      {allowed.has('arrive') ? (
        <button
          type="button"
          className="button button-secondary field-button"
          onClick={() => arrival.ask('arrive')}
        >
          {t('field.arrive')}
        </button>
      ) : null}
      <ConfirmDialog
        action={arrival}
        title={arrival.pending === 'start' ? t('field.startTitle') : t('field.arriveTitle')}
        confirmLabel={arrival.pending === 'start' ? t('field.start') : t('field.arrive')}
        danger={false}
      >
        <p>
          {arrival.pending === 'start' ? t('field.startExplanation') : t('field.arriveExplanation')}
        </p>
      </ConfirmDialog>
    </div>
  );
}
