/**
 * One alarm in words: level and reason (text, not colour alone), the
 * movement (a link), the last known position and when, and an Acknowledge
 * button for those who may; a refusal shows the server's message beside it.
 * Shared by the shell's banner and the operations room's alarm list.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { isAlarmReason, type Alarm } from '../../api/alarms';
import type { Role } from '../../api/types';
import { Link } from '../../app/router';
import { currentLocale } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { formatDateTime } from '../../lib/format';

/** Who may acknowledge an alarm they see (the server decides again, and refuses a duress alarm to field users). */
export const ALARM_ACKNOWLEDGERS: readonly Role[] = [
  'duty_officer',
  'org_admin',
  'liaison',
  'field',
];

export function alarmReasonText(reason: string, t: TFunction): string {
  return isAlarmReason(reason) ? t(`alarms.reason.${reason}`) : t('alarms.reason.other');
}

function coordinate(value: number): string {
  return value.toFixed(4);
}

export function AlarmEntry({
  alarm,
  canAcknowledge,
  onAcknowledge,
}: {
  alarm: Alarm;
  canAcknowledge: boolean;
  onAcknowledge: (id: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function acknowledge(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await onAcknowledge(alarm.id);
    } catch (cause) {
      setError(cause);
      setBusy(false);
    }
  }

  const position = alarm.lastPosition;
  return (
    <div className={`alarm-entry alarm-level-${alarm.level}`} data-testid="alarm-entry">
      <p className="alarm-entry-title">
        <span className="alarm-level">{t('alarms.level', { level: alarm.level })}</span>{' '}
        <strong>{alarmReasonText(alarm.reason, t)}</strong>{' '}
        <Link to={`/movements/${encodeURIComponent(alarm.movement.id)}`} className="alarm-movement">
          {t('alarms.movement', { title: alarm.movement.title })}
        </Link>
      </p>
      <p className="alarm-entry-details">
        <span>
          {position
            ? t('alarms.lastPosition', {
                lat: coordinate(position.lat),
                lon: coordinate(position.lon),
                at: formatDateTime(position.at, locale),
              })
            : t('alarms.noPosition')}
        </span>{' '}
        <span>
          {alarm.escalatedAt
            ? t('alarms.escalatedAt', { at: formatDateTime(alarm.escalatedAt, locale) })
            : t('alarms.raisedAt', { at: formatDateTime(alarm.raisedAt, locale) })}
        </span>
      </p>
      {alarm.acknowledged ? (
        <span className="alarm-acknowledged">
          {t('alarms.acknowledgedBy', {
            by: alarm.acknowledged.by,
            at: formatDateTime(alarm.acknowledged.at, locale),
          })}
        </span>
      ) : canAcknowledge ? (
        <button
          type="button"
          className="button button-small alarm-acknowledge"
          onClick={() => void acknowledge()}
          disabled={busy}
        >
          {busy ? t('alarms.acknowledging') : t('alarms.acknowledge')}
        </button>
      ) : null}
      {error ? (
        <p className="alarm-error" role="alert">
          {describeError(error, t)}
        </p>
      ) : null}
    </div>
  );
}
