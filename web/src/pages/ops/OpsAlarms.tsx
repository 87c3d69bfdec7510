/** The operations room's alarms: every open alarm the reader may see, all levels, with Acknowledge. */
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useSession } from '../../app/session';
import { ALARM_ACKNOWLEDGERS, AlarmEntry } from '../../components/alarms/AlarmEntry';
import { AlarmSoundToggle } from '../../components/alarms/AlarmSoundToggle';
import { useOpenAlarms } from '../../components/alarms/useOpenAlarms';
import { EmptyState, Notice, Spinner } from '../../components/Notice';
import { describeError } from '../../i18n/errors';
import '../../components/alarms/alarms.css';

export function OpsAlarms() {
  const { t } = useTranslation();
  const { user } = useSession();
  const open = useOpenAlarms();
  const canAcknowledge = hasAnyRole(user, ALARM_ACKNOWLEDGERS);
  return (
    <section className="card ops-panel" aria-labelledby="ops-alarms-title" data-testid="ops-alarms">
      <div className="card-header">
        <h2 id="ops-alarms-title">{t('ops.alarms.title')}</h2>
        <AlarmSoundToggle />
      </div>
      {open.status === 'error' ? (
        <Notice tone="error">{describeError(open.error, t)}</Notice>
      ) : null}
      {open.status === 'loading' ? <Spinner label={t('common.loading')} /> : null}
      {open.status === 'ready' && open.alarms.length === 0 ? (
        <EmptyState title={t('ops.alarms.empty')}>{t('ops.alarms.emptyBody')}</EmptyState>
      ) : null}
      <ul className="alarm-list">
        {open.alarms.map((alarm) => (
          <li key={alarm.id}>
            <AlarmEntry
              alarm={alarm}
              canAcknowledge={canAcknowledge}
              onAcknowledge={open.acknowledge}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
